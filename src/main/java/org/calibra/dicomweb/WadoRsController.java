package org.calibra.dicomweb;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * WADO-RS (PS3.18 10.4): instances as multipart/related application/dicom, frames as multipart/related of their
 * bytes, metadata as DICOM JSON — for a study, a series or an instance of one case version.
 */
@RestController
class WadoRsController {

    private static final String STUDY = DicomWebPaths.ROOT + "/cases/{version}/studies/{study}";
    private static final String SERIES = STUDY + "/series/{series}";
    private static final String INSTANCE = SERIES + "/instances/{instance}";
    /** Bump when the metadata JSON changes shape, so cached copies are not reused. */
    private static final String METADATA_FORMAT = "m1";

    private final CaseStudies studies;
    private final ExternalArchives archives;

    WadoRsController(CaseStudies studies, ExternalArchives archives) {
        this.studies = studies;
        this.archives = archives;
    }

    @GetMapping(STUDY)
    void retrieveStudy(@PathVariable long version, @PathVariable String study, @RequestHeader(name = "Accept", required = false) String accept,
                       @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch, HttpServletResponse response) throws IOException {
        sendInstances(select(version, study, null, null), accept, ifNoneMatch, response);
    }

    @GetMapping(SERIES)
    void retrieveSeries(@PathVariable long version, @PathVariable String study, @PathVariable String series,
                        @RequestHeader(name = "Accept", required = false) String accept,
                        @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch, HttpServletResponse response) throws IOException {
        sendInstances(select(version, study, series, null), accept, ifNoneMatch, response);
    }

    @GetMapping(INSTANCE)
    void retrieveInstance(@PathVariable long version, @PathVariable String study, @PathVariable String series, @PathVariable String instance,
                          @RequestHeader(name = "Accept", required = false) String accept,
                          @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch, HttpServletResponse response) throws IOException {
        sendInstances(select(version, study, series, instance), accept, ifNoneMatch, response);
    }

    @GetMapping(INSTANCE + "/frames/{frames}")
    void retrieveFrames(@PathVariable long version, @PathVariable String study, @PathVariable String series, @PathVariable String instance,
                        @PathVariable String frames, @RequestHeader(name = "Accept", required = false) String accept,
                        @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch, HttpServletResponse response) throws IOException {
        CaseStudy.Instance i = select(version, study, series, instance).get(0);
        List<Integer> numbers = frameList(frames, i.frames());
        if (!i.local()) {
            archives.proxyFrames(i, numbers, accept, ifNoneMatch, response);
            return;
        }
        var h = i.header();
        String partType = FrameBytes.mediaType(h) + "; transfer-syntax=" + FrameBytes.transferSyntax(h);
        if (!AcceptHeader.parse(accept).acceptsMultipart(FrameBytes.mediaType(h), FrameBytes.transferSyntax(h), !h.pixelData().encapsulated())) {
            throw new DicomWebException(HttpStatus.NOT_ACCEPTABLE, "frames of this instance are available as multipart/related; type=\""
                    + FrameBytes.mediaType(h) + "\"; transfer-syntax=" + FrameBytes.transferSyntax(h) + ", not as " + AcceptHeader.parse(accept));
        }
        List<Multipart.Part> parts = new ArrayList<>();
        var file = studies.blob(i);
        for (int n : numbers) {
            parts.add(new Multipart.Part(partType, file, FrameBytes.frame(h, n).ranges()));
        }
        if (HttpCaching.notModified(HttpCaching.etag("f", List.of(i.contentTag() + "/" + frames)), ifNoneMatch, response)) {
            return;
        }
        send(new Multipart(parts), FrameBytes.mediaType(h), response);
    }

    @GetMapping(STUDY + "/metadata")
    void studyMetadata(@PathVariable long version, @PathVariable String study, @RequestHeader(name = "Accept", required = false) String accept,
                       @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch, HttpServletResponse response) throws IOException {
        sendMetadata(select(version, study, null, null), accept, ifNoneMatch, response);
    }

    @GetMapping(SERIES + "/metadata")
    void seriesMetadata(@PathVariable long version, @PathVariable String study, @PathVariable String series,
                        @RequestHeader(name = "Accept", required = false) String accept,
                        @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch, HttpServletResponse response) throws IOException {
        sendMetadata(select(version, study, series, null), accept, ifNoneMatch, response);
    }

    @GetMapping(INSTANCE + "/metadata")
    void instanceMetadata(@PathVariable long version, @PathVariable String study, @PathVariable String series, @PathVariable String instance,
                          @RequestHeader(name = "Accept", required = false) String accept,
                          @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch, HttpServletResponse response) throws IOException {
        sendMetadata(select(version, study, series, instance), accept, ifNoneMatch, response);
    }

