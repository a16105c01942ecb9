package org.calibra.certification.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.calibra.certification.CredentialService;
import org.calibra.shared.web.ErrorDetails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The holder's downloads: the signed credential and the PDF certificate. Signed-in only (the security chain);
 * the service hands out only the caller's own certificates (or any, to an administrator); anything else is a
 * 404 that says the same in words whether the id is unknown or someone else's, so ids cannot be probed.
 */
@RestController
class HolderFilesController {

    private static final Logger log = LoggerFactory.getLogger(HolderFilesController.class);
    private final CredentialService credentials;

    HolderFilesController(CredentialService credentials) {
        this.credentials = credentials;
    }

    /** Why a download is not there, on the app's error page; the same for an unknown id and another person's. */
    static final String NOT_YOURS = "There is no certificate of yours with this id, so there is nothing to download. Check the link,"
            + " or download the file from My certificates.";

    @GetMapping("/credentials/{publicId}/credential.jwt")
    ResponseEntity<byte[]> credential(@PathVariable String publicId, HttpServletRequest request, HttpServletResponse response) throws IOException {
        var jwt = credentials.credentialFile(publicId);
        if (jwt.isEmpty()) {
            ErrorDetails.sendError(request, response, HttpServletResponse.SC_NOT_FOUND, NOT_YOURS);
            return null;
        }
        return file(jwt.get().getBytes(StandardCharsets.US_ASCII), PublicationController.JWT, "calibra-credential-" + publicId + ".jwt");
    }

    @GetMapping("/credentials/{publicId}/certificate.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String publicId, HttpServletRequest request, HttpServletResponse response) throws IOException {
        java.util.Optional<byte[]> pdf;
        try {
            pdf = credentials.pdfFile(publicId);
        } catch (RuntimeException e) {
            log.error("The PDF of certificate {} could not be made", publicId, e);
            ErrorDetails.sendError(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "The certificate's PDF could not be made"
                    + " just now. Try again in a minute; if it keeps failing, tell your administrator. The certificate itself is"
                    + " unaffected: it still verifies online.");
            return null;
        }
        if (pdf.isEmpty()) {
            ErrorDetails.sendError(request, response, HttpServletResponse.SC_NOT_FOUND, NOT_YOURS);
            return null;
        }
        return file(pdf.get(), MediaType.APPLICATION_PDF, "calibra-certificate-" + publicId + ".pdf");
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store").body(body);
    }
}
