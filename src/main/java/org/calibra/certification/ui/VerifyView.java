package org.calibra.certification.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.calibra.certification.CertificateService;
import org.calibra.shared.Routes;

/** Public verification of a certificate by its ID; no sign-in needed. */
@Route(Routes.VERIFY + "/:publicId")
@PageTitle("Verify a certificate — Calibra")
@AnonymousAllowed
class VerifyView extends VerticalLayout implements BeforeEnterObserver {

    private final CertificateService certificates;

    VerifyView(CertificateService certificates) {
        this.certificates = certificates;
        setId("verify-view");
        addClassName("page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String id = event.getRouteParameters().get("publicId").orElse("");
        add(new H2("Certificate verification"));
        certificates.verify(id).ifPresentOrElse(c -> add(new CertificateCard(c), new Paragraph(
                "This page is served by the issuing Calibra installation. Signed, independently verifiable credentials follow in a later release.")),
                () -> {
                    var none = new Paragraph("No certificate with the ID '" + id + "' exists. Check the ID or ask the holder for the link.");
                    none.setId("certificate-not-found");
                    add(none);
                });
    }
}
