package org.calibra.dicom;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** The data set of a Deflated Explicit VR Little Endian file (PS3.5 A.5): raw deflate, no zlib header. */
final class Inflating {

    private Inflating() {
    }

    /** The inflated bytes of {@code file} from {@code offset}; bytes after the end of the deflate stream are ignored. */
    static byte[] inflate(ByteBuffer file, int offset) {
        var inflater = new Inflater(true);
        inflater.setInput(file.duplicate().position(offset));
        var out = new ByteArrayOutputStream(Math.max(1024, (file.limit() - offset) * 3));
        byte[] chunk = new byte[64 * 1024];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(chunk, 0, n);
            }
            if (!inflater.finished()) {
                throw new DicomException("truncated: the deflated data set is truncated: the file ends before the end of its deflate stream");
            }
        } catch (DataFormatException e) {
            throw new DicomException("the deflated data set is corrupt: " + e.getMessage());
        } finally {
            inflater.end();
        }
        return out.toByteArray();
    }
}
