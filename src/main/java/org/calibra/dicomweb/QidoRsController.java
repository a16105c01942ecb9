package org.calibra.dicomweb;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.calibra.casebank.dicom.MetadataTags;
import org.calibra.dicom.Element;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * QIDO-RS (PS3.18 10.6) over the studies the caller may see: per case version, or across all of them at
 * {@code /dicomweb/studies}. Matching on the keys below (by keyword or tag; UID lists, '*' and '?' wildcards),
 * {@code limit}, {@code offset}, {@code includefield} (keywords, tags or {@code all}); {@code fuzzymatching} is
 * accepted and ignored. An unknown key is a 400 naming it, never silently ignored.
 */
@RestController
class QidoRsController {

    private static final String CASE = DicomWebPaths.ROOT + "/cases/{version}";
    private static final Map<String, Integer> KEYWORDS = new LinkedHashMap<>();
    private static final Pattern TAG = Pattern.compile("[0-9A-Fa-f]{8}");
    private static final int ALL = -1;

    static {
        KEYWORDS.put("StudyInstanceUID", 0x0020000D); KEYWORDS.put("SeriesInstanceUID", 0x0020000E);
        KEYWORDS.put("SOPInstanceUID", 0x00080018); KEYWORDS.put("SOPClassUID", 0x00080016);
        KEYWORDS.put("Modality", 0x00080060); KEYWORDS.put("ModalitiesInStudy", 0x00080061);
        KEYWORDS.put("StudyDate", 0x00080020); KEYWORDS.put("StudyTime", 0x00080030); KEYWORDS.put("AccessionNumber", 0x00080050);
        KEYWORDS.put("ReferringPhysicianName", 0x00080090); KEYWORDS.put("StudyDescription", 0x00081030);
        KEYWORDS.put("SeriesDescription", 0x0008103E); KEYWORDS.put("PatientName", 0x00100010); KEYWORDS.put("PatientID", 0x00100020);
        KEYWORDS.put("PatientBirthDate", 0x00100030); KEYWORDS.put("PatientSex", 0x00100040); KEYWORDS.put("StudyID", 0x00200010);
        KEYWORDS.put("SeriesNumber", 0x00200011); KEYWORDS.put("InstanceNumber", 0x00200013);
        KEYWORDS.put("Rows", 0x00280010); KEYWORDS.put("Columns", 0x00280011); KEYWORDS.put("NumberOfFrames", 0x00280008);
        KEYWORDS.put("BodyPartExamined", 0x00180015); KEYWORDS.put("SliceThickness", 0x00180050); KEYWORDS.put("ImagePositionPatient", 0x00200032);
        KEYWORDS.put("ImageOrientationPatient", 0x00200037); KEYWORDS.put("FrameOfReferenceUID", 0x00200052); KEYWORDS.put("SliceLocation", 0x00201041);
        KEYWORDS.put("SamplesPerPixel", 0x00280002); KEYWORDS.put("PhotometricInterpretation", 0x00280004); KEYWORDS.put("PixelSpacing", 0x00280030);
        KEYWORDS.put("BitsAllocated", 0x00280100); KEYWORDS.put("BitsStored", 0x00280101); KEYWORDS.put("PixelRepresentation", 0x00280103);
        KEYWORDS.put("WindowCenter", 0x00281050); KEYWORDS.put("WindowWidth", 0x00281051); KEYWORDS.put("RescaleIntercept", 0x00281052);
        KEYWORDS.put("RescaleSlope", 0x00281053);
    }

    enum Level {
        STUDY(Set.of(0x00080020, 0x00080030, 0x00080050, 0x00080090, 0x00081030, 0x00100010, 0x00100020, 0x00100030, 0x00100040, 0x0020000D, 0x00200010)),
        SERIES(Set.of(0x00080060, 0x0008103E, 0x0020000D, 0x0020000E, 0x00200011)),
        INSTANCE(Set.of(0x00080016, 0x00080018, 0x0020000D, 0x0020000E, 0x00200013, 0x00280008, 0x00280010, 0x00280011, 0x00280100));

        final Set<Integer> defaults;

        Level(Set<Integer> defaults) {
            this.defaults = defaults;
        }
    }

    private final CaseStudies studies;

    QidoRsController(CaseStudies studies) {
        this.studies = studies;
    }

    @GetMapping(DicomWebPaths.ROOT + "/studies")
    ResponseEntity<String> allStudies(HttpServletRequest request, @RequestHeader(name = "Accept", required = false) String accept) {
        return search(studies.visible(), Level.STUDY, null, null, request, accept);
    }

