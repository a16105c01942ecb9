package org.calibra.certification.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.streams.UploadHandler;
import java.nio.charset.StandardCharsets;
import org.calibra.certification.CredentialService;

/** Paste or upload a credential (.jwt) and have it checked: signature, issuer, key, status and dates. No sign-in. */
@Route(VerifyCredentialView.ROUTE)
@PageTitle("Verify a credential file — Calibra")
@Menu(order = 6, title = "Verify a credential file", icon = "vaadin:file-text-o")
@AnonymousAllowed
class VerifyCredentialView extends VerticalLayout {

    static final String ROUTE = "verify-credential";
    private static final int MAX_BYTES = 100_000;

    private final CredentialService credentials;
    private final Div result = new Div();
    private final TextArea input = new TextArea("Credential (compact JWS, as in the .jwt file)");

    VerifyCredentialView(CredentialService credentials) {
        this.credentials = credentials;
        setId("verify-credential-view");
        addClassName("page");
        input.setId("credential-input");
        input.setWidthFull();
        input.setMaxHeight("14em");
        input.setMaxLength(MAX_BYTES);
        input.setHelperText("Three base64url parts separated by dots: header.payload.signature");
        var check = new Button("Verify", e -> show(input.getValue()));
        check.setId("verify-credential-button");
        check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            String text = new String(bytes, StandardCharsets.US_ASCII).strip();
            getUI().ifPresent(ui -> ui.access(() -> {
                input.setValue(text.length() > MAX_BYTES ? text.substring(0, MAX_BYTES) : text);
                show(text);
            }));
        }));
        upload.setId("credential-upload");
        upload.setAcceptedFileTypes(".jwt", ".txt", "application/vc+jwt", "application/jwt", "text/plain");
        upload.setMaxFileSize(MAX_BYTES);
        result.setId("credential-result");
        add(new H1("Verify a credential file"),
                new Paragraph("Checks a Calibra credential against this installation's published keys and status lists. Changing any "
                        + "character of it makes the check fail."),
                input, check, upload, result);
    }

    private void show(String jws) {
        result.removeAll();
        var report = credentials.verifyCredential(jws);
        result.add(new VerdictBanner(report), new VerifyExplanation(report));
        if (report.certificate() != null) {
            result.add(new CertificateCard(report.certificate()));
        }
    }
}
