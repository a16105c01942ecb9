package org.calibra.casebank.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds test zips in memory. */
final class Zips {

    private Zips() {
    }

    static byte[] of(Map<String, byte[]> entries) {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Marks an entry as a Unix symbolic link in the central directory (made by Unix, mode 0120777). */
    static byte[] markSymlink(byte[] zip, String name) {
        byte[] n = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int p = 0; p + 46 < zip.length; p++) {
            if (zip[p] == 0x50 && zip[p + 1] == 0x4b && zip[p + 2] == 1 && zip[p + 3] == 2
                    && java.util.Arrays.equals(zip, p + 46, p + 46 + n.length, n, 0, n.length)) {
                zip[p + 5] = 3; // version made by: Unix
                int mode = 0120777;
                zip[p + 40] = (byte) mode;
                zip[p + 41] = (byte) (mode >>> 8);
                return zip;
            }
        }
        throw new IllegalArgumentException(name + " not in the zip");
    }
}
