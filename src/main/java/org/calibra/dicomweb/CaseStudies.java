package org.calibra.dicomweb;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.calibra.casebank.CaseImageAccess;
import org.calibra.casebank.CaseImageFile;
import org.calibra.casebank.CaseService;
import org.calibra.casebank.dicom.DicomHeader;
import org.springframework.stereotype.Component;

/**
 * The case versions as DICOMweb sees them, for the signed-in user only: every lookup asks {@link CaseImageAccess}
 * first and answers "not found" when it says no. A version's instances are built once (versions are immutable).
 */
@Component
class CaseStudies {

    private static final int MAX_CACHED = 2_000;
    private final CaseService cases;
    private final CaseImageAccess access;
    private final BlobHeaders headers;
    private final ExternalArchives archives;
    private final Map<Long, CaseStudy> cache = new ConcurrentHashMap<>();

    CaseStudies(CaseService cases, CaseImageAccess access, BlobHeaders headers, ExternalArchives archives) {
        this.cases = cases;
        this.access = access;
        this.headers = headers;
        this.archives = archives;
    }

    /** The case version's study, or "not found" — also when the user may not see it. */
    CaseStudy require(long versionId) {
        return find(versionId).orElseThrow(() -> DicomWebException.notFound("case " + versionId));
    }

    Optional<CaseStudy> find(long versionId) {
        if (!access.mayView(versionId)) {
            return Optional.empty();
        }
        CaseStudy cached = cache.get(versionId);
        if (cached != null) {
            return Optional.of(cached);
        }
        return cases.imageFiles(versionId).map(files -> {
            CaseStudy built = build(versionId, files);
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cache.put(versionId, built);
            return built;
        });
    }

    org.calibra.casebank.storage.Blob blob(CaseStudy.Instance i) {
        return headers.blob(i.sha256());
    }

    /** Every case version the user may see (for the service-wide search). */
    List<CaseStudy> visible() {
        List<CaseStudy> result = new ArrayList<>();
        for (long id : cases.versionIds()) {
            find(id).ifPresent(result::add);
        }
        return result;
    }

    private CaseStudy build(long versionId, List<CaseImageFile> files) {
        List<CaseStudy.Instance> instances = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (CaseImageFile f : files) {
            if (f.external()) {
                if (seen.add(f.archiveRoot() + "|" + f.sopUid())) {
                    instances.add(archives.instance(f));
                }
                continue;
            }
            if (!seen.add(f.sha256())) {
                continue;
            }
            DicomHeader h = headers.header(f.sha256());
            instances.add(new CaseStudy.Instance(h.studyInstanceUid(), h.seriesInstanceUid(), h.sopInstanceUid(), h.numberOfFrames(),
                    f.sha256(), h, null));
        }
        return new CaseStudy(versionId, instances);
    }
}
