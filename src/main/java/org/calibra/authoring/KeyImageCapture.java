package org.calibra.authoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.calibra.casebank.content.CaseBundleReader;
import org.calibra.casebank.content.CaseManifest;
import org.calibra.casebank.content.KeyImagePng;
import org.calibra.casebank.storage.BlobStore;
import org.springframework.stereotype.Component;

/**
 * A view captured in the draft page's viewer becomes a key image of the draft (ADR 0024): the browser's PNG decoded here to
 * prove it is one and re-encoded so only its pixels are kept, stored in the blob store as a draft file
 * {@code key-image-N.png}, and named in {@code keyImages} with an empty caption — a problem in words until the educator
 * writes one, as the caption is also the picture's text for screen readers.
 */
@Component
class KeyImageCapture {

    private final BlobStore blobs;

    KeyImageCapture(BlobStore blobs) {
        this.blobs = blobs;
    }

    /** The content with the capture added; IllegalArgumentException (in words) when it is not a usable PNG or the index is wrong. */
    DraftContent add(DraftContent content, byte[] png, int imageIndex, int imageCount) {
        if (imageIndex < 0 || imageIndex >= imageCount) {
            throw new IllegalArgumentException("The key image shows image " + (imageIndex + 1) + ", but the case has " + imageCount + " image(s).");
        }
        if (png.length > KeyImagePng.MAX_BYTES) {
            throw new IllegalArgumentException("The key image is too large (at most " + KeyImagePng.MAX_BYTES / (1024 * 1024) + " MB); make the viewer smaller and capture again.");
        }
        byte[] clean = KeyImagePng.clean(png);
        String sha = CaseBundleReader.sha256(clean);
        blobs.put(sha, clean); // content-addressed: storing for a draft never saved changes nothing
        var files = new LinkedHashMap<>(content.files());
        CaseManifest m = content.manifest();
        List<CaseManifest.KeyImage> keyImages = new ArrayList<>(m.keyImageList());
        String name = freeName(files.keySet(), keyImages);
        files.put(name, sha);
        keyImages.add(new CaseManifest.KeyImage(name, imageIndex, ""));
        return new DraftContent(ManifestEdit.with(m, "keyImages", keyImages), files);
    }

    /** key-image-1.png, -2, …: the first name no file of the draft and no key image uses. */
    static String freeName(java.util.Set<String> files, List<CaseManifest.KeyImage> keyImages) {
        for (int n = 1; ; n++) {
            String name = "key-image-" + n + ".png";
            if (!files.contains(name) && keyImages.stream().noneMatch(k -> name.equals(k.file()))) {
                return name;
            }
        }
    }
}
