package org.calibra.dicom;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Independent references for the codec: Debian's python3-pydicom test files (real files in every transfer
 * syntax, big endian, deflated, broken), dcmtk's dcmdump and dicom3tools' dciodvfy. Missing locally → the test
 * is skipped; missing under CI=true → it fails, because .ci/run installs them.
 */
public final class ReferenceFiles {

    public static final Path PYDICOM = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    public record Result(int exit, String output) {}

    private ReferenceFiles() {
    }

    /** Every *.dcm file of pydicom's test data, sorted by name. */
    public static List<Path> pydicomFiles() {
        require(Files.isDirectory(PYDICOM), "python3-pydicom's test files (" + PYDICOM + ")", "python3-pydicom");
        try (Stream<Path> s = Files.list(PYDICOM)) {
            return s.filter(p -> p.toString().endsWith(".dcm")).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static Path pydicom(String name) {
        require(Files.isDirectory(PYDICOM), "python3-pydicom's test files (" + PYDICOM + ")", "python3-pydicom");
        return PYDICOM.resolve(name);
    }

    public static Result run(String tool, String... args) throws IOException, InterruptedException {
        Path exe = Path.of("/usr/bin", tool);
        require(Files.isExecutable(exe), tool, "dicom3tools dcmtk");
        var cmd = new java.util.ArrayList<String>();
        cmd.add(exe.toString());
        cmd.addAll(List.of(args));
        var p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(tool + " did not finish");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.ISO_8859_1));
    }

    private static void require(boolean present, String what, String debianPackages) {
        if (!present) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(what + " is missing, but CI=true: .ci/run must install it (apt-get install " + debianPackages + ")");
            }
            assumeTrue(false, what + " is missing; skipped locally");
        }
    }
}
