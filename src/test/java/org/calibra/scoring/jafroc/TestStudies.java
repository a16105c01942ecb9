package org.calibra.scoring.jafroc;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The study folders under {@code src/test/resources/jafroc}, found on the class path. */
final class TestStudies {

    private TestStudies() {
    }

    /** 2 readers (R1, R2) x 2 modalities (unaided, aided), 3 normal and 3 abnormal cases, 4 lesions. */
    static Path twoReadersTwoModalities() {
        return folder("two-readers-two-modalities");
    }

    /** Chakraborty's 9-case example (one reader "1", one modality "1"), as in the roc tests. */
    static Path chakrabortyNineCase() {
        return folder("chakraborty-nine-case");
    }

    /** A copy of the two-reader study with one defect, e.g. {@code duplicate-ll}. */
    static Path broken(String name) {
        return folder("broken/" + name);
    }

    static Path folder(String name) {
        var url = TestStudies.class.getResource("/jafroc/" + name + "/nl.csv");
        if (url == null) {
            throw new IllegalStateException("test resource jafroc/" + name + " not on the class path");
        }
        try {
            return Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
