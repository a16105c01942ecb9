package org.calibra.certification.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.calibra.certification.CertificateRecord;
import org.calibra.certification.CredentialService;
import org.calibra.certification.CertificateService;
import org.calibra.security.Role;
import org.calibra.shared.Routes;

/**
 * A resident's certificates, each with what they can hand on: the PDF, the signed credential file and the
 * public verification link. The downloads are served by {@code HolderFilesController}, which checks ownership.
 */
@Route(Routes.CERTIFICATES)
@PageTitle("Calibra — My certificates")
@Menu(order = 2, title = "My certificates", icon = "vaadin:diploma")
@RolesAllowed(Role.RESIDENT_NAME)
class MyCertificatesView extends VerticalLayout {

    MyCertificatesView(CertificateService certificates, CredentialService credentials) {
        setId("certificates-view");
        addClassName("page");
        add(new H1("My certificates"));
        var mine = certificates.mine();
        if (mine.isEmpty()) {
            var empty = new Paragraph("No certificates yet. Pass every module of a curriculum to earn its certificate.");
            empty.addClassName("empty-state");
            empty.setId("certificates-empty");
            add(empty);
        }
        mine.forEach(c -> add(block(c, credentials.shareUrl(c.publicId()))));
    }

    private static Div block(CertificateRecord c, String shareUrl) {
        var block = new Div();
        block.addClassName("certificate-block");
        block.getElement().setAttribute("data-certificate", c.publicId());
        block.getElement().setAttribute("data-title", c.title());
        var link = new Anchor(Routes.verify(c.publicId()), "Public verification page (share this link)");
        link.setId("verify-link");
        link.addClassName("verify-link");
        var pdf = download("/credentials/" + c.publicId() + "/certificate.pdf", "Download the certificate (PDF)", "download-pdf");
        var jwt = download("/credentials/" + c.publicId() + "/credential.jwt", "Download the signed credential (.jwt, Open Badges 3.0)",
                "download-credential");
        var share = new TextField("Share link");
        share.setValue(shareUrl);
        share.setReadOnly(true);
        share.setWidth("36em");
        share.addClassName("share-link");
        share.setHelperText("Anyone with this link can check the certificate; no account needed.");
        var actions = new Div(pdf, jwt, link);
        actions.addClassName("certificate-actions");
        block.add(new CertificateCard(c), actions, share);
        // the reads, scores and threshold evaluations each module was passed on (the holder's own attempts)
        c.evidence().stream().filter(e -> e.attemptId() != null).forEach(e -> {
            var record = new Anchor("decisions/" + e.attemptId(), "Decision record: " + e.module());
            record.addClassName("decision-link");
            block.add(new Div(record));
        });
        return block;
    }

    private static Anchor download(String href, String text, String className) {
        var a = new Anchor(href, text);
        a.setRouterIgnore(true);
        a.getElement().setAttribute("download", true);
        a.addClassName(className);
        return a;
    }
}
