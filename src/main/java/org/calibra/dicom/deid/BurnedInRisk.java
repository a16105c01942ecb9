package org.calibra.dicom.deid;

import java.util.Optional;
import java.util.Set;
import org.calibra.dicom.DataSet;
import org.calibra.dicom.Tags;

/**
 * Whether an image may show identifying text in its pixels, which no attribute rule can remove: Burned In
 * Annotation (0028,0301) says YES, or it is absent on a kind of image that often carries text (secondary
 * captures, ultrasound, visible light, screenshots of other systems). An educator must look and decide.
 */
public final class BurnedInRisk {

    private static final Set<String> RISKY_MODALITIES = Set.of("US", "OT", "SC", "XC", "ES", "GM", "DOC", "IVUS");

    private BurnedInRisk() {
    }

    /** The reason to look at the image, or empty when there is none. */
    public static Optional<String> of(DataSet data) {
        String burned = data.string(Tags.BurnedInAnnotation);
        if (burned != null && "YES".equalsIgnoreCase(burned.trim())) {
            return Optional.of("BurnedInAnnotation (0028,0301) is YES");
        }
        if (burned != null && "NO".equalsIgnoreCase(burned.trim())) {
            return Optional.empty();
        }
        String sopClass = data.string(Tags.SOPClassUID);
        String modality = data.string(Tags.Modality);
        String kind = sopClass == null ? null : riskyClass(sopClass.trim());
        if (kind == null && modality != null && RISKY_MODALITIES.contains(modality.trim())) {
            kind = "modality " + modality.trim();
        }
        return kind == null ? Optional.empty()
                : Optional.of(kind + " without BurnedInAnnotation (0028,0301) = NO: may show text in the pixels");
    }

    private static String riskyClass(String uid) {
        if (uid.startsWith("1.2.840.10008.5.1.4.1.1.7")) {
            return "a secondary capture";
        }
        if (uid.matches("1\\.2\\.840\\.10008\\.5\\.1\\.4\\.1\\.1\\.(6|6\\.1|6\\.2|6\\.3|3|3\\.1)")) {
            return "an ultrasound image";
        }
        if (uid.startsWith("1.2.840.10008.5.1.4.1.1.77.1")) {
            return "a visible light image";
        }
        if (uid.startsWith("1.2.840.10008.5.1.4.1.1.104")) {
            return "an encapsulated document";
        }
        return null;
    }
}
