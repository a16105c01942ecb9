package org.calibra.casebank.aiobjects;

import java.util.ArrayList;
import java.util.List;
import org.calibra.dicom.DataSet;
import org.calibra.dicom.DicomException;
import org.calibra.dicom.Dictionary;
import org.calibra.dicom.Element;
import org.calibra.dicom.NativePixels;
import org.calibra.dicom.Part10;
import org.calibra.dicom.Tags;

/**
 * A heatmap delivered as DICOM: a grey secondary capture (single- or multi-frame) that names the image it was made from
 * (Referenced Image Sequence or Source Image Sequence; a multi-frame one, one reference per frame), or a parametric map
 * whose frames name their source images like a segmentation's. Values become 0..255: 8-bit values as they are, wider or
 * floating-point ones scaled so the largest is 255 and anything at or below zero is 0.
 */
final class DicomHeatmapReader {

    private static final int ReferencedImageSequence = Dictionary.tag("ReferencedImageSequence");
    private static final int SourceImageSequence = Dictionary.tag("SourceImageSequence");
    private static final int SharedFunctionalGroupsSequence = Dictionary.tag("SharedFunctionalGroupsSequence");
    private static final int PerFrameFunctionalGroupsSequence = Dictionary.tag("PerFrameFunctionalGroupsSequence");

    private DicomHeatmapReader() {
    }

    static AiFileResult read(String fileName, Part10 file, CaseStack stack) {
        DataSet ds = file.data();
        List<String> problems = new ArrayList<>();
        boolean parametric = SopClasses.PARAMETRIC_MAP.equals(ds.string(Tags.SOPClassUID));
        Integer rows = ds.integer(Tags.Rows), columns = ds.integer(Tags.Columns), bits = ds.integer(Tags.BitsAllocated);
        Integer samples = ds.integer(Tags.SamplesPerPixel), framesAttr = ds.integer(Tags.NumberOfFrames);
        int frames = framesAttr == null || framesAttr < 1 ? 1 : framesAttr;
        String photometric = ds.string(Tags.PhotometricInterpretation) == null ? "" : ds.string(Tags.PhotometricInterpretation).trim();
        Element pixels = ds.contains(Tags.PixelData) ? ds.get(Tags.PixelData)
                : ds.contains(Tags.FloatPixelData) ? ds.get(Tags.FloatPixelData) : ds.get(Tags.DoubleFloatPixelData);
        if (rows == null || columns == null || pixels == null) {
            problems.add("The heatmap has no pixels (no size or no pixel data).");
        } else if (samples != null && samples != 1 || !photometric.startsWith("MONOCHROME")) {
            problems.add("The heatmap is a colour picture (" + photometric + "); Calibra needs the map's grey values, not a coloured rendering of it.");
        } else if (pixels.isEncapsulated()) {
            problems.add("The heatmap's pixels are compressed; export it uncompressed.");
        } else if (rows > HeatmapPng.MAX_SIDE || columns > HeatmapPng.MAX_SIDE) {
            problems.add("The heatmap is " + columns + " x " + rows + " pixels; at most " + HeatmapPng.MAX_SIDE + " a side.");
        }
        if (!problems.isEmpty()) {
            return new AiFileResult.Refused(fileName, problems);
        }

        int[] targets = new int[frames];
        List<String> frameProblems = new ArrayList<>();
        if (parametric) {
            DataSet shared = SegmentationReader.firstItem(ds, SharedFunctionalGroupsSequence);
            List<DataSet> perFrame = SegmentationReader.items(ds, PerFrameFunctionalGroupsSequence);
            String frameOfReference = ds.string(Tags.FrameOfReferenceUID);
            for (int f = 0; f < frames; f++) {
                var t = SegmentationReader.target(f < perFrame.size() ? perFrame.get(f) : new DataSet(), shared, stack, rows, columns,
                        frameOfReference == null || frameOfReference.isBlank() ? null : frameOfReference.trim());
                targets[f] = t.index();
                if (t.problem() != null) {
                    frameProblems.add("Frame " + (f + 1) + " of the heatmap: " + t.problem() + ".");
                }
            }
        } else {
            List<DataSet> refs = new ArrayList<>(SegmentationReader.items(ds, ReferencedImageSequence));
            if (refs.isEmpty()) {
                refs.addAll(SegmentationReader.items(ds, SourceImageSequence));
            }
            if (refs.isEmpty()) {
                return new AiFileResult.Refused(fileName, List.of("The heatmap does not say which image it belongs to (no referenced or source image):"
                        + " add it as a PNG heatmap and choose its image."));
            }
            if (frames > 1 && refs.size() != frames) {
                return new AiFileResult.Refused(fileName, List.of("The heatmap has " + frames + " frames but names " + refs.size()
                        + " images; Calibra pairs them one to one."));
            }
            for (int f = 0; f < frames; f++) {
                DataSet ref = refs.get(frames == 1 ? 0 : f);
                List<Integer> found = stack.resolve(ref.string(SegmentationReader.ReferencedSOPInstanceUID), SegmentationReader.frameNumbers(ref));
                targets[f] = found.size() == 1 ? found.getFirst() : -1;
                if (found.size() > 1) {
                    frameProblems.add("The heatmap names a multi-frame image without saying which frame it belongs to.");
                }
            }
        }
        problems.addAll(frameProblems);
        String missing = stack.missingReferences("The heatmap");
        if (missing != null) {
            problems.add(missing);
        }
        if (!problems.isEmpty()) {
            return new AiFileResult.Refused(fileName, problems);
        }
        List<AiHeatmap> heatmaps = new ArrayList<>();
        try {
            for (int f = 0; f < frames; f++) {
                int[] grey = grey(pixels, rows, columns, bits == null ? 8 : bits, Integer.valueOf(1).equals(ds.integer(Tags.PixelRepresentation)), f,
                        "MONOCHROME1".equals(photometric));
                heatmaps.add(new AiHeatmap(targets[f], columns, rows, HeatmapPng.encode(grey, columns, rows)));
            }
        } catch (DicomException e) {
            return new AiFileResult.Refused(fileName, List.of("The heatmap's pixels cannot be read: the file is damaged or uses an unusual layout."));
        }
        return new AiFileResult.Mapped(fileName, new AiObject(AiObject.Kind.HEATMAP, ds.string(Tags.SOPInstanceUID),
                (parametric ? "Parametric map" : "Heatmap") + (ds.string(Tags.SeriesDescription) == null ? "" : " “" + ds.string(Tags.SeriesDescription).trim() + "”"),
                List.of(), null, List.of(), heatmaps, List.of()));
    }

