package org.calibra.casebank.aiobjects;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.calibra.dicom.DicomReader;
import org.calibra.dicom.Part10;
import org.calibra.dicom.Tags;

/**
 * Reads AI results and maps them onto a case's images (ADR 0019). Each file is either mapped whole or refused with every
 * problem found in it, in words a radiologist can act on — never a stack trace or a byte offset.
 *
 * <ul>
 * <li>{@link #read(AiFile, List)} one file: a DICOM segmentation (SEG), a TID 1500 measurement report (Comprehensive,
 * Enhanced, Comprehensive 3D or Extensible SR) or a DICOM heatmap (secondary capture, parametric map) that names its
 * image.</li>
 * <li>{@link #readAll(List, List)} the files of one upload together: a report's measurement group may outline its finding
 * as a segment of a segmentation uploaded with it, and gives that segment its probability (by reference or Tracking
 * UID).</li>
 * <li>{@link #heatmap(String, byte[], int, List)} an 8-bit grey PNG for the image the caller names.</li>
 * </ul>
 */
public final class AiObjects {

    private static final System.Logger LOG = System.getLogger(AiObjects.class.getName());
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private AiObjects() {
    }

    /** One file against the case's images (the expanded stack, in order). */
    public static AiFileResult read(AiFile file, List<CaseImage> images) {
        return readAll(List.of(file), images).getFirst();
    }

    /** One file against images de-identified on import (see {@link #readAll(List, List, UnaryOperator)}). */
    public static AiFileResult read(AiFile file, List<CaseImage> images, UnaryOperator<String> deidentifiedUid) {
        return readAll(List.of(file), images, deidentifiedUid).getFirst();
    }

    /** The files of one upload, each mapped or refused; results in the order of {@code files}. */
    public static List<AiFileResult> readAll(List<AiFile> files, List<CaseImage> images) {
        return readAll(files, images, UnaryOperator.identity());
    }

