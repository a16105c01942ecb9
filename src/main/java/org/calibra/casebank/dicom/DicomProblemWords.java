package org.calibra.casebank.dicom;

import java.util.regex.Pattern;

/**
 * A file the codec could not read, told as an educator who exported it from a PACS can act on: what kind of file it
 * is not, or how it is damaged, and what to do — never the byte offsets and parser states the codec reports for
 * developers. Messages follow the problem's file name ("x.dcm: is not a DICOM image …").
 */
public final class DicomProblemWords {
    private DicomProblemWords() {
    }

    private static final Pattern TAG = Pattern.compile("\\(([0-9A-Fa-f]{4}),([0-9A-Fa-f]{4})\\)");
    private static final Pattern OFFSET = Pattern.compile("(at|before) byte \\d+|stray byte");
    private static final Pattern SYNTAX = Pattern.compile("transfer syntax '([^']+)'");

    /** The codec's message (of a {@code DicomException}, or a {@link DicomFormatException} carrying it) in words. */
    public static String of(String codecMessage) {
        String m = codecMessage == null ? "" : codecMessage;
        var tag = TAG.matcher(m);
        String element = tag.find() ? " (" + tag.group(1).toUpperCase() + "," + tag.group(2).toUpperCase() + ")" : "";
        if (m.startsWith("not DICOM")) {
            return "is not a DICOM image (no 'DICM' marker at its start): export the images from the PACS or viewer as DICOM files,"
                    + " not as JPEG, PNG, PDF or screenshots";
        }
        if (m.startsWith("truncated") || m.contains("truncated")) {
            return "is an incomplete DICOM file: it ends early" + (element.isEmpty() ? "" : ", inside element" + element)
                    + ", as if cut off while copying or downloading; export or copy it again";
        }
        if (m.contains("no Transfer Syntax UID")) {
            return "is a DICOM file without the header that says how its image is encoded (Transfer Syntax UID, 0002,0010);"
                    + " export it again as a standard DICOM (Part 10) file";
        }
        if (m.contains("files over 2 GiB")) {
            return "is larger than 2 GB, more than one image file can be; export the series as one file per image";
        }
        if (m.startsWith("unsupported encoding")) {
            var syntax = SYNTAX.matcher(m);
            return "is a DICOM image in an encoding Calibra cannot read" + (syntax.find() ? " (transfer syntax " + syntax.group(1) + ")" : "")
                    + "; export it uncompressed or as JPEG, JPEG-LS, JPEG 2000 or RLE";
        }
        if (m.contains("deflated")) {
            return "is a damaged DICOM file: its compressed header cannot be unpacked; export it again";
        }
        if (!OFFSET.matcher(m).find()) {
            return m; // already in words (DicomHeaders' own checks: Rows and Columns, Pixel Spacing, …)
        }
        return "is a damaged DICOM file: its header cannot be read" + (element.isEmpty() ? "" : " at element" + element) + "; export it again from the PACS or viewer";
    }
}