    /** The instances addressed, never empty: unknown UIDs and cases the user may not see are both "not found". */
    private List<CaseStudy.Instance> select(long version, String study, String series, String instance) {
        DicomWebPaths.uid(study, "StudyInstanceUID");
        if (series != null) {
            DicomWebPaths.uid(series, "SeriesInstanceUID");
        }
        if (instance != null) {
            DicomWebPaths.uid(instance, "SOPInstanceUID");
        }
        CaseStudy c = studies.require(version);
        List<CaseStudy.Instance> found = instance != null ? c.instance(study, series, instance).map(List::of).orElse(List.of())
                : series != null ? c.series(study, series) : c.study(study);
        if (found.isEmpty()) {
            throw DicomWebException.notFound(instance != null ? "instance " + instance : series != null ? "series " + series : "study " + study);
        }
        return found;
    }

    /** 1-based frame numbers, comma-separated (PS3.18 10.4.1.1.3), each within the instance's frames. */
    static List<Integer> frameList(String text, int frames) {
        var numbers = new ArrayList<Integer>();
        for (String part : text.split(",", -1)) {
            int n;
            try {
                n = Integer.parseInt(part.trim());
            } catch (NumberFormatException e) {
                throw new DicomWebException(HttpStatus.BAD_REQUEST, "frame list '" + DicomWebPaths.abbreviate(text)
                        + "' must be comma-separated frame numbers from 1, e.g. 1,2,5; '" + DicomWebPaths.abbreviate(part) + "' is not a number");
            }
            if (n < 1) {
                throw new DicomWebException(HttpStatus.BAD_REQUEST, "frame numbers start at 1, found " + n);
            }
            if (n > frames) {
                throw new DicomWebException(HttpStatus.NOT_FOUND, "frame " + n + " not found: the instance has " + frames + " frame" + (frames == 1 ? "" : "s"));
            }
            numbers.add(n);
        }
        if (numbers.size() > 10_000) {
            throw new DicomWebException(HttpStatus.BAD_REQUEST, "at most 10000 frames per request");
        }
        return numbers;
    }

    private void sendInstances(List<CaseStudy.Instance> instances, String accept, String ifNoneMatch, HttpServletResponse response) throws IOException {
        var acceptHeader = AcceptHeader.parse(accept);
        List<Multipart.Part> parts = new ArrayList<>();
        if (instances.stream().anyMatch(i -> !i.local())) {
            // a whole archive instance would carry the patient's identity, which Calibra did not remove (ADR 0013)
            throw new DicomWebException(HttpStatus.FORBIDDEN, "instances kept in an external archive are not handed out whole: "
                    + "they are not de-identified by Calibra; retrieve their frames and metadata");
        }
        for (var i : instances) {
            String ts = i.header().transferSyntaxUid();
            if (!acceptHeader.acceptsMultipart("application/dicom", ts, false)) {
                throw new DicomWebException(HttpStatus.NOT_ACCEPTABLE, "instance " + i.sopUid() + " is available as multipart/related; type=\"application/dicom\"; "
                        + "transfer-syntax=" + ts + " (as stored, no transcoding), not as " + acceptHeader);
            }
            var file = studies.blob(i);
            parts.add(new Multipart.Part("application/dicom; transfer-syntax=" + ts, file, List.of(new long[] {0, file.length()})));
        }
        if (HttpCaching.notModified(HttpCaching.etag("i", instances.stream().map(CaseStudy.Instance::contentTag).toList()), ifNoneMatch, response)) {
            return;
        }
        send(new Multipart(parts), "application/dicom", response);
    }

    private void sendMetadata(List<CaseStudy.Instance> instances, String accept, String ifNoneMatch, HttpServletResponse response) throws IOException {
        if (!AcceptHeader.parse(accept).acceptsJson()) {
            throw new DicomWebException(HttpStatus.NOT_ACCEPTABLE, "metadata is available as application/dicom+json, not as " + AcceptHeader.parse(accept));
        }
        String etag = HttpCaching.etag(METADATA_FORMAT, instances.stream().map(CaseStudy.Instance::contentTag).toList());
        if (HttpCaching.notModified(etag, ifNoneMatch, response)) {
            return;
        }
        byte[] body = metadataCache.computeIfAbsent(etag, k -> metadataJson(instances));
        response.setContentType("application/dicom+json");
        response.setContentLengthLong(body.length);
        response.getOutputStream().write(body);
    }

    /** Built metadata by its ETag (content-addressed, so never stale): a 300-slice series is ~0.7 MB, built once. */
    private final java.util.Map<String, byte[]> metadataCache = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, byte[]> eldest) {
            return size() > 64;
        }
    });

    private static byte[] metadataJson(List<CaseStudy.Instance> instances) {
        var out = new StringBuilder(instances.size() * 3000).append('[');
        for (int k = 0; k < instances.size(); k++) {
            if (k > 0) {
                out.append(',');
            }
            var i = instances.get(k);
            // archive instances too: their header holds the archive's values of the same attributes, nothing else
            DicomJson.object(out, i.header().attributes().values()); // in tag order
        }
        return out.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void send(Multipart body, String partType, HttpServletResponse response) throws IOException {
        response.setBufferSize(64 * 1024);
        response.setContentType(body.contentType(partType));
        response.setContentLengthLong(body.length());
        body.write(response.getOutputStream());
    }
}
