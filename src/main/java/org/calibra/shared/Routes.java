package org.calibra.shared;

/** Route paths shared between feature modules, so views link to each other without importing each other. */
public final class Routes {
    private Routes() {
    }

    public static final String HOME = "";
    public static final String MODULE = "modules";
    public static final String READ = "read";
    public static final String FEEDBACK = "feedback";
    public static final String CERTIFICATES = "certificates";
    public static final String VERIFY = "verify";

    public static String module(long moduleId) {
        return MODULE + "/" + moduleId;
    }

    public static String read(long moduleId, long caseVersionId) {
        return READ + "/" + moduleId + "/" + caseVersionId;
    }

    public static String feedback(long readId) {
        return FEEDBACK + "/" + readId;
    }

    public static String verify(String publicId) {
        return VERIFY + "/" + publicId;
    }
}
