package org.calibra.dicomweb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.calibra.casebank.dicom.DicomHeader;

/**
 * The DICOM instances of one case version, in stack order (an instance appears once, at its first stack entry),
 * addressed as DICOMweb addresses them: study → series → instance. Immutable, like the version.
 */
record CaseStudy(long versionId, List<Instance> instances) {

    /**
     * One instance. Local instances have a blob ({@code sha256}) and its parsed {@code header}; instances in an external
     * archive have no blob but the archive's service root, and a header made from the archive's metadata.
     */
    record Instance(String studyUid, String seriesUid, String sopUid, int frames, String sha256, DicomHeader header,
                    String archiveRoot) {

        boolean local() {
            return sha256 != null;
        }

        /** Strong validator of everything served about this instance: its bytes' hash, or the archive address. */
        String contentTag() {
            return local() ? sha256 : Hashes.sha256(archiveRoot + "|" + studyUid + "|" + seriesUid + "|" + sopUid);
        }
    }

    CaseStudy {
        instances = List.copyOf(instances);
    }

    List<Instance> study(String studyUid) {
        return instances.stream().filter(i -> i.studyUid().equals(studyUid)).toList();
    }

    List<Instance> series(String studyUid, String seriesUid) {
        return instances.stream().filter(i -> i.studyUid().equals(studyUid) && i.seriesUid().equals(seriesUid)).toList();
    }

    Optional<Instance> instance(String studyUid, String seriesUid, String sopUid) {
        return instances.stream().filter(i -> i.studyUid().equals(studyUid) && i.seriesUid().equals(seriesUid) && i.sopUid().equals(sopUid))
                .findFirst();
    }

    /** Study UID → its instances, in stack order of first appearance. */
    Map<String, List<Instance>> byStudy() {
        Map<String, List<Instance>> m = new LinkedHashMap<>();
        instances.forEach(i -> m.computeIfAbsent(i.studyUid(), k -> new ArrayList<>()).add(i));
        return m;
    }

    /** "study|series" → its instances. */
    Map<String, List<Instance>> bySeries() {
        Map<String, List<Instance>> m = new LinkedHashMap<>();
        instances.forEach(i -> m.computeIfAbsent(i.studyUid() + "|" + i.seriesUid(), k -> new ArrayList<>()).add(i));
        return m;
    }

    String root() {
        return DicomWebPaths.caseRoot(versionId);
    }
}
