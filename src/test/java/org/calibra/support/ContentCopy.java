package org.calibra.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A private copy of cases/ and curricula/ that a test may change. */
public final class ContentCopy {
    private ContentCopy() {
    }

    /** The number of case folders under {@code cases} (the demo cases and the synthetic starter library). */
    public static int caseFolders(Path cases) throws IOException {
        try (Stream<Path> dirs = Files.list(cases)) {
            return (int) dirs.filter(Files::isDirectory).filter(d -> !d.getFileName().toString().startsWith(".")).count();
        }
    }

    /** Copies both folders under {@code tmp}; returns {@code tmp/cases}. */
    public static Path into(Path tmp) throws IOException {
        for (String dir : new String[] {"cases", "curricula"}) {
            Path from = Path.of(dir);
            try (Stream<Path> walk = Files.walk(from)) {
                for (Path p : walk.toList()) {
                    Path to = tmp.resolve(dir).resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(p, to);
                    }
                }
            }
        }
        return tmp.resolve("cases");
    }

    /**
     * The repository's curricula plus one written for a test, loaded (with the repository's cases) by {@code loader};
     * the copy lives under {@code tmp}.
     */
    public static void loadWithCurriculum(org.calibra.content.ContentLoader loader, Path tmp, String id, String yaml) throws IOException {
        Path curricula = Files.createDirectories(tmp.resolve("curricula"));
        try (Stream<Path> files = Files.list(Path.of("curricula"))) {
            for (Path f : files.toList()) {
                Files.copy(f, curricula.resolve(f.getFileName()));
            }
        }
        Files.writeString(curricula.resolve(id + ".yaml"), yaml);
        loader.load(Path.of("cases"), curricula);
    }

    /**
     * A temporary folder with only the demo curriculum (ai-reading-foundations, the one ReadingScenario's first-reads is in)
     * and the demo cases, without the synthetic library: an app node started on it loads in seconds, not minutes.
     */
    public static Path demoOnly(String tempPrefix) throws IOException {
        Path content = Files.createTempDirectory(tempPrefix);
        Files.createDirectories(content.resolve("curricula"));
        Files.copy(Path.of("curricula/ai-reading-foundations.yaml"), content.resolve("curricula/ai-reading-foundations.yaml"));
        try (Stream<Path> dirs = Files.list(Path.of("cases"))) {
            for (Path dir : dirs.filter(Files::isDirectory).filter(d -> !d.getFileName().toString().startsWith("synth-")).toList()) {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path f : files.toList()) {
                        Path to = content.resolve("cases").resolve(Path.of("cases").relativize(f).toString());
                        if (Files.isDirectory(f)) {
                            Files.createDirectories(to);
                        } else {
                            Files.copy(f, to);
                        }
                    }
                }
            }
        }
        return content;
    }
}
