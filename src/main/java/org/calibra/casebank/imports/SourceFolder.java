package org.calibra.casebank.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.calibra.casebank.imports.SourceBundle.SourceFile;

/** Reads a source folder (any structure) for the command line, with the same limits and skips as {@link SafeZip}. */
public final class SourceFolder {

    private SourceFolder() {
    }

    public static SourceBundle read(Path dir, ImportLimits limits) {
        Path root = dir.toAbsolutePath().normalize();
        List<SourceFile> files = new ArrayList<>();
        long total = 0;
        try (Stream<Path> walk = Files.walk(root)) { // does not follow links
            for (Path p : walk.sorted().toList()) {
                String name = root.relativize(p).toString().replace(java.io.File.separatorChar, '/');
                if (name.isEmpty() || Files.isSymbolicLink(p) || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || SafeZip.skipped(name)) {
                    continue;
                }
                if (files.size() >= limits.maxEntries()) {
                    throw new ImportException(dir.toString(), "has more than " + limits.maxEntries() + " files");
                }
                long size = Files.size(p);
                if (size > limits.maxFileBytes() || total + size > limits.maxTotalBytes()) {
                    throw new ImportException(dir + "/" + name, "is larger than an import allows (" + SafeZip.mb(limits.maxFileBytes())
                            + " per file, " + SafeZip.mb(limits.maxTotalBytes()) + " in total)");
                }
                total += size;
                files.add(new SourceFile(name, Files.readAllBytes(p)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
        return new SourceBundle(dir.getFileName().toString(), files);
    }
}
