package org.calibra.dicomweb;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.calibra.casebank.CaseImageFile;
import org.calibra.casebank.dicom.DicomFormatException;
import org.calibra.casebank.dicom.DicomHeader;
import org.calibra.casebank.dicom.DicomJsonHeader;
import org.calibra.casebank.dicom.DicomWebClient;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Images of cases that point at an external DICOMweb archive (ADR 0013). The app is the archive's only client: the
 * browser asks the app, which checks access like for its own images, then fetches from the archive with the server's
 * credentials and streams the answer through. Series metadata is fetched once and kept (a SOP instance never changes),
 * and only the attributes the app serves for its own images are passed on — never the archive's URLs.
 */
@Component
class ExternalArchives {

    /** What Cornerstone's wadors loader asks for, used when the client sent no Accept. */
    private static final String DEFAULT_FRAME_ACCEPT = "multipart/related; type=application/octet-stream; transfer-syntax=*";
    private static final int MAX_SERIES = 500;
    private final Map<String, List<DicomHeader>> series = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<DicomHeader>> eldest) {
            return size() > MAX_SERIES;
        }
    };

    /** The instance behind an archive stack entry, its header from the archive's series metadata. */
    CaseStudy.Instance instance(CaseImageFile f) {
        DicomHeader h = seriesOf(f.archiveRoot(), f.studyUid(), f.seriesUid()).stream()
                .filter(x -> x.sopInstanceUid().equals(f.sopUid())).findFirst()
                .orElseThrow(() -> new DicomWebException(HttpStatus.BAD_GATEWAY, "the archive no longer lists instance " + f.sopUid()));
        return new CaseStudy.Instance(f.studyUid(), f.seriesUid(), f.sopUid(), h.numberOfFrames(), null, h, f.archiveRoot());
    }

    private List<DicomHeader> seriesOf(String root, String study, String seriesUid) {
        String key = root + "|" + study + "|" + seriesUid;
        synchronized (series) {
            var cached = series.get(key);
            if (cached != null) {
                return cached;
            }
        }
        List<DicomHeader> headers;
        try {
            headers = DicomJsonHeader.series(DicomWebClient.seriesMetadata(root, study, seriesUid));
        } catch (IOException | DicomFormatException e) {
            throw new DicomWebException(HttpStatus.BAD_GATEWAY, "the image archive cannot be reached or answered badly: " + e.getMessage());
        }
        synchronized (series) {
            series.put(key, headers);
        }
        return headers;
    }

    void proxyFrames(CaseStudy.Instance i, List<Integer> frames, String accept, String ifNoneMatch, HttpServletResponse response) throws IOException {
        String list = frames.stream().map(String::valueOf).collect(Collectors.joining(","));
        if (HttpCaching.notModified(HttpCaching.etag("f", List.of(i.contentTag() + "/" + list)), ifNoneMatch, response)) {
            return;
        }
        proxy(instanceUrl(i) + "/frames/" + list, accept == null || accept.isBlank() ? DEFAULT_FRAME_ACCEPT : accept, response);
    }

    private static String instanceUrl(CaseStudy.Instance i) {
        return DicomWebClient.stripSlash(i.archiveRoot()) + "/studies/" + i.studyUid() + "/series/" + i.seriesUid() + "/instances/" + i.sopUid();
    }

    /** Streams the archive's answer through; its errors become 406 (not acceptable) or 502 (the archive failed). */
    private static void proxy(String url, String accept, HttpServletResponse response) throws IOException {
        var answer = DicomWebClient.get(url, accept);
        try (InputStream body = answer.body()) {
            int status = answer.statusCode();
            if (status != 200) {
                response.setHeader("ETag", null);
                response.setHeader("Cache-Control", "no-store");
                throw new DicomWebException(status == 406 ? HttpStatus.NOT_ACCEPTABLE : HttpStatus.BAD_GATEWAY,
                        "the image archive answered " + status + (status == 406 ? ": it cannot send the frames as " + accept : ""));
            }
            answer.headers().firstValue("Content-Type").ifPresent(response::setContentType);
            answer.headers().firstValueAsLong("Content-Length").ifPresent(response::setContentLengthLong);
            body.transferTo(response.getOutputStream());
        }
    }
}
