package org.calibra.certification.web;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.communication.IndexHtmlResponse;
import java.util.regex.Pattern;
import org.calibra.certification.CertificateRecord;
import org.calibra.certification.CertificateService;
import org.calibra.certification.CredentialService;
import org.calibra.certification.verification.VerificationWords;
import org.jsoup.nodes.Document;
import org.springframework.stereotype.Component;

/**
 * Open Graph tags on the public verification page {@code /verify/{id}}, written into the HTML the server sends, so a
 * link pasted into a chat, an e-mail or a profile previews as the certificate (whose, what, its status) without running
 * any script. The page itself still checks the signature when opened; the preview says only what the record says.
 */
@Component
class VerifyPageOpenGraph implements VaadinServiceInitListener {

    private static final Pattern VERIFY_PATH = Pattern.compile("/verify/([A-Za-z0-9_-]{16,64})/?");

    private final CertificateService certificates;
    private final CredentialService credentials;

    VerifyPageOpenGraph(CertificateService certificates, CredentialService credentials) {
        this.certificates = certificates;
        this.credentials = credentials;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(this::addTags);
    }

    void addTags(IndexHtmlResponse response) {
        var m = VERIFY_PATH.matcher(path(response.getVaadinRequest()));
        if (!m.matches()) {
            return;
        }
        String id = m.group(1);
        var certificate = certificates.verify(id);
        String title = certificate.map(c -> c.holderName() + " — " + c.title()).orElse("Certificate verification — Calibra");
        String description = certificate.map(VerifyPageOpenGraph::describe)
                .orElse("No certificate has this ID here. Check the ID, or ask the holder for the link.");
        Document html = response.getDocument();
        meta(html, "og:title", title);
        meta(html, "og:description", description);
        meta(html, "og:url", credentials.shareUrl(id));
        meta(html, "og:type", "website");
        meta(html, "og:site_name", "Calibra");
        html.head().select("meta[name=description]").remove();
        html.head().appendElement("meta").attr("name", "description").attr("content", description);
    }

    /** "Valid certificate issued by … on 23 November 2026, valid until 23 November 2028. …" — the record's status now. */
    static String describe(CertificateRecord c) {
        String issued = " issued by " + c.issuerName() + " on " + VerificationWords.date(c.issuedAt());
        String status = switch (c.status()) {
            case VALID -> "Valid certificate" + issued + ", valid until " + VerificationWords.date(c.expiresAt()) + ".";
            case EXPIRED -> "Expired certificate" + issued + "; it expired on " + VerificationWords.date(c.expiresAt()) + ".";
            case REVOKED -> "Revoked certificate" + issued + "; revoked on " + VerificationWords.date(c.revokedAt()) + ".";
            case SUSPENDED -> "Suspended certificate" + issued + "; suspended since " + VerificationWords.date(c.suspendedAt()) + ".";
        };
        String evidence = VerificationWords.evidenceSummary(c);
        return status + (evidence.isEmpty() ? "" : " " + evidence) + " Open the link to check its signature and status now.";
    }

    private static void meta(Document html, String property, String content) {
        html.head().select("meta[property=" + property + "]").remove();
        html.head().appendElement("meta").attr("property", property).attr("content", content);
    }

    private static String path(VaadinRequest request) {
        if (request instanceof VaadinServletRequest servlet) {
            String uri = servlet.getRequestURI();
            String context = servlet.getContextPath();
            return uri == null ? "" : context != null && uri.startsWith(context) ? uri.substring(context.length()) : uri;
        }
        return request == null || request.getPathInfo() == null ? "" : request.getPathInfo();
    }
}
