package org.calibra.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** 1-bit frames pack least significant bit first and run on without padding (PS3.5 8.1.1); wider samples little endian. */
class NativePixelsTest {

    @Test
    void one_bit_frames_are_packed_lsb_first_and_a_frame_may_start_mid_byte() {
        boolean[] a = {true, false, false, true, true}; // 1 x 5: frame 2 starts at bit 5
        boolean[] b = {false, true, true, false, true};
        byte[] packed = NativePixels.packBits(List.of(a, b));

        // bits 0..9 = 1 0 0 1 1 | 0 1 1 0 1: byte 0 = 1101_1001 (bit 0 rightmost), byte 1 = 10
        assertThat(packed).containsExactly((byte) 0b1101_1001, (byte) 0b10);
        Element e = Element.of(Tags.PixelData, "OB", packed);
        assertThat(NativePixels.frame(e, 1, 5, 1, false, 0)).containsExactly(1, 0, 0, 1, 1);
        assertThat(NativePixels.frame(e, 1, 5, 1, false, 1)).containsExactly(0, 1, 1, 0, 1);
    }

    @Test
    void wider_samples_are_little_endian_and_signed_on_request() {
        Element words = Element.of(Tags.PixelData, "OW", new byte[] {1, 0, (byte) 0xFF, (byte) 0xFF, 0, 1, 2, 0});
        assertThat(NativePixels.frame(words, 1, 2, 16, false, 0)).containsExactly(1, 0xFFFF);
        assertThat(NativePixels.frame(words, 1, 2, 16, true, 0)).containsExactly(1, -1);
        assertThat(NativePixels.frame(words, 1, 2, 16, false, 1)).containsExactly(256, 2);
        Element bytes = Element.of(Tags.PixelData, "OB", new byte[] {(byte) 200, 3});
        assertThat(NativePixels.frame(bytes, 1, 1, 8, false, 0)).containsExactly(200);
        assertThat(NativePixels.frame(bytes, 1, 1, 8, true, 0)).containsExactly(-56);
    }

    @Test
    void too_short_or_compressed_pixel_data_is_refused() {
        assertThatThrownBy(() -> NativePixels.frame(Element.of(Tags.PixelData, "OB", new byte[2]), 2, 2, 8, false, 0))
                .hasMessageContaining("too few for frame 1");
        assertThatThrownBy(() -> NativePixels.frame(new Element(Tags.PixelData, "OB", null, null, List.of(new byte[0])), 1, 1, 8, false, 0))
                .isInstanceOf(UnsupportedDicomException.class);
    }
}
