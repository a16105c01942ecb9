package org.calibra.dicomweb;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * DCMTK's dcmdump as an independent reference: the top-level attributes of a file as (tag → VR, value text).
 * Skipped locally without dcmdump; fails under CI=true (.ci/run installs dcmtk).
 */
final class DcmDump {

    record Value(String vr, String text) {}

    private static final Pattern LINE = Pattern.compile("^\\(([0-9a-f]{4}),([0-9a-f]{4})\\) (\\w\\w) (.*?)\\s+#\\s*\\d+,");

    private DcmDump() {
    }

    static Map<Integer, Value> topLevel(Path file) throws IOException, InterruptedException {
        Path exe = Path.of("/usr/bin/dcmdump");
        if (!Files.isExecutable(exe)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("dcmdump is not installed, but CI=true: .ci/run must install it (apt-get install dcmtk)");
            }
            assumeTrue(false, "dcmdump is not installed; skipped locally");
        }
        // -q quiet, -Un UIDs as numbers, +L long values in full
        var p = new ProcessBuilder(exe.toString(), "-q", "-Un", "+L", file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("dcmdump did not finish");
        }
        Map<Integer, Value> values = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            var m = LINE.matcher(line); // nested elements are indented, so only top-level lines match
            if (m.find()) {
                int tag = Integer.parseUnsignedInt(m.group(1) + m.group(2), 16);
                String raw = m.group(4).trim();
                String text = raw.startsWith("[") && raw.endsWith("]") ? raw.substring(1, raw.length() - 1)
                        : raw.equals("(no value available)") ? "" : raw;
                values.putIfAbsent(tag, new Value(m.group(3), text));
            }
        }
        return values;
    }
}
