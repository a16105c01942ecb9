package org.calibra.shared;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Codes as the words a radiologist reads. Case bundles name labels and diagnoses by slug
 * ({@code intracanalicular-filling-defect}) and images by DICOM codes ({@code MR}, {@code TSPINE}); scores store case
 * outcomes as {@code TP}/{@code FN}. Pages show these words; the codes stay what is stored, submitted and checked.
 */
public final class DisplayWords {
    private DisplayWords() {
    }

    /** A slug as the case format writes labels and diagnoses: lower case words joined by hyphens. */
    private static final String SLUG = "[a-z0-9]+([-_][a-z0-9]+)*";

    /** Abbreviations radiologists write in capitals: kept so inside a label ("CPA mass", not "Cpa mass"). */
    private static final Set<String> ACRONYMS = Set.of("ai", "ct", "mr", "mri", "cpa", "iac", "csf", "ggo", "dwi", "adc", "flair",
            "t1", "t2", "pet", "spect", "suv", "ica", "mca", "aca", "pca", "cta", "mra", "nm", "tb", "copd", "ild", "pe", "avm", "sah");

    /** DICOM modality codes (PS3.3 C.7.3.1.1.1) as a reporting radiologist names the examination. */
    private static final Map<String, String> MODALITIES = Map.ofEntries(
            Map.entry("CT", "CT"), Map.entry("MR", "MRI"), Map.entry("NM", "Nuclear medicine"), Map.entry("PT", "PET"),
            Map.entry("DX", "Radiograph"), Map.entry("CR", "Radiograph"), Map.entry("MG", "Mammography"),
            Map.entry("US", "Ultrasound"), Map.entry("XA", "X-ray angiography"), Map.entry("RF", "Fluoroscopy"),
            Map.entry("RTDOSE", "Radiotherapy dose"), Map.entry("RTSTRUCT", "Radiotherapy structures"),
            Map.entry("SEG", "Segmentation"), Map.entry("SR", "Structured report"), Map.entry("OT", "Other"));

    /** DICOM Body Part Examined values whose plain lower case would read oddly. */
    private static final Map<String, String> BODY_PARTS = Map.of("TSPINE", "thoracic spine", "CSPINE", "cervical spine",
            "LSPINE", "lumbar spine", "SSPINE", "sacrum", "HEADNECK", "head and neck", "CHESTABDOMEN", "chest and abdomen",
            "ABDOMENPELVIS", "abdomen and pelvis", "WHOLEBODY", "whole body");

    /**
     * A label or diagnosis slug as a sentence-case phrase: {@code intracanalicular-filling-defect} → "Intracanalicular
     * filling defect", {@code cpa-mass} → "CPA mass". Text an author already wrote as words (spaces, capitals) is kept.
     */
    public static String term(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String s = code.strip();
        if (!s.matches(SLUG)) {
            return s; // already words, e.g. "Vestibular schwannoma" from the authoring form
        }
        var words = s.split("[-_]");
        var out = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            String w = ACRONYMS.contains(words[i]) ? words[i].toUpperCase(Locale.ROOT) : words[i];
            if (i == 0 && !ACRONYMS.contains(words[i])) {
                w = Character.toUpperCase(w.charAt(0)) + w.substring(1);
            }
            out.append(i == 0 ? "" : " ").append(w);
        }
        return out.toString();
    }

    /** A term inside a sentence: lower case except its abbreviations ("a vestibular schwannoma", "a CPA mass"). */
    public static String termInSentence(String code) {
        String t = term(code);
        if (t.isEmpty() || !code.strip().matches(SLUG) || ACRONYMS.contains(t.split(" ")[0].toLowerCase(Locale.ROOT))) {
            return t;
        }
        return Character.toLowerCase(t.charAt(0)) + t.substring(1);
    }

    /** A DICOM modality code as the examination's name ("MR" → "MRI", "NM" → "Nuclear medicine"); unknown codes as given. */
    public static String modality(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return MODALITIES.getOrDefault(code.strip().toUpperCase(Locale.ROOT), code.strip());
    }

    /** A DICOM Body Part Examined value in lower case words ("TSPINE" → "thoracic spine", "CHEST" → "chest"). */
    public static String bodyPart(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String key = code.strip().toUpperCase(Locale.ROOT).replaceAll("[ _-]", "");
        return BODY_PARTS.getOrDefault(key, code.strip().toLowerCase(Locale.ROOT).replace('_', ' '));
    }

    /** A stored case outcome ({@code TP}, {@code TN}, {@code FP}, {@code FN}) in words, lower case. */
    public static String caseOutcome(String code) {
        if (code == null) {
            return "";
        }
        return switch (code) {
            case "TP" -> "true positive";
            case "TN" -> "true negative";
            case "FP" -> "false positive";
            case "FN" -> "false negative";
            default -> code;
        };
    }

    /** A case by its title and version, e.g. "MR internal auditory canals (version 1)"; never its id. */
    public static String caseWithVersion(String title, int version) {
        return title + " (version " + version + ")";
    }

    /** A count with its noun, singular or plural: "1 case", "6 cases". */
    public static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    /**
     * Why the AI shows two kinds of number on one case, or empty when it shows only one: the case score is the model's
     * probability that the case is abnormal, each mark's the probability that that spot is a lesion, so they differ.
     */
    public static java.util.Optional<String> aiNumbers(double caseScore, java.util.List<Double> markProbabilities) {
        if (markProbabilities.isEmpty()) {
            return java.util.Optional.empty();
        }
        String marks = markProbabilities.size() == 1
                ? "the " + percent(markProbabilities.getFirst()) + " on its mark is how likely it finds that spot to be a lesion"
                : "the percentage on each of its marks is how likely it finds that spot to be a lesion";
        return java.util.Optional.of("Two different questions: " + percent(caseScore) + " is how likely the AI finds the whole case "
                + "abnormal; " + marks + ".");
    }

    /** A probability as a whole percentage, "88%". */
    public static String percent(double probability) {
        return Math.round(probability * 100) + "%";
    }
}
