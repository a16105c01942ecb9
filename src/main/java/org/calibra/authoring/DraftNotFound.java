package org.calibra.authoring;

/** No such draft — or one the signed-in user may not see, which is answered the same way. */
public class DraftNotFound extends RuntimeException {

    public DraftNotFound() {
        super("No such draft");
    }
}
