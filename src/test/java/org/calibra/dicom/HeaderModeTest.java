package org.calibra.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reader's two modes agree (ADR 0012 asked that "both readers agree"; there is one reader now, and this is the
 * check): on every readable pydicom test file and every DICOM file of the demo cases, a header-only read holds exactly
 * the elements a whole read holds before the top-level Pixel Data, the same meta group and transfer syntax, and its
 * pixel data location points at the very bytes the whole read copied — the native value, or the offset table and
 * every fragment. Reading from a path (memory-mapped) gives the same as reading the bytes.
 */
class HeaderModeTest {

    static Stream<Path> files() throws IOException {
        List<Path> files = new ArrayList<>(DicomRoundTripTest.readable().toList());
        try (Stream<Path> cases = Files.walk(Path.of("cases"))) {
            cases.filter(p -> p.toString().endsWith(".dcm")).sorted().forEach(files::add);
        }
        return files.stream();
    }

    @ParameterizedTest(name = "{arguments}")
    @MethodSource("files")
    void a_header_only_read_is_the_whole_read_up_to_the_pixel_data(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Part10 whole = DicomReader.read(bytes);
        Part10Header header = DicomReader.readHeader(bytes);

        assertThat(header.transferSyntax()).isEqualTo(whole.transferSyntax());
        assertThat(Part10Writer.encode(header.meta())).isEqualTo(Part10Writer.encode(whole.meta()));
        DataSet before = new DataSet();
        whole.data().view().stream().filter(e -> Integer.compareUnsigned(e.tag(), Tags.PixelData) < 0).forEach(before::put);
        assertThat(Part10Writer.encode(header.data())).as("elements before the pixel data").isEqualTo(Part10Writer.encode(before));

        Element pixels = whole.data().get(Tags.PixelData);
        PixelDataLocation at = header.pixelData();
        if (pixels == null) {
            assertThat(at).isNull();
            assertThat(header.data().size()).isEqualTo(whole.data().size());
            return;
        }
        byte[] source = at.inDeflatedDataSet() ? inflated(bytes) : bytes;
        assertThat(at.encapsulated()).isEqualTo(pixels.isEncapsulated());
        if (at.encapsulated()) {
            List<byte[]> located = new ArrayList<>();
            located.add(offsetTable(at.basicOffsetTable()));
            at.fragments().forEach(f -> located.add(range(source, f.offset(), f.length())));
            assertThat(located).as("offset table and fragments").hasSameSizeAs(pixels.fragments());
            for (int i = 0; i < located.size(); i++) {
                assertThat(located.get(i)).as("item %d", i).isEqualTo(pixels.fragments().get(i));
            }
        } else if (!whole.transferSyntax().bigEndian()) {
            assertThat(range(source, at.valueOffset(), at.valueLength())).isEqualTo(pixels.value());
        } else {
            assertThat(at.valueLength()).isEqualTo(pixels.value().length); // the whole read swapped the bytes
        }
        Integer frames = whole.data().integer(Tags.NumberOfFrames);
        assertThat(at.numberOfFrames()).isEqualTo(frames == null || frames < 1 ? 1 : frames);

        Part10Header mapped = DicomReader.readHeader(file);
        assertThat(Part10Writer.encode(mapped.data())).isEqualTo(Part10Writer.encode(header.data()));
        assertThat(mapped.pixelData().valueOffset()).isEqualTo(at.valueOffset());
        assertThat(mapped.pixelData().fragments()).isEqualTo(at.fragments());
    }

    private static byte[] range(byte[] b, long offset, long length) {
        return Arrays.copyOfRange(b, (int) offset, (int) (offset + length));
    }

    private static byte[] offsetTable(long[] entries) {
        var b = java.nio.ByteBuffer.allocate(entries.length * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (long e : entries) {
            b.putInt((int) e);
        }
        return b.array();
    }

    /** The data set of a deflated file, inflated as the reader does (the meta group's length says where it starts). */
    private static byte[] inflated(byte[] file) {
        int metaLength = java.nio.ByteBuffer.wrap(file, 140, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
        return Inflating.inflate(java.nio.ByteBuffer.wrap(file), 144 + metaLength);
    }
}