    private static int[] grey(Element pixels, int rows, int columns, int bits, boolean signed, int frame, boolean inverted) {
        int n = rows * columns;
        double[] v = new double[n];
        boolean floating = "OF".equals(pixels.vr()) || "OD".equals(pixels.vr());
        if (floating) {
            double[] all = pixels.doubles();
            if (all.length < (long) (frame + 1) * n) {
                throw new DicomException("float pixel data too short");
            }
            System.arraycopy(all, frame * n, v, 0, n);
        } else {
            int[] s = NativePixels.frame(pixels, rows, columns, bits, signed, frame);
            for (int i = 0; i < n; i++) {
                v[i] = s[i];
            }
        }
        int[] out = new int[n];
        if (!floating && bits == 8 && !signed) {
            for (int i = 0; i < n; i++) {
                out[i] = (int) v[i];
            }
        } else {
            double max = 0;
            for (double d : v) {
                if (Double.isFinite(d)) {
                    max = Math.max(max, d);
                }
            }
            for (int i = 0; i < n; i++) {
                out[i] = max <= 0 || !Double.isFinite(v[i]) || v[i] <= 0 ? 0 : (int) Math.round(255 * v[i] / max);
            }
        }
        if (inverted) {
            for (int i = 0; i < n; i++) {
                out[i] = 255 - out[i];
            }
        }
        return out;
    }
}
