package org.calibra.casebank.imports;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.calibra.dicom.deid.Deidentifier;

/**
 * {@code ./calibra import}: bulk import of real DICOM into clean, de-identified case bundles on disk.
 * <pre>
 * ./calibra import --out DIR [--data-dir DATA] [--db JDBC-URL] SOURCE...
 * </pre>
 * Each SOURCE (a folder of any structure, or a .zip) becomes {@code DIR/<name>/}: the de-identified files
 * (under case.yaml's names when the source has a case.yaml, otherwise series-NN/image-NNNN.dcm with a
 * skeleton case.yaml to complete) and import-report.md. A source with any unusable file writes nothing.
 * The UID key is the installation's, read from its database (ADR 0030), so the app would produce the same files.
 */
public final class ImportCli {

    static final String USAGE = """
            usage: import --out DIR [--data-dir DATA] [--db JDBC-URL] SOURCE...
              SOURCE: a folder of DICOM files (any structure) or a .zip, optionally with a case.yaml.
              Writes DIR/<source-name>/ with the de-identified files, a case.yaml (a skeleton marked TODO when the
              source had none) and import-report.md. The UIDs are keyed by the installation's de-identification
              secret, read from its database: by default the embedded one under DATA (default ./data; stop the app
              first, H2 allows one process), else JDBC-URL with CALIBRA_DB_USER / CALIBRA_DB_PASSWORD. The secret is
              sealed with the key in CALIBRA_SECRETS_KEY_FILE or CALIBRA_SECRETS_KEY (DATA/secrets.key for the
              embedded database). Exit status 1 if any source failed (it writes nothing).
            """;

    private ImportCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path dir = null;
        Path data = Path.of("data");
        String db = null;
        List<Path> sources = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--out" -> dir = Path.of(args[++i]);
                    case "--data-dir" -> data = Path.of(args[++i]);
                    case "--db" -> db = args[++i];
                    case "--help", "-h" -> {
                        out.print(USAGE);
                        return 0;
                    }
                    default -> {
                        if (args[i].startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + args[i]);
                        }
                        sources.add(Path.of(args[i]));
                    }
                }
            }
        } catch (ArrayIndexOutOfBoundsException | IllegalArgumentException e) {
            err.println("import: " + (e.getMessage() == null ? "an option lacks its value" : e.getMessage()));
            err.print(USAGE);
            return 2;
        }
        if (dir == null || sources.isEmpty()) {
            err.print(USAGE);
            return 2;
        }
        byte[] secret;
        try {
            secret = ImportSecrets.deidentificationSecret(db, data);
        } catch (RuntimeException e) {
            err.println("import: could not read the installation's de-identification secret: " + e.getMessage());
            return 2;
        }
        var importer = new BundleImporter(new Deidentifier(secret));
        int failed = 0;
        for (Path source : sources) {
            try {
                SourceBundle bundle = Files.isDirectory(source) ? SourceFolder.read(source, ImportLimits.defaults())
                        : SafeZip.read(source.getFileName().toString(), Files.readAllBytes(source), ImportLimits.defaults());
                CleanBundle clean = importer.run(bundle);
                // a bundle with a case.yaml lands in a folder named by its id, ready for cases/ (the loader requires it)
                String name = clean.hadManifest() ? manifestId(clean).orElse(SkeletonManifest.slug(source.getFileName().toString()))
                        : SkeletonManifest.slug(source.getFileName().toString());
                Path target = dir.resolve(name);
                if (Files.exists(target)) {
                    throw new ImportException(target.toString(), "already exists; choose another --out or remove it");
                }
                write(target, clean);
                out.println(source + " -> " + target + ": " + clean.report().files() + " file(s), " + clean.series().size() + " series"
                        + (clean.hadManifest() ? "" : ", skeleton case.yaml to complete")
                        + (clean.needsReview() ? ", " + clean.report().flags().size() + " image(s) to check for burned-in text" : ""));
            } catch (ImportException e) {
                failed++;
                err.println(source + ": not imported, nothing written:");
                e.problems().forEach(p -> err.println("  " + p));
            } catch (IOException e) {
                failed++;
                err.println(source + ": cannot be read: " + e.getMessage());
            }
        }
        return failed == 0 ? 0 : 1;
    }

    static java.util.Optional<String> manifestId(CleanBundle clean) {
        String yaml = new String(clean.files().get(BundleImporter.MANIFEST), java.nio.charset.StandardCharsets.UTF_8);
        return yaml.lines().filter(l -> l.startsWith("id:")).map(l -> l.substring(3).replaceAll("#.*", "").trim())
                .filter(id -> id.matches("[a-z0-9-]{3,64}")).findFirst();
    }

    static void write(Path target, CleanBundle clean) throws IOException {
        Path tmp = Files.createDirectories(target.toAbsolutePath().getParent()).resolve(target.getFileName() + ".part");
        for (var e : clean.files().entrySet()) {
            Path f = tmp.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.write(f, e.getValue());
        }
        if (clean.hadManifest()) {
            Files.writeString(tmp.resolve(BundleImporter.REPORT), clean.reportMarkdown());
        }
        Files.move(tmp, target); // whole bundle or nothing under its final name
    }
}
