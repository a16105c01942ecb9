package org.calibra.certification.web;

import java.nio.charset.StandardCharsets;
import org.calibra.certification.CredentialService;
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
 * plain 404, so ids cannot be probed.
 */
@RestController
class HolderFilesController {

    private final CredentialService credentials;

    HolderFilesController(CredentialService credentials) {
        this.credentials = credentials;
    }

    @GetMapping("/credentials/{publicId}/credential.jwt")
    ResponseEntity<byte[]> credential(@PathVariable String publicId) {
        return credentials.credentialFile(publicId)
                .map(jwt -> file(jwt.getBytes(StandardCharsets.US_ASCII), PublicationController.JWT, "calibra-credential-" + publicId + ".jwt"))
                .orElse(ResponseEntity.notFound().build());
    }

    @GetMapping("/credentials/{publicId}/certificate.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String publicId) {
        return credentials.pdfFile(publicId).map(bytes -> file(bytes, MediaType.APPLICATION_PDF, "calibra-certificate-" + publicId + ".pdf"))
                .orElse(ResponseEntity.notFound().build());
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store").body(body);
    }
}
