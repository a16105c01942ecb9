package org.calibra.casebank.imports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.calibra.casebank.imports.SourceBundle.SourceFile;

/**
 * Unpacks an uploaded .zip into memory, never onto the disk, within {@link ImportLimits}: upload size, number
 * of entries, bytes per file and in total, and compression ratio (a zip bomb stops after at most the limit,
 * not after inflating everything). Names that climb out ({@code ../}), are absolute, carry a drive letter or a
 * backslash are refused; directories, symbolic links (from the central directory's Unix mode), hidden files
 * and macOS resource forks are skipped.
 */
public final class SafeZip {

    private static final int RATIO_FLOOR = 1 << 20; // small entries may compress well without being bombs

    private SafeZip() {
    }

    public static SourceBundle read(String display, byte[] zip, ImportLimits limits) {
        if (zip.length > limits.maxUploadBytes()) {
            throw new ImportException(display, "is " + mb(zip.length) + ", more than the " + mb(limits.maxUploadBytes()) + " an upload may have");
        }
        Map<String, CentralEntry> central = CentralDirectory.entries(display, zip);
        if (central.size() > limits.maxEntries()) {
            throw new ImportException(display, "has " + central.size() + " entries; at most " + limits.maxEntries() + " are accepted");
        }
        List<SourceFile> files = new ArrayList<>();
        long total = 0;
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                String name = e.getName();
                String refusal = refusal(name);
                if (refusal != null) {
                    throw new ImportException(display + "!" + name, refusal);
                }
                CentralEntry c = central.get(name);
                if (e.isDirectory() || (c != null && c.symlink()) || skipped(name)) {
                    continue;
                }
                byte[] bytes = readBounded(display + "!" + name, in, limits, limits.maxTotalBytes() - total, c);
                total += bytes.length;
                files.add(new SourceFile(name, bytes));
            }
        } catch (IOException | IllegalArgumentException e) {
            // the JDK's message names headers and signatures; the author needs to know the archive is damaged
            throw new ImportException(display, "is a damaged .zip file: it cannot be unpacked (it may have been cut off during"
                    + " the upload); make the .zip again and upload it");
        }
        return new SourceBundle(display, files);
    }

    /** Why a name may not be unpacked, or null when it is fine. */
    static String refusal(String name) {
        if (name.contains("\\")) {
            return "has a backslash in its name; zip entry names use '/'";
        }
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
            return "is an absolute path; entries must be relative to the bundle";
        }
        for (String segment : name.split("/")) {
            if (segment.equals("..")) {
                return "climbs out of the bundle with '..'";
            }
        }
        return null;
    }

    static boolean skipped(String name) {
        for (String segment : name.split("/")) {
            if (segment.startsWith(".") || segment.equals("__MACOSX")) {
                return true;
            }
        }
        return false;
    }

    private static byte[] readBounded(String where, ZipInputStream in, ImportLimits limits, long totalLeft, CentralEntry c)
            throws IOException {
        var out = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        long max = Math.min(limits.maxFileBytes(), totalLeft);
        for (int n; (n = in.read(buf)) > 0; ) {
            out.write(buf, 0, n);
            if (out.size() > max) {
                throw new ImportException(where, out.size() > totalLeft
                        ? "unpacks beyond the " + mb(limits.maxTotalBytes()) + " a bundle may have in total"
                        : "unpacks to more than the " + mb(limits.maxFileBytes()) + " a single file may have");
            }
            long compressed = c == null ? 0 : Math.max(1, c.compressedSize());
            if (c != null && out.size() > RATIO_FLOOR && out.size() / compressed > limits.maxRatio()) {
                throw new ImportException(where, "expands more than " + limits.maxRatio()
                        + " times when unpacked: refused as a possible zip bomb (DICOM images never compress that much)");
            }
        }
        return out.toByteArray();
    }

    static String mb(long bytes) {
        return bytes >= 1 << 20 ? (bytes >> 20) + " MB" : bytes + " bytes";
    }

    record CentralEntry(long compressedSize, boolean symlink) {}

    /** The central directory (APPNOTE 4.3.12): compressed sizes and Unix modes, which the local headers may lack. */
    static final class CentralDirectory {

        private CentralDirectory() {
        }

        static Map<String, CentralEntry> entries(String display, byte[] zip) {
            int eocd = -1;
            for (int i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
                if (u32(zip, i) == 0x06054b50L) {
                    eocd = i;
                    break;
                }
            }
            if (eocd < 0) {
                throw new ImportException(display, "is not a .zip file, or an incomplete one (it may have been cut off during the upload); "
                        + "upload the images as one .zip file");
            }
            int count = u16(zip, eocd + 10);
            long offset = u32(zip, eocd + 16);
            Map<String, CentralEntry> out = new HashMap<>();
            int p = (int) offset;
            for (int i = 0; i < count; i++) {
                if (p < 0 || p + 46 > zip.length || u32(zip, p) != 0x02014b50L) {
                    throw new ImportException(display, "is a damaged .zip file (its table of contents cannot be read); make the .zip again");
                }
                int madeBy = u16(zip, p + 4) >>> 8;
                long compressed = u32(zip, p + 20);
                int nameLen = u16(zip, p + 28);
                int extraLen = u16(zip, p + 30);
                int commentLen = u16(zip, p + 32);
                long external = u32(zip, p + 38);
                if (p + 46 + nameLen > zip.length) {
                    throw new ImportException(display, "is a damaged .zip file (its table of contents cannot be read); make the .zip again");
                }
                String name = new String(zip, p + 46, nameLen, java.nio.charset.StandardCharsets.UTF_8);
                boolean symlink = madeBy == 3 && ((external >>> 16) & 0170000) == 0120000;
                out.put(name, new CentralEntry(compressed, symlink));
                p += 46 + nameLen + extraLen + commentLen;
            }
            return out;
        }

        private static int u16(byte[] b, int at) {
            return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
        }

        private static long u32(byte[] b, int at) {
            return (u16(b, at) | (long) u16(b, at + 2) << 16) & 0xFFFFFFFFL;
        }
    }
}
