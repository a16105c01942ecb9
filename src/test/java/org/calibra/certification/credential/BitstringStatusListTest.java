package org.calibra.certification.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.BitSet;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class BitstringStatusListTest {

    @Test
    void encoding_and_decoding_give_back_the_same_bits() {
        var random = new Random(7);
        var bits = new BitSet();
        for (int i = 0; i < 500; i++) {
            bits.set(random.nextInt(BitstringStatusList.SIZE));
        }
        bits.set(0);
        bits.set(BitstringStatusList.SIZE - 1);

        assertThat(BitstringStatusList.decode(BitstringStatusList.encode(bits))).isEqualTo(bits);
    }

    @Test
    void the_list_is_multibase_base64url_of_gzip_of_at_least_131072_bits_with_index_0_the_leftmost_bit() throws Exception {
        var bits = new BitSet();
        bits.set(0);
        bits.set(9);
        String encoded = BitstringStatusList.encode(bits);

        assertThat(encoded).startsWith("u").doesNotContain("=", "+", "/");
        byte[] raw;
        try (var in = new GZIPInputStream(new ByteArrayInputStream(Base64.getUrlDecoder().decode(encoded.substring(1))))) {
            raw = in.readAllBytes();
        }
        assertThat(raw.length * 8).isGreaterThanOrEqualTo(131_072);
        assertThat(raw[0]).isEqualTo((byte) 0x80);
        assertThat(raw[1]).isEqualTo((byte) 0x40);
        assertThat(raw[2]).isZero();
    }

    @Test
    void an_empty_list_is_small_and_decodes_to_no_bits() {
        String encoded = BitstringStatusList.encode(new BitSet());
        assertThat(encoded.length()).isLessThan(400);
        assertThat(BitstringStatusList.decode(encoded).isEmpty()).isTrue();
    }

    @Test
    void lists_that_are_too_short_or_not_multibase_are_refused() {
        assertThatThrownBy(() -> BitstringStatusList.decode("H4sI")).isInstanceOf(IllegalArgumentException.class);
        var tooLong = new BitSet();
        tooLong.set(BitstringStatusList.SIZE);
        assertThatThrownBy(() -> BitstringStatusList.encode(tooLong)).isInstanceOf(IllegalArgumentException.class);
    }
}
