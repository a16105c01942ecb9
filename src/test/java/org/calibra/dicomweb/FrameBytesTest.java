package org.calibra.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.calibra.casebank.dicom.DicomHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Frames as ranges of real files: native frames by size, encapsulated frames by fragment, and what cannot be served. */
class FrameBytesTest {

    private static final Path PYDICOM = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    @Test
    void a_native_single_frame_is_the_whole_pixel_value() throws Exception {
        Path file = Path.of("cases/ct-thoracic-spine-staging-normal/CT_small.dcm");
        var h = DicomHeaders.read(file);
        var frame = FrameBytes.frame(h, 1);
        assertThat(frame.length()).isEqualTo(128L * 128 * 2);
        assertThat(frame.mediaType()).isEqualTo("application/octet-stream");
        assertThat(frame.transferSyntax()).isEqualTo("1.2.840.10008.1.2.1");
        // the range starts right after Pixel Data's header: (7FE0,0010) OW, 2 reserved bytes, length 32768
        byte[] all = Files.readAllBytes(file);
        int start = (int) frame.ranges().getFirst()[0];
        var header = java.nio.ByteBuffer.wrap(all, start - 12, 12).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        assertThat(header.getShort() & 0xFFFF).isEqualTo(0x7FE0);
        assertThat(header.getShort() & 0xFFFF).isEqualTo(0x0010);
        assertThat(new String(all, start - 8, 2, StandardCharsets.US_ASCII)).isEqualTo("OW");
        assertThat(java.nio.ByteBuffer.wrap(all, start - 4, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt()).isEqualTo(32768);
    }

    @Test
    void native_multi_frame_frames_follow_each_other_in_an_implicit_vr_file() throws Exception {
        var h = DicomHeaders.read(Path.of("cases/rtdose-multiframe-not-diagnostic/rtdose.dcm"));
        int size = h.rows() * h.columns() * 4; // 32-bit dose values
        var first = FrameBytes.frame(h, 1).ranges().getFirst();
        var last = FrameBytes.frame(h, 15).ranges().getFirst();
        assertThat(first[1]).isEqualTo(size);
        assertThat(last[0] - first[0]).isEqualTo(14L * size);
    }

    @Test
    void an_encapsulated_frame_is_its_compressed_fragment_with_its_own_media_type() throws Exception {
        Path file = Path.of("cases/nm-bone-scan-injection-site/JPEG2000.dcm");
        var h = DicomHeaders.read(file);
        var frame = FrameBytes.frame(h, 1);
        assertThat(frame.mediaType()).isEqualTo("image/jp2");
        assertThat(frame.transferSyntax()).isEqualTo("1.2.840.10008.1.2.4.91");
        byte[] bytes = read(file, frame.ranges());
        // a JPEG 2000 codestream starts with SOC (FF4F) then SIZ (FF51)
        assertThat(Arrays.copyOf(bytes, 4)).containsExactly(0xFF, 0x4F, 0xFF, 0x51);
    }

    @Test
    void each_rle_frame_is_one_fragment_with_an_rle_header() throws Exception {
        Path file = PYDICOM.resolve("SC_rgb_rle_2frame.dcm");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(file), "python3-pydicom test files not installed");
        var h = DicomHeaders.read(file);
        for (int n = 1; n <= 2; n++) {
            byte[] bytes = read(file, FrameBytes.frame(h, n).ranges());
            // RLE header: number of segments (3 for 8-bit RGB), then the first segment's offset, 64
            assertThat(java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(0)).isEqualTo(3);
            assertThat(java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(4)).isEqualTo(64);
        }
        assertThat(FrameBytes.mediaType(h)).isEqualTo("image/dicom-rle");
    }

    @Test
    void frames_of_big_endian_and_deflated_files_are_refused_with_what_to_do_instead() throws Exception {
        for (String name : new String[] {"MR_small_bigendian.dcm", "image_dfl.dcm"}) {
            Path file = PYDICOM.resolve(name);
            org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(file), "python3-pydicom test files not installed");
            var h = DicomHeaders.read(file);
            assertThat(FrameBytes.servable(h)).isFalse();
            assertThatThrownBy(() -> FrameBytes.frame(h, 1)).isInstanceOf(DicomWebException.class)
                    .hasMessageContaining("retrieve the whole instance")
                    .satisfies(e -> assertThat(((DicomWebException) e).status).isEqualTo(HttpStatus.NOT_ACCEPTABLE));
        }
    }

    @Test
    void frame_lists_are_checked_against_the_frame_count() {
        assertThat(WadoRsController.frameList("1,3, 2", 3)).containsExactly(1, 3, 2);
        assertThatThrownBy(() -> WadoRsController.frameList("0", 3)).hasMessageContaining("start at 1");
        assertThatThrownBy(() -> WadoRsController.frameList("4", 3)).hasMessageContaining("frame 4 not found: the instance has 3 frames");
        assertThatThrownBy(() -> WadoRsController.frameList("1,,2", 3)).hasMessageContaining("'' is not a number");
    }

    static byte[] read(Path file, List<long[]> ranges) throws Exception {
        byte[] all = Files.readAllBytes(file);
        var out = new ByteArrayOutputStream();
        for (long[] r : ranges) {
            out.write(all, (int) r[0], (int) r[1]);
        }
        return out.toByteArray();
    }
}
