package org.calibra.dicom;

import java.util.ArrayList;
import java.util.List;

/**
 * dcmdump output reduced to what must survive re-encoding: every data set element with its nesting, VR and
 * value, without the file meta group, group lengths, lengths and delimiters (which legitimately change
 * when defined lengths replace undefined ones).
 */
final class DumpLines {

    private DumpLines() {
    }

    static List<String> of(String dump) {
        List<String> lines = new ArrayList<>();
        boolean inDataSet = false;
        for (String raw : dump.split("\n")) {
            if (raw.startsWith("# Dicom-Data-Set")) {
                inDataSet = true;
                continue;
            }
            String line = raw.replaceAll("\\s+#.*$", "").stripTrailing();
            String t = line.strip();
            if (!inDataSet || t.isEmpty() || t.startsWith("#") || t.startsWith("(fffe,e00d)") || t.startsWith("(fffe,e0dd)")
                    || t.matches("\\([0-9a-f]{4},0000\\).*")) {
                continue;
            }
            // "??" is dcmdump's VR for an unknown implicit-VR element, which an explicit file calls UN
            lines.add(line.replace("with explicit length", "").replace("with undefined length", "").replaceFirst("\\) \\?\\? ", ") UN "));
        }
        return lines;
    }
}
