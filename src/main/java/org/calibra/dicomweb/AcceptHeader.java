package org.calibra.dicomweb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The media ranges of an Accept header with their parameters (quoted values unquoted), enough for DICOMweb's
 * {@code multipart/related; type="application/octet-stream"; transfer-syntax=*}. Quality values are ignored:
 * a range with q=0 is dropped, all others count as acceptable.
 */
record AcceptHeader(List<Range> ranges) {

    record Range(String type, Map<String, String> params) {
        String param(String name) {
            return params.get(name);
        }

        boolean any() {
            return type.equals("*/*");
        }
    }

    static AcceptHeader parse(String header) {
        List<Range> ranges = new ArrayList<>();
        if (header == null || header.isBlank()) {
            ranges.add(new Range("*/*", Map.of()));
            return new AcceptHeader(ranges);
        }
        for (String part : splitOutsideQuotes(header, ',')) {
            List<String> pieces = splitOutsideQuotes(part, ';');
            String type = pieces.get(0).trim().toLowerCase(Locale.ROOT);
            if (type.isEmpty()) {
                continue;
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (String p : pieces.subList(1, pieces.size())) {
                int eq = p.indexOf('=');
                if (eq > 0) {
                    String value = p.substring(eq + 1).trim();
                    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                        value = value.substring(1, value.length() - 1);
                    }
                    params.put(p.substring(0, eq).trim().toLowerCase(Locale.ROOT), value);
                }
            }
            if ("0".equals(params.get("q")) || "0.0".equals(params.get("q"))) {
                continue;
            }
            ranges.add(new Range(type, params));
        }
        return new AcceptHeader(ranges);
    }

    private static List<String> splitOutsideQuotes(String s, char separator) {
        List<String> out = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == separator && !quoted) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }

    /** Multipart of {@code partType} parts in {@code transferSyntax} (null: native, served as Explicit VR Little Endian). */
    boolean acceptsMultipart(String partType, String transferSyntax, boolean nativePixels) {
        for (Range r : ranges) {
            if (r.any() || r.type().equals("multipart/*")) {
                return true;
            }
            if (!r.type().equals("multipart/related")) {
                continue;
            }
            String type = r.param("type");
            String ts = r.param("transfer-syntax");
            boolean typeOk = type == null || type.equalsIgnoreCase(partType)
                    || (type.equalsIgnoreCase("application/octet-stream") && partType.startsWith("image/"));
            boolean tsOk = ts == null || ts.equals("*") || ts.equals(transferSyntax)
                    || (nativePixels && (ts.equals(FrameBytes.EXPLICIT_LE) || ts.equals("1.2.840.10008.1.2")));
            if (typeOk && tsOk) {
                return true;
            }
        }
        return false;
    }

    /** DICOM JSON: application/dicom+json, application/json or a wildcard. */
    boolean acceptsJson() {
        return ranges.stream().anyMatch(r -> r.any() || r.type().equals("application/*") || r.type().equals("application/dicom+json")
                || r.type().equals("application/json"));
    }

    @Override
    public String toString() {
        return ranges.stream().map(Range::type).toList().toString();
    }
}
