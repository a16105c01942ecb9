package org.calibra.dicomweb;

import java.util.List;
import org.springframework.stereotype.Component;

/** Instances of case versions that live in an external DICOMweb archive (ADR 0013). */
@Component
class ExternalArchives {

    List<CaseStudy.Instance> instancesOf(long versionId) {
        return List.of();
    }

    void proxyFrames(CaseStudy.Instance instance, List<Integer> frames, String accept, String ifNoneMatch,
                     jakarta.servlet.http.HttpServletResponse response) {
        throw new DicomWebException(org.springframework.http.HttpStatus.NOT_IMPLEMENTED, "external archives are not wired yet");
    }
}
