package org.calibra.dicomweb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.calibra.casebank.CaseImageFile;
import org.calibra.casebank.CaseService;
import org.springframework.stereotype.Service;

/**
 * What the viewer needs to load a case version over DICOMweb ({@code wadors:}): for each stack entry the frame's
 * WADO-RS URL and the metadata URL of its series (fetched once per series and registered with the loader before
 * the first frame is asked for). Entries whose frames cannot be served as file ranges (big-endian or deflated
 * files) get no link, and the viewer reads their Part 10 file instead.
 */
@Service
public class DicomWebLinks {

    /** {@code frame}: the WADO-RS frame URL; {@code metadata}: the series metadata URL. */
    public record Link(String frame, String metadata) {}

    private final CaseService cases;
    private final CaseStudies studies;

    DicomWebLinks(CaseService cases, CaseStudies studies) {
        this.cases = cases;
        this.studies = studies;
    }

    /**
     * One stack entry as a viewer loads it: {@code url} of the Part 10 file and its 0-based {@code frame}; when the image
     * can come over DICOMweb, {@code wadoRs} (its WADO-RS frame URL) and {@code metadata} (its series' metadata URL).
     */
    public record StackImage(String url, int frame, String wadoRs, String metadata) {}

    /** The case's stack for a viewer: over DICOMweb where it can, else from the Part 10 file. */
    public List<StackImage> stackImages(org.calibra.casebank.CaseForReading kase) {
        var links = stack(kase.versionId());
        return kase.images().stream().map(i -> {
            var link = i.index() < links.size() ? links.get(i.index()) : null;
            return new StackImage(i.url(), i.frame(), link == null ? null : link.frame(), link == null ? null : link.metadata());
        }).toList();
    }

    /** Links by stack index (a list as long as the stack; null entries: no DICOMweb for that image). Empty if not visible. */
    public List<Link> stack(long versionId) {
        var study = studies.find(versionId);
        var files = cases.imageFiles(versionId);
        if (study.isEmpty() || files.isEmpty()) {
            return List.of();
        }
        Map<String, CaseStudy.Instance> bySha = new HashMap<>();
        study.get().instances().stream().filter(CaseStudy.Instance::local).forEach(i -> bySha.putIfAbsent(i.sha256(), i));
        List<Link> links = new ArrayList<>();
        for (CaseImageFile f : files.get()) {
            if (f.external()) { // the archive serves frames over DICOMweb by definition
                links.add(new Link(DicomWebPaths.instance(versionId, f.studyUid(), f.seriesUid(), f.sopUid()) + "/frames/" + (f.frame() + 1),
                        DicomWebPaths.series(versionId, f.studyUid(), f.seriesUid()) + "/metadata"));
                continue;
            }
            CaseStudy.Instance i = bySha.get(f.sha256());
            if (i == null || !FrameBytes.servable(i.header())) {
                links.add(null);
                continue;
            }
            String instance = DicomWebPaths.instance(versionId, i.studyUid(), i.seriesUid(), i.sopUid());
            links.add(new Link(instance + "/frames/" + (f.frame() + 1), DicomWebPaths.series(versionId, i.studyUid(), i.seriesUid()) + "/metadata"));
        }
        return links;
    }
}
