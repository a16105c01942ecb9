package org.calibra.casebank.aiobjects;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.calibra.dicom.ReferenceFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the writers make is what other DICOM software accepts: dicom3tools' dciodvfy finds no error in the SEG (binary and
 * fractional), the SR or the CT they refer to; dcmtk's dsrdump reads the SR as a TID 1500 tree and dcmdump the SEG;
 * pydicom decodes the SEG's packed masks to the very pixels written. Skipped locally without the tools, failing under
 * CI=true (ReferenceFiles).
 */
class ReferenceToolsTest {

    private final Fixtures fx = new Fixtures();

    @Test
    void dciodvfy_finds_no_error_in_the_segmentations_the_report_or_the_images(@TempDir Path tmp) throws Exception {
        var fractional = SegmentationWriter.build(fx.ct.images(), fx.segments(), SegmentationWriter.Kind.FRACTIONAL_PROBABILITY,
                AiSeries.demo("test-frac-tools", 106, "AI lesion probability"));
        var files = List.of(write(tmp, "seg.dcm", Fixtures.bytes(fx.seg())), write(tmp, "seg-fractional.dcm", Fixtures.bytes(fractional)),
                write(tmp, "sr.dcm", Fixtures.bytes(fx.sr())), write(tmp, "ct.dcm", fx.ct.files().getFirst()));
        var expectedIod = List.of("Segmentation", "Segmentation", "ComprehensiveSR", "CTImage");
        for (int i = 0; i < files.size(); i++) {
            var result = ReferenceFiles.run("dciodvfy", files.get(i).toString());
            assertThat(result.output()).as(result.output()).startsWith(expectedIod.get(i)).doesNotContain("Error");
        }
    }

    @Test
    void dsrdump_reads_the_report_as_a_measurement_report(@TempDir Path tmp) throws Exception {
        Path sr = write(tmp, "sr.dcm", Fixtures.bytes(fx.sr()));

        var dump = ReferenceFiles.run("dsrdump", "+Pt", sr.toString());

        assertThat(dump.exit()).as(dump.output()).isZero();
        assertThat(dump.output()).doesNotContain("E: ").doesNotContain("W: ")
                .contains("Comprehensive SR Document")
                .contains("<CONTAINER:(,,\"Imaging Measurement Report\")=SEPARATE>")
                .contains("# TID 1500 (DCMR)").contains("# TID 1410 (DCMR)").contains("# TID 1501 (DCMR)")
                .contains("<contains CONTAINER:(,,\"Measurement Group\")=SEPARATE>")
                .contains("<has obs context TEXT:(,,\"Tracking Identifier\")=\"Nodule 1\">")
                .contains("<contains CODE:(,,\"Finding\")=(27925004,SCT,\"Nodule\")>")
                .contains("<contains SCOORD:(,,\"Image Region\")=(POLYLINE,")
                .contains("<contains SCOORD:(,,\"Image Region\")=(POINT,15.5/45.25)>")
                .contains("<selected from IMAGE:=(CT image,)>")
                .contains("<contains NUM:(,,\"Probability of cancer\")=\"0.87\" (1,UCUM,\"no units\")>")
                .contains("<contains CODE:(,,\"Margins\")=(112136,DCM,\"Spiculated\")>");
    }

    @Test
    void dcmdump_reads_the_segmentation(@TempDir Path tmp) throws Exception {
        Path seg = write(tmp, "seg.dcm", Fixtures.bytes(fx.seg()));

        var dump = ReferenceFiles.run("dcmdump", "-q", seg.toString());

        assertThat(dump.exit()).as(dump.output()).isZero();
        assertThat(dump.output()).doesNotContain("E: ").doesNotContain("W: ")
                .contains("(0008,0016) UI =SegmentationStorage")
                .contains("(0062,0001) CS [BINARY]")
                .contains("(0062,0005) LO [Nodule]")
                .contains("(0062,0005) LO [Mass]")
                .contains("(0028,0008) IS [6]")
                .contains("(0028,0100) US 1");
    }

    @Test
    void pydicom_decodes_the_packed_masks_to_the_pixels_written(@TempDir Path tmp) throws Exception {
        Path seg = write(tmp, "seg.dcm", Fixtures.bytes(fx.seg()));
        Path python = Path.of("/usr/bin/python3");
        ReferenceFiles.pydicomFiles(); // skips without python3-pydicom, fails under CI
        var numpy = new ProcessBuilder(python.toString(), "-c", "import numpy").redirectErrorStream(true).start();
        if (numpy.waitFor() != 0) { // pydicom decodes pixel data with numpy, which Debian installs as its recommendation
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                org.assertj.core.api.Assertions.fail("python3-numpy is missing, but CI=true: apt-get install python3-numpy");
            }
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "python3-numpy is missing; skipped locally");
        }
        // frame by frame: the number of set pixels and the sums of their columns and rows, as pydicom's pixel_array sees them
        String script = "import sys, pydicom\n"
                + "ds = pydicom.dcmread(sys.argv[1])\n"
                + "a = ds.pixel_array\n"
                + "for f in a:\n"
                + "    ys, xs = f.nonzero()\n"
                + "    print(len(xs), int(xs.sum()), int(ys.sum()))\n";
        var p = new ProcessBuilder(python.toString(), "-c", script, seg.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();

        var expected = new StringBuilder();
        for (var segment : fx.segments()) {
            for (var mask : segment.masks().values()) {
                int n = 0, sx = 0, sy = 0;
                for (int i = 0; i < mask.length; i++) {
                    if (mask[i] >= 0.5f) {
                        n++;
                        sx += i % Fixtures.SIZE;
                        sy += i / Fixtures.SIZE;
                    }
                }
                expected.append(n).append(' ').append(sx).append(' ').append(sy).append('\n');
            }
        }
        assertThat(out).isEqualTo(expected.toString());
    }

    private static Path write(Path dir, String name, byte[] bytes) throws java.io.IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }
}
