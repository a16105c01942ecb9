package org.calibra.casebank.imports;

import java.util.List;

/** Files of one source bundle by relative, '/'-separated name; {@code display} names the bundle in messages. */
public record SourceBundle(String display, List<SourceFile> files) {

    public record SourceFile(String name, byte[] bytes) {}

    public SourceBundle {
        files = List.copyOf(files);
    }
}