    @GetMapping(CASE + "/studies")
    ResponseEntity<String> studiesOfCase(@PathVariable long version, HttpServletRequest request, @RequestHeader(name = "Accept", required = false) String accept) {
        return search(List.of(studies.require(version)), Level.STUDY, null, null, request, accept);
    }

    @GetMapping(CASE + "/series")
    ResponseEntity<String> seriesOfCase(@PathVariable long version, HttpServletRequest request, @RequestHeader(name = "Accept", required = false) String accept) {
        return search(List.of(studies.require(version)), Level.SERIES, null, null, request, accept);
    }

    @GetMapping(CASE + "/studies/{study}/series")
    ResponseEntity<String> seriesOfStudy(@PathVariable long version, @PathVariable String study, HttpServletRequest request,
                                         @RequestHeader(name = "Accept", required = false) String accept) {
        return search(List.of(studies.require(version)), Level.SERIES, DicomWebPaths.uid(study, "StudyInstanceUID"), null, request, accept);
    }

    @GetMapping(CASE + "/instances")
    ResponseEntity<String> instancesOfCase(@PathVariable long version, HttpServletRequest request, @RequestHeader(name = "Accept", required = false) String accept) {
        return search(List.of(studies.require(version)), Level.INSTANCE, null, null, request, accept);
    }

    @GetMapping(CASE + "/studies/{study}/instances")
    ResponseEntity<String> instancesOfStudy(@PathVariable long version, @PathVariable String study, HttpServletRequest request,
                                            @RequestHeader(name = "Accept", required = false) String accept) {
        return search(List.of(studies.require(version)), Level.INSTANCE, DicomWebPaths.uid(study, "StudyInstanceUID"), null, request, accept);
    }

    @GetMapping(CASE + "/studies/{study}/series/{series}/instances")
    ResponseEntity<String> instancesOfSeries(@PathVariable long version, @PathVariable String study, @PathVariable String series,
                                             HttpServletRequest request, @RequestHeader(name = "Accept", required = false) String accept) {
        return search(List.of(studies.require(version)), Level.INSTANCE, DicomWebPaths.uid(study, "StudyInstanceUID"),
                DicomWebPaths.uid(series, "SeriesInstanceUID"), request, accept);
    }

    private ResponseEntity<String> search(List<CaseStudy> cases, Level level, String study, String series, HttpServletRequest request, String accept) {
        if (!AcceptHeader.parse(accept).acceptsJson()) {
            throw new DicomWebException(HttpStatus.NOT_ACCEPTABLE, "search results are available as application/dicom+json, not as " + AcceptHeader.parse(accept));
        }
        var query = Query.of(request.getParameterMap());
        List<Map<Integer, Element>> results = new ArrayList<>();
        for (CaseStudy c : cases) {
            Map<String, List<CaseStudy.Instance>> groups = switch (level) {
                case STUDY -> c.byStudy();
                case SERIES -> c.bySeries();
                case INSTANCE -> {
                    var m = new LinkedHashMap<String, List<CaseStudy.Instance>>();
                    c.instances().forEach(i -> m.put(i.sopUid(), List.of(i)));
                    yield m;
                }
            };
            for (var group : groups.values()) {
                var first = group.get(0);
                if ((study != null && !first.studyUid().equals(study)) || (series != null && !first.seriesUid().equals(series))) {
                    continue;
                }
                var attributes = attributesOf(c, level, group);
                if (query.matches(attributes)) {
                    results.add(query.select(attributes, level));
                }
            }
        }
        var page = results.stream().skip(query.offset).limit(query.limit == ALL ? Long.MAX_VALUE : query.limit).toList();
        var out = new StringBuilder("[");
        for (int k = 0; k < page.size(); k++) {
            if (k > 0) {
                out.append(',');
            }
            DicomJson.object(out, page.get(k).values());
        }
        return ResponseEntity.ok().header("Content-Type", "application/dicom+json").header("Cache-Control", "private, no-cache").body(out.append(']').toString());
    }

    /** The first instance's attributes plus the computed ones of this level (counts, modalities, RetrieveURL). */
    private static Map<Integer, Element> attributesOf(CaseStudy c, Level level, List<CaseStudy.Instance> group) {
        var first = group.get(0);
        Map<Integer, Element> a = new TreeMap<>(first.header().attributes());
        a.remove(0x00020010);
        String url = switch (level) {
            case STUDY -> c.root() + "/studies/" + first.studyUid();
            case SERIES -> DicomWebPaths.series(c.versionId(), first.studyUid(), first.seriesUid());
            case INSTANCE -> DicomWebPaths.instance(c.versionId(), first.studyUid(), first.seriesUid(), first.sopUid());
        };
        a.put(0x00081190, DicomJson.computed(0x00081190, "UR", url));
        if (level == Level.STUDY) {
            var modalities = new LinkedHashSet<String>();
            group.forEach(i -> { String m = i.header().text(0x00080060); if (m != null && !m.isEmpty()) modalities.add(m); });
            a.put(0x00080061, DicomJson.computed(0x00080061, "CS", String.join("\\", modalities)));
            a.put(0x00201206, DicomJson.computedNumber(0x00201206, "IS", group.stream().map(CaseStudy.Instance::seriesUid).distinct().count()));
            a.put(0x00201208, DicomJson.computedNumber(0x00201208, "IS", group.size()));
        } else if (level == Level.SERIES) {
            a.put(0x00201209, DicomJson.computedNumber(0x00201209, "IS", group.size()));
        }
        return a;
    }

