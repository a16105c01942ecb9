package org.calibra.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Zips for upload tests: a demo case under a new id, and zipping and unzipping in memory. */
public final class CaseZips {

    private CaseZips() {
    }

    /** A demo case's manifest under a new id with the 'imported' tag, and its image (a secondary capture when {@code sc}). */
    public static byte[] caseZip(String id, boolean sc) throws Exception {
        String source = sc ? "cases/nm-bone-scan-injection-site" : "cases/mr-iac-schwannoma-detected";
        String yaml = Files.readString(Path.of(source, "case.yaml")).replaceFirst("(?m)^id: .*$", "id: " + id)
                .replaceFirst("(?m)^tags: \\[", "tags: [imported, ");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(id + "/case.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        try (var files = Files.list(Path.of(source))) {
            for (Path f : files.filter(p -> !p.getFileName().toString().equals("case.yaml")).toList()) {
                entries.put(id + "/" + f.getFileName(), Files.readAllBytes(f));
            }
        }
        return zip(entries);
    }

    public static byte[] zip(Map<String, byte[]> entries) throws Exception {
        var out = new ByteArrayOutputStream();
        try (var z = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    public static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