    /**
     * As {@link #readAll(List, List)}, for a case whose images were de-identified on import (ADR 0012): the AI product saw
     * the original UIDs, the case holds the de-identified ones, so each UID the objects refer to (images, frame of reference)
     * matches as written or as {@code deidentifiedUid} maps it — pass the de-identifier's keyed mapping
     * ({@code new org.calibra.dicom.deid.UidMapper(secret)::map}). The AI objects themselves are not de-identified: the
     * Basic Profile would remove an SR's Content Sequence, and nothing of their patient module is kept in the result.
     */
    public static List<AiFileResult> readAll(List<AiFile> files, List<CaseImage> images, UnaryOperator<String> deidentifiedUid) {
        Map<Integer, AiFileResult> results = new HashMap<>();
        Map<Integer, Part10> parsed = new LinkedHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            AiFile f = files.get(i);
            String problem = notDicom(f.bytes());
            if (problem != null) {
                results.put(i, new AiFileResult.Refused(f.name(), List.of(problem)));
                continue;
            }
            try {
                parsed.put(i, DicomReader.read(f.bytes()));
            } catch (RuntimeException e) {
                results.put(i, new AiFileResult.Refused(f.name(), List.of(inWords(e))));
            }
        }
        Map<String, AiFileResult> segmentations = new HashMap<>();
        for (var e : parsed.entrySet()) {
            Part10 p = e.getValue();
            String sopClass = sopClass(p);
            String name = files.get(e.getKey()).name();
            AiFileResult r;
            if (SopClasses.isSegmentation(sopClass)) {
                r = guarded(name, "segmentation", () -> SegmentationReader.read(name, p, new CaseStack(images, deidentifiedUid)));
                segmentations.put(uid(p), r);
            } else if (SopClasses.isHeatmapClass(sopClass)) {
                r = guarded(name, "heatmap", () -> DicomHeatmapReader.read(name, p, new CaseStack(images, deidentifiedUid)));
            } else if (SopClasses.isMeasurementReportClass(sopClass)) {
                continue; // after the segmentations they may refer to
            } else {
                var what = SopClasses.describe(sopClass, p.data().string(Tags.Modality));
                r = new AiFileResult.Refused(name, List.of("This is " + what.name() + ", not an AI result: Calibra reads AI results from DICOM"
                        + " segmentations (SEG), measurement reports (SR, TID 1500) and heatmaps (PNG, secondary capture or parametric map)."
                        + (what.hint() == null ? "" : " " + what.hint())));
            }
            results.put(e.getKey(), r);
        }
        List<MeasurementReportReader.SegmentLink> links = new ArrayList<>();
        for (var e : parsed.entrySet()) {
            if (SopClasses.isMeasurementReportClass(sopClass(e.getValue()))) {
                String name = files.get(e.getKey()).name();
                MeasurementReportReader.Outcome out;
                try {
                    out = MeasurementReportReader.read(name, e.getValue(), new CaseStack(images, deidentifiedUid), segmentations);
                } catch (RuntimeException ex) {
                    out = new MeasurementReportReader.Outcome(unreadable(name, "measurement report", ex), List.of());
                }
                results.put(e.getKey(), out.result());
                if (out.result() instanceof AiFileResult.Mapped) {
                    links.addAll(out.links());
                }
            }
        }
        giveProbabilitiesFromReports(results, links);
        List<AiFileResult> ordered = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            ordered.add(results.get(i));
        }
        return ordered;
    }

    /**
     * An 8-bit grey PNG heatmap for image {@code imageIndex} of the case (at most 4096 pixels a side; stretched over the
     * whole image, so its own size may be smaller).
     */
    public static AiFileResult heatmap(String fileName, byte[] png, int imageIndex, List<CaseImage> images) {
        List<String> problems = new ArrayList<>();
        if (imageIndex < 0 || imageIndex >= images.size()) {
            problems.add("The heatmap is meant for image " + (imageIndex + 1) + ", but the case has " + images.size() + " images.");
        }
        var check = HeatmapPng.check(png);
        if (check.problem() != null) {
            problems.add(check.problem());
        }
        if (!problems.isEmpty()) {
            return new AiFileResult.Refused(fileName, problems);
        }
        var heatmap = new AiHeatmap(imageIndex, check.width(), check.height(), png.clone());
        return new AiFileResult.Mapped(fileName, new AiObject(AiObject.Kind.HEATMAP, null, "Heatmap " + fileName, List.of(), null,
                List.of(), List.of(heatmap), List.of()));
    }

    /**
     * A reader's answer; an attribute the readers did not expect in that form (a value of the wrong type, a sequence where
     * a value belongs) becomes a refusal in words, and the details go to the log, never to the person uploading.
     */
    private static AiFileResult guarded(String name, String what, java.util.function.Supplier<AiFileResult> reader) {
        try {
            return reader.get();
        } catch (RuntimeException e) {
            return unreadable(name, what, e);
        }
    }

    private static AiFileResult unreadable(String name, String what, RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "AI object " + name + " could not be read as a " + what, e);
        return new AiFileResult.Refused(name, List.of("This " + what + " cannot be read: some of its content is not in the form DICOM"
                + " prescribes (the file may be damaged, or written by a product that bends the standard)."));
    }

    /** A segment without a probability of its own takes the one a report of the same upload gives it. */
    private static void giveProbabilitiesFromReports(Map<Integer, AiFileResult> results, List<MeasurementReportReader.SegmentLink> links) {
        if (links.isEmpty()) {
            return;
        }
        for (var e : results.entrySet()) {
            if (!(e.getValue() instanceof AiFileResult.Mapped m) || m.object().kind() != AiObject.Kind.SEGMENTATION) {
                continue;
            }
            AiObject o = m.object();
            List<String> notes = new ArrayList<>(o.notes());
            List<AiRegion> regions = new ArrayList<>();
            for (AiRegion r : o.regions()) {
                AiRegion updated = r;
                if (r.probability() == null) {
                    for (var link : links) {
                        boolean same = (o.sopInstanceUid().equals(link.segmentationUid()) && r.segmentNumber().equals(link.segmentNumber()))
                                || (link.trackingUid() != null && link.trackingUid().equals(r.trackingUid()));
                        if (same && link.probability() != null) {
                            updated = r.withProbability(link.probability());
                            notes.add("Segment " + r.segmentNumber() + " “" + r.label() + "” takes its probability "
                                    + org.calibra.dicom.Vrs.decimalString(link.probability()) + " from the measurement report " + link.reportFile() + ".");
                            break;
                        }
                    }
                }
                regions.add(updated);
            }
            results.put(e.getKey(), new AiFileResult.Mapped(m.fileName(), new AiObject(o.kind(), o.sopInstanceUid(), o.description(), regions,
                    o.caseScore(), o.caseEvaluations(), o.heatmaps(), notes)));
        }
    }

    private static String notDicom(byte[] bytes) {
        if (bytes.length >= PNG_SIGNATURE.length && Arrays.equals(bytes, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0, PNG_SIGNATURE.length)) {
            return "This is a PNG picture, which does not say which image it belongs to: add it as a heatmap and choose its image.";
        }
        return null;
    }

    private static String sopClass(Part10 p) {
        String s = p.data().string(Tags.SOPClassUID);
        if (s == null || s.isBlank()) {
            s = p.meta().string(Tags.MediaStorageSOPClassUID);
        }
        return s == null ? "" : s.trim();
    }

    private static String uid(Part10 p) {
        String s = p.data().string(Tags.SOPInstanceUID);
        return s == null ? "" : s.trim();
    }

    /** The codec's message in words, without byte offsets or tags. */
    static String inWords(RuntimeException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        if (m.startsWith("not DICOM")) {
            return "This file is not a DICOM file (it has no DICOM file header) nor a PNG heatmap. Calibra reads AI results from DICOM"
                    + " segmentations (SEG), measurement reports (SR, TID 1500) and heatmaps.";
        }
        if (m.startsWith("truncated")) {
            return "This DICOM file is incomplete: it ends in the middle of its content. Export or copy it again.";
        }
        if (m.startsWith("unsupported encoding")) {
            return "This DICOM file is encoded in a way Calibra does not read (its transfer syntax). Export it uncompressed"
                    + " (explicit VR little endian) and try again.";
        }
        return "This DICOM file is damaged and cannot be read. Export it again.";
    }
}