    /** Parsed query parameters. */
    record Query(Map<Integer, String> match, Set<Integer> include, boolean includeAll, int limit, int offset) {

        static Query of(Map<String, String[]> params) {
            Map<Integer, String> match = new LinkedHashMap<>();
            Set<Integer> include = new LinkedHashSet<>();
            boolean all = false;
            int limit = ALL;
            int offset = 0;
            for (var e : params.entrySet()) {
                String key = e.getKey();
                for (String value : e.getValue()) {
                    switch (key.toLowerCase(Locale.ROOT)) {
                        case "limit" -> limit = nonNegative(key, value);
                        case "offset" -> offset = nonNegative(key, value);
                        case "fuzzymatching" -> { }
                        case "includefield" -> {
                            for (String f : value.split(",")) {
                                if (f.trim().equalsIgnoreCase("all")) {
                                    all = true;
                                } else if (!f.isBlank()) {
                                    include.add(tagOf(f.trim(), "includefield"));
                                }
                            }
                        }
                        default -> match.put(tagOf(key, "query key"), value);
                    }
                }
            }
            return new Query(match, include, all, limit, offset);
        }

        private static int nonNegative(String key, String value) {
            try {
                int n = Integer.parseInt(value.trim());
                if (n >= 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new DicomWebException(HttpStatus.BAD_REQUEST, key + " must be a whole number ≥ 0, found '" + DicomWebPaths.abbreviate(value) + "'");
        }

        private static int tagOf(String name, String what) {
            Integer tag = KEYWORDS.get(name);
            if (tag == null && TAG.matcher(name).matches()) {
                tag = Integer.parseUnsignedInt(name, 16);
            }
            if (tag == null || (!KEYWORDS.containsValue(tag) && !MetadataTags.kept(tag) && what.equals("query key"))) {
                throw new DicomWebException(HttpStatus.BAD_REQUEST, what + " '" + DicomWebPaths.abbreviate(name) + "' is not supported; use one of "
                        + String.join(", ", KEYWORDS.keySet()) + " (or its tag), limit, offset, includefield");
            }
            return tag;
        }

        boolean matches(Map<Integer, Element> attributes) {
            for (var e : match.entrySet()) {
                String wanted = e.getValue();
                if (wanted.isEmpty()) {
                    continue; // an empty key only asks for the attribute to be returned
                }
                Element a = attributes.get(e.getKey());
                List<String> actual = a == null ? List.of() : List.of(a.text().split("\\\\")).stream().map(String::trim).toList();
                if (actual.stream().noneMatch(v -> matchesOne(wanted, v, a.vr()))) {
                    return false;
                }
            }
            return true;
        }

        private static boolean matchesOne(String wanted, String actual, String vr) {
            if ("UI".equals(vr)) {
                return List.of(wanted.split("[,\\\\]")).stream().map(String::trim).anyMatch(actual::equals);
            }
            if (wanted.contains("*") || wanted.contains("?")) {
                String regex = ("\\Q" + wanted + "\\E").replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
                return Pattern.compile(regex, "PN".equals(vr) ? Pattern.CASE_INSENSITIVE : 0).matcher(actual).matches();
            }
            return "PN".equals(vr) ? wanted.equalsIgnoreCase(actual) : wanted.equals(actual);
        }

        /** The level's default attributes, the matching keys, the included fields (or everything with includefield=all). */
        Map<Integer, Element> select(Map<Integer, Element> attributes, Level level) {
            if (includeAll) {
                return attributes;
            }
            Map<Integer, Element> out = new TreeMap<>();
            attributes.forEach((tag, a) -> {
                if (level.defaults.contains(tag) || include.contains(tag) || match.containsKey(tag)
                        || tag == 0x00081190 || tag == 0x00080061 || tag == 0x00201206 || tag == 0x00201208 || tag == 0x00201209) {
                    out.put(tag, a);
                }
            });
            return out;
        }
    }
}
