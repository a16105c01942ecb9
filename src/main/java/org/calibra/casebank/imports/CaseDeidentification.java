package org.calibra.casebank.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.calibra.casebank.content.CaseBundle;
import org.calibra.casebank.content.CaseBundleReader;
import org.calibra.casebank.dicom.DicomFormatException;
import org.calibra.casebank.dicom.DicomHeaders;
import org.calibra.dicom.DicomReader;
import org.calibra.dicom.Part10;
import org.calibra.dicom.Part10Writer;
import org.calibra.dicom.deid.DeidReport;
import org.calibra.dicom.deid.Deidentifier;

/**
 * The start-up door: a checked bundle from {@code cases/} gets its DICOM files de-identified before anything is
 * stored. Names, manifest, stack positions and frames stay; bytes, SHA-256s and headers (new UIDs) are replaced.
 * Deterministic for one installation secret, so the same folder always yields the same blobs. One codec: the file
 * is read whole, de-identified, written, and its new header read back (header-only) from the written bytes.
 */
public final class CaseDeidentification {

    public record Result(CaseBundle bundle, DeidReport report) {}

    private CaseDeidentification() {
    }

    private static CaseBundle.DicomFile clean(CaseBundle.DicomFile f, Deidentifier deidentifier, DeidReport report) {
        if (f.external()) {
            return f; // kept in the hospital's archive, served through the app's proxy: never stored here
        }
        Part10 p = DicomReader.read(f.bytes());
        deidentifier.apply(p.data(), f.name(), report);
        byte[] bytes = Part10Writer.write(p.data(), p.transferSyntax().forWriting());
        try {
            return new CaseBundle.DicomFile(f.name(), bytes, CaseBundleReader.sha256(bytes), DicomHeaders.read(bytes));
        } catch (DicomFormatException e) {
            throw new IllegalStateException("the de-identified '" + f.name() + "' cannot be read back: " + e.getMessage(), e);
        }
    }

    public static Result apply(CaseBundle bundle, Deidentifier deidentifier) {
        var report = new DeidReport();
        // files are independent: de-identify them in parallel (the report is thread-safe and ordered), keep their order
        List<CaseBundle.DicomFile> done = bundle.files().parallelStream().map(f -> clean(f, deidentifier, report)).toList();
        Map<String, CaseBundle.DicomFile> clean = new LinkedHashMap<>();
        done.forEach(f -> clean.put(f.name(), f));
        List<CaseBundle.StackImage> stack = new ArrayList<>();
        for (CaseBundle.StackImage s : bundle.stack()) {
            stack.add(new CaseBundle.StackImage(s.index(), clean.get(s.file().name()), s.frame()));
        }
        return new Result(new CaseBundle(bundle.manifest(), bundle.manifestBytes(), List.copyOf(clean.values()), stack,
                bundle.heatmaps(), bundle.contentHash(), bundle.keyImages()), report);
    }
}
