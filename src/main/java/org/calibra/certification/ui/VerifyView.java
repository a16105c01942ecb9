package org.calibra.certification.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.calibra.certification.CredentialService;
import org.calibra.certification.credential.Verification.Outcome;
import org.calibra.shared.Routes;

/**
 * Public verification of a certificate by its ID (the QR code's target); no sign-in. The server checks the
 * stored credential as any verifier would: signature with the published key, status list bits, validity dates.
 */
@Route(Routes.VERIFY + "/:publicId")
@PageTitle("Verify a certificate — Calibra")
@AnonymousAllowed
class VerifyView extends VerticalLayout implements BeforeEnterObserver {

    private final CredentialService credentials;

    VerifyView(CredentialService credentials) {
        this.credentials = credentials;
        setId("verify-view");
        addClassName("page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String id = event.getRouteParameters().get("publicId").orElse("");
        var report = credentials.verifyId(id);
        add(new H1("Certificate verification"), new VerdictBanner(report), new VerifyExplanation(report));
        if (report.certificate() != null) {
            add(new CertificateCard(report.certificate()));
        }
        if (report.outcome() == Outcome.NOT_FOUND) {
            var none = new Paragraph("No certificate with the ID '" + id + "' exists. Check the ID or ask the holder for the link.");
            none.setId("certificate-not-found");
            add(none);
            return;
        }
        var how = new Paragraph("Checked just now on this server: the Open Badges 3.0 credential's signature against the issuer's published "
                + "keys, its revocation and suspension status, and its validity dates. To check it yourself, ask the holder for the credential "
                + "file and verify it with the published keys, or paste it below.");
        how.addClassName("fine-print");
        var keys = new Anchor("/.well-known/jwks.json", "Published keys (JWKS)");
        keys.setRouterIgnore(true);
        var paste = new Anchor(VerifyCredentialView.ROUTE, "Verify a credential file");
        add(how, keys, paste);
    }
}
