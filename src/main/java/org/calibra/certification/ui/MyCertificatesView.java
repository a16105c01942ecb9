package org.calibra.certification.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
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
 * A resident's certificates, each with what they can hand on: the PDF, the signed credential file, the public
 * verification link (with a button that copies it) and, while valid, LinkedIn's "Add to profile" form filled in. The
 * downloads are served by {@code HolderFilesController}, which checks ownership.
 */
@Route(Routes.CERTIFICATES)
@PageTitle("My certificates — Calibra")
@Menu(order = 2, title = "My certificates", icon = "vaadin:diploma")
@RolesAllowed(Role.RESIDENT_NAME)
class MyCertificatesView extends VerticalLayout {

    /** The clipboard API where the page is allowed it (HTTPS or localhost), else a hidden text area and the copy command. */
    private static final String COPY = """
            const text = $0;
            const byCommand = () => {
              const area = document.createElement('textarea');
              area.value = text;
              area.setAttribute('readonly', '');
              area.style.position = 'fixed';
              area.style.opacity = '0';
              document.body.appendChild(area);
              area.select();
              let ok = false;
              try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
              area.remove();
              return ok;
            };
            if (navigator.clipboard && window.isSecureContext) {
              return navigator.clipboard.writeText(text).then(() => true, byCommand);
            }
            return byCommand();
            """;

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
        mine.forEach(c -> add(block(c, credentials.shareUrl(c.publicId()), credentials.addToLinkedInUrl(c))));
    }

    private static Div block(CertificateRecord c, String shareUrl, String linkedInUrl) {
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
        if (c.status() == CertificateRecord.Status.VALID) {
            // only a certificate that holds today belongs on a profile
            var linkedIn = new Anchor(linkedInUrl, "Add to LinkedIn profile");
            linkedIn.setTarget(AnchorTarget.BLANK);
            linkedIn.getElement().setAttribute("rel", "noopener noreferrer");
            linkedIn.getElement().setAttribute("title", "Opens LinkedIn's form, filled in with this certificate, in a new tab");
            linkedIn.addClassName("add-to-linkedin");
            actions.add(linkedIn);
        }
        block.add(new CertificateCard(c), actions, shareRow(share, shareUrl));
        // the reads, scores and threshold evaluations each module was passed on (the holder's own attempts)
        c.evidence().stream().filter(e -> e.attemptId() != null).forEach(e -> {
            var record = new Anchor("decisions/" + e.attemptId(), "Decision record: " + e.module());
            record.addClassName("decision-link");
            block.add(new Div(record));
        });
        return block;
    }

    /** The share link with a Copy link button beside it, and a line that says whether the copy worked. */
    private static Div shareRow(TextField share, String shareUrl) {
        var copied = new Span();
        copied.addClassName("copy-status");
        copied.getElement().setAttribute("role", "status"); // read out by screen readers when it changes
        var copy = new Button("Copy link");
        copy.addClassName("copy-link");
        copy.addClickListener(e -> copy.getElement().executeJs(COPY, shareUrl).then(Boolean.class, ok -> {
            if (Boolean.TRUE.equals(ok)) {
                copied.setText("Link copied. Paste it into an e-mail or a message to share the certificate.");
            } else {
                copyByHand(share, copied);
            }
        }, error -> copyByHand(share, copied)));
        var row = new HorizontalLayout(share, copy);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.addClassName("share-row");
        return new Div(row, copied);
    }

    private static void copyByHand(TextField share, Span copied) {
        share.getElement().executeJs("this.inputElement.select()");
        copied.setText("This browser did not let Calibra copy the link: it is selected in the field above, press Ctrl+C (⌘C on a Mac) to copy it.");
    }

    private static Anchor download(String href, String text, String className) {
        var a = new Anchor(href, text);
        a.setRouterIgnore(true);
        a.getElement().setAttribute("download", true);
        a.addClassName(className);
        return a;
    }
}
