package org.calibra.casebank.aiobjects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.calibra.casebank.aiobjects.Fixtures.file;
import static org.calibra.casebank.aiobjects.Fixtures.mapped;
import static org.calibra.casebank.aiobjects.Fixtures.refused;
import static org.calibra.casebank.aiobjects.Fixtures.t;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.calibra.dicom.DataSet;
import org.calibra.dicom.Tags;
import org.junit.jupiter.api.Test;

/** Heatmaps: an 8-bit grey PNG for the image the caller names; a grey secondary capture or a parametric map for the image it names. */
class HeatmapTest {

    private final Fixtures fx = new Fixtures();

    @Test
    void a_grey_png_is_the_heatmap_of_the_image_it_is_given_for() {
        byte[] png = HeatmapPng.encode(new int[] {0, 64, 128, 255, 10, 20}, 3, 2);

        AiObject o = mapped(AiObjects.heatmap("heat.png", png, 4, fx.images));

        assertThat(o.kind()).isEqualTo(AiObject.Kind.HEATMAP);
        assertThat(o.heatmaps()).singleElement().satisfies(h -> {
            assertThat(h.imageIndex()).isEqualTo(4);
            assertThat(h.width()).isEqualTo(3);
            assertThat(h.height()).isEqualTo(2);
            assertThat(h.png()).isEqualTo(png);
        });
    }

    @Test
    void a_grey_secondary_capture_is_the_heatmap_of_the_image_it_references() throws Exception {
        DataSet image = fx.ct.images().get(3);
        int[] values = new int[16 * 16];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 256;
        }
        byte[] pixels = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            pixels[i] = (byte) values[i];
        }
        DataSet sc = SegmentationWriter.common(image, AiSeries.demo("test-heatmap", 300, "AI attention"), SopClasses.SECONDARY_CAPTURE, "OT", "1")
                .putStrings(t("ConversionType"), "WSD")
                .putSequence(t("ReferencedImageSequence"), List.of(new DataSet()
                        .putStrings(t("ReferencedSOPClassUID"), image.string(Tags.SOPClassUID))
                        .putStrings(t("ReferencedSOPInstanceUID"), image.string(Tags.SOPInstanceUID))))
                .putInts(Tags.SamplesPerPixel, 1).putStrings(Tags.PhotometricInterpretation, "MONOCHROME2")
                .putInts(Tags.Rows, 16).putInts(Tags.Columns, 16).putInts(Tags.BitsAllocated, 8).putInts(Tags.BitsStored, 8)
                .putInts(Tags.HighBit, 7).putInts(Tags.PixelRepresentation, 0)
                .putBytes(Tags.PixelData, "OB", pixels);

        AiHeatmap h = mapped(AiObjects.read(file("heat.dcm", sc), fx.images)).heatmaps().getFirst();

        assertThat(h.imageIndex()).isEqualTo(3);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(h.png()));
        assertThat(decoded.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(decoded.getRaster().getPixel(5, 2, (int[]) null)[0]).isEqualTo(values[2 * 16 + 5]);

        sc.remove(t("ReferencedImageSequence"));
        assertThat(refused(AiObjects.read(file("heat.dcm", sc), fx.images))).singleElement().asString()
                .contains("does not say which image it belongs to");
    }

    @Test
    void a_parametric_map_is_scaled_so_its_largest_value_is_white() throws Exception {
        DataSet source = fx.ct.images().get(2);
        DataSet seg = fx.seg(); // borrow its functional groups: its second frame lies on image 2
        DataSet frame = seg.get(t("PerFrameFunctionalGroupsSequence")).items().get(1); // nodule on image 2
        DataSet pm = SegmentationWriter.common(source, AiSeries.demo("test-pm", 301, "AI probability map"), SopClasses.PARAMETRIC_MAP, "CT", "1")
                .putInts(Tags.SamplesPerPixel, 1).putStrings(Tags.PhotometricInterpretation, "MONOCHROME2")
                .putInts(Tags.Rows, 2).putInts(Tags.Columns, 2).putInts(Tags.BitsAllocated, 32)
                .putStrings(Tags.NumberOfFrames, "1")
                .putSequence(t("SharedFunctionalGroupsSequence"), seg.get(t("SharedFunctionalGroupsSequence")).items())
                .putSequence(t("PerFrameFunctionalGroupsSequence"), List.of(frame))
                .putFloats(Tags.FloatPixelData, -1, 0.25, 0.5, 1);

        AiHeatmap h = mapped(AiObjects.read(file("pm.dcm", pm), fx.images)).heatmaps().getFirst();

        assertThat(h.imageIndex()).isEqualTo(2);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(h.png()));
        assertThat(decoded.getRaster().getPixels(0, 0, 2, 2, (int[]) null)).containsExactly(0, 64, 128, 255);
    }
}
