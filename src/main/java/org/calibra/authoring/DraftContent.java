package org.calibra.authoring;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.calibra.casebank.content.CaseManifest;

/**
 * The full editable content of a case: its manifest in the one format (everything the case says, truth and AI
 * included) and, by the name the manifest uses, the SHA-256 of every file it refers to — de-identified DICOM images
 * and heatmap PNGs, already in the blob store.
 */
public record DraftContent(CaseManifest manifest, Map<String, String> files) {

    public DraftContent {
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    public DraftContent withManifest(CaseManifest changed) {
        return new DraftContent(changed, files);
    }
}
