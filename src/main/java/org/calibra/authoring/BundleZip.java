package org.calibra.authoring;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.calibra.casebank.content.CaseManifest;
import org.calibra.casebank.content.CaseManifests;
import org.calibra.casebank.storage.BlobStore;
import org.springframework.stereotype.Component;

/**
 * Writes a case in the one format as a zip — {@code <id>/case.yaml} and every stored file the manifest names (DICOM
 * images, heatmaps), byte for byte as stored — which the upload door reads back into a draft with the same manifest and
 * the same files. Images kept in an external archive stay there (the manifest names the series).
 */
@Component
class BundleZip {

    private final BlobStore blobs;

    BundleZip(BlobStore blobs) {
        this.blobs = blobs;
    }

    byte[] write(CaseManifest m, Map<String, String> files) {
        String folder = m.id() + "/";
        Set<String> named = new LinkedHashSet<>();
        m.images().stream().map(CaseManifest.ImageEntry::file).filter(java.util.Objects::nonNull).forEach(named::add);
        m.ai().heatmaps().forEach(h -> named.add(h.file()));
        m.keyImageList().forEach(k -> named.add(k.file()));
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(folder + "case.yaml"));
            zip.write(CaseManifests.write(m));
            zip.closeEntry();
            for (String name : named) {
                String sha = files.get(name);
                var blob = sha == null ? java.util.Optional.<org.calibra.casebank.storage.Blob>empty() : blobs.open(sha);
                if (blob.isEmpty()) {
                    continue; // a draft may name a file it does not have yet: its problems say so
                }
                zip.putNextEntry(new ZipEntry(folder + name));
                try (var in = blob.get().openStream()) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
