package org.calibra.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Cases made the way educators make them: a bundle uploaded as a draft by {@code curator}, sent for review, approved by
 * {@code educator} (ADR 0021). The bundle is a demo case's folder under a new id, so its DICOM is real.
 */
final class AuthoredCases {

    private AuthoredCases() {
    }

    /** Uploads each {@code [newId, demoFolder]} as curator and sends it for review, then approves them all as educator. */
    static void publish(Path tmp, String[]... cases) throws IOException {
        try (var browser = new Browser()) {
            LoginPage.open(browser).signInAs("curator", "curator");
            for (String[] c : cases) {
                var page = CaseImportPage.open(browser).upload(zip(tmp, c[0], c[1]));
                assertThat(page.status()).contains(" is a draft").doesNotContain(c[0]); // named by its title, not its id
                page.openDraft().sendForReview();
            }
        }
        try (var browser = new Browser()) {
            LoginPage.open(browser).signInAs("educator", "educator");
            for (String[] c : cases) {
                ReviewQueuePage.open(browser).open(c[0]).approve();
            }
        }
    }

    /** The demo folder's case.yaml under {@code id}, with every file beside it. */
    private static Path zip(Path tmp, String id, String demoFolder) throws IOException {
        Path source = Path.of("cases", demoFolder);
        String yaml = Files.readString(source.resolve("case.yaml")).replaceFirst("(?m)^id: .*$", "id: " + id);
        Path zip = tmp.resolve(id + ".zip");
        try (OutputStream out = Files.newOutputStream(zip); var z = new ZipOutputStream(out); Stream<Path> files = Files.list(source)) {
            z.putNextEntry(new ZipEntry(id + "/case.yaml"));
            z.write(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            z.closeEntry();
            for (Path f : files.filter(f -> !f.getFileName().toString().equals("case.yaml")).sorted().toList()) {
                z.putNextEntry(new ZipEntry(id + "/" + f.getFileName()));
                z.write(Files.readAllBytes(f));
                z.closeEntry();
            }
        }
        return zip;
    }
}
