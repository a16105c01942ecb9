package org.calibra.synthetic;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's DICOM tools (dicom3tools' dciodvfy, dcmtk's dcmdump) as independent references. Without the
 * tool a test is skipped locally, but fails under CI=true: .ci/run installs them, so missing means broken.
 */
final class Tools {

    record Result(int exit, String output) {}

    private Tools() {
    }

    static Result run(String tool, Path file) throws IOException, InterruptedException {
        Path exe = Path.of("/usr/bin", tool);
        if (!Files.isExecutable(exe)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(tool + " is not installed, but CI=true: .ci/run must install it (apt-get install dicom3tools dcmtk)");
            }
            assumeTrue(false, tool + " is not installed; skipped locally");
        }
        var p = new ProcessBuilder(exe.toString(), file.toString()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(tool + " did not finish");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
