package org.calibra.dicomweb;

import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/** URLs of the DICOMweb service and the checks on their parts. */
public final class DicomWebPaths {

    public static final String ROOT = "/dicomweb";
    /** A UID (PS3.5 9.1): digits and dots, at most 64 characters. */
    private static final Pattern UID = Pattern.compile("[0-9]+(\\.[0-9]+)*");

    private DicomWebPaths() {
    }

    /** The DICOMweb service root of one case version: its studies are under {@code <root>/studies}. */
    public static String caseRoot(long versionId) {
        return ROOT + "/cases/" + versionId;
    }

    static String series(long versionId, String study, String series) {
        return caseRoot(versionId) + "/studies/" + study + "/series/" + series;
    }

    static String instance(long versionId, String study, String series, String sop) {
        return series(versionId, study, series) + "/instances/" + sop;
    }

    static String uid(String value, String name) {
        if (value == null || value.length() > 64 || !UID.matcher(value).matches()) {
            throw new DicomWebException(HttpStatus.BAD_REQUEST, name + " '" + abbreviate(value)
                    + "' is not a DICOM UID (digits and dots, at most 64 characters)");
        }
        return value;
    }

    static String abbreviate(String s) {
        return s == null ? "" : s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
