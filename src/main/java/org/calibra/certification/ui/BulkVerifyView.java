package org.calibra.certification.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.calibra.certification.verification.BulkInput;
import org.calibra.certification.verification.BulkReportCsv;
import org.calibra.certification.verification.BulkResult;
import org.calibra.certification.verification.BulkVerification;
import org.calibra.certification.verification.VerificationWords;
import org.calibra.security.Role;
import org.calibra.shared.web.BoundedUpload;

/**
 * A hospital verifier checks many certificates at once: pasted IDs, verification links (what the QR codes hold) or
 * credentials, one per line, and uploaded credential files or lists. Every item gets its own row — a line that is
 * none of those says so in its row and the others are still checked — and the whole table downloads as CSV.
 */
@Route(BulkVerifyView.ROUTE)
@PageTitle("Check many certificates — Calibra")
@Menu(order = 6.5, title = "Check many certificates", icon = "vaadin:list-select")
@RolesAllowed({Role.VERIFIER_NAME, Role.ADMIN_NAME})
class BulkVerifyView extends VerticalLayout {

    static final String ROUTE = "verifier/bulk";
    private static final int MAX_FILES = 50;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").withZone(ZoneOffset.UTC);

    private final BulkVerification bulk;
    private final TextArea input = new TextArea("Certificate IDs, verification links or credentials, one per line");
    private final List<BulkInput.UploadedFile> files = new CopyOnWriteArrayList<>();
    private final Paragraph fileList = new Paragraph();
    private final Upload upload;
    private final Div result = new Div();

    BulkVerifyView(BulkVerification bulk) {
        this.bulk = bulk;
        setId("bulk-verify-view");
        addClassName("page");
        input.setId("bulk-input");
        input.setWidthFull();
        input.setMinHeight("10em");
        input.setMaxHeight("20em");
        input.setHelperText("For example the ID printed on a certificate, or its link https://…/verify/… . A spreadsheet's first column"
                + " pasted here works too. At most " + BulkInput.MAX_ITEMS + " items at once.");

        upload = new Upload(new BoundedUpload(BulkInput.MAX_FILE_BYTES, (name, bytes) -> {
            files.add(new BulkInput.UploadedFile(name, bytes));
            getUI().ifPresent(ui -> ui.access(this::showFiles));
        }, why -> getUI().ifPresent(ui -> ui.access(() -> fileList.setText("Not added: " + why + ".")))));
        upload.setId("bulk-upload");
        upload.setMaxFiles(MAX_FILES);
        upload.setMaxFileSize(BulkInput.MAX_FILE_BYTES);
        upload.setAcceptedFileTypes(".jwt", ".json", ".txt", ".csv", "application/vc+jwt", "application/jwt", "application/json", "text/plain", "text/csv");
        upload.getElement().setAttribute("aria-label", "Upload credential files (.jwt, .json) or a list of IDs and links (.txt, .csv)");
        upload.addFileRejectedListener(e -> fileList.setText("Not added: " + e.getErrorMessage() + " (credential files or text and CSV lists of at most "
                + BoundedUpload.sizeInWords(BulkInput.MAX_FILE_BYTES) + " are accepted)."));
        fileList.setId("bulk-files");
        fileList.getElement().setAttribute("aria-live", "polite");
        showFiles();

        var check = new Button("Check all", e -> checkAll());
        check.setId("bulk-check");
        check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var clear = new Button("Start again", e -> clear());
        clear.setId("bulk-clear");
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        result.setId("bulk-result");
        result.setWidthFull();
        add(new H1("Check many certificates"),
                new Paragraph("Paste certificate IDs, verification links or credentials, one per line, or upload credential files (.jwt, .json)"
                        + " or a list (.txt, .csv). Each is checked on its own, as on the verification page: the issuer's signature, revocation"
                        + " and suspension, and the dates. The answers come back as a table you can download as CSV."),
                input, upload, fileList, new Div(check, clear), result);
    }

    private void showFiles() {
        fileList.setText(files.isEmpty() ? "No files added." : "Files to check: " + String.join(", ", files.stream().map(BulkInput.UploadedFile::name).toList()) + ".");
    }

    private void clear() {
        input.clear();
        files.clear();
        upload.clearFileList();
        showFiles();
        result.removeAll();
    }

    private void checkAll() {
        result.removeAll();
        var parsed = bulk.read(input.getValue(), new ArrayList<>(files));
        if (parsed.refused()) {
            result.add(message("bulk-refused", parsed.refusal()));
            return;
        }
        if (parsed.items().isEmpty()) {
            result.add(message("bulk-empty", "Nothing to check yet: paste at least one certificate ID, link or credential, or upload a file."));
            return;
        }
        show(bulk.check(parsed.items()));
        files.clear();
        upload.clearFileList();
        showFiles();
    }

    private static Paragraph message(String id, String text) {
        var p = new Paragraph(text);
        p.setId(id);
        p.getElement().setAttribute("role", "status");
        return p;
    }

    private void show(BulkResult checked) {
        var summary = message("bulk-summary", checked.summary());
        byte[] csv = BulkReportCsv.write(checked).getBytes(StandardCharsets.UTF_8);
        String file = "calibra-verification-report-" + STAMP.format(checked.checkedAt()) + ".csv";
        var download = new Anchor(DownloadHandler.fromInputStream(e -> new DownloadResponse(new ByteArrayInputStream(csv), file,
                "text/csv;charset=UTF-8", csv.length)), "Download CSV report");
        download.setId("bulk-csv");
        download.getElement().setAttribute("download", true);
        download.addClassName("bulk-download");
        result.add(new H2("Results"), summary, download, table(checked));
    }

    private static Div table(BulkResult checked) {
        var table = new NativeTable();
        table.setId("bulk-results");
        table.addClassName("bulk-table");
        table.setCaptionText("One row per item, in the order given");
        var head = table.getHead().addRow();
        for (String h : List.of("Line or file", "Item as given", "Status", "Holder", "Certificate", "Reason given by the issuer", "Issued", "Expires",
                "Evidence")) {
            head.addHeaderCell().setText(h);
        }
        head.getHeaderCells().forEach(c -> c.getElement().setAttribute("scope", "col"));
        var body = table.getBody();
        int n = 0;
        for (var row : checked.rows()) {
            NativeTableRow tr = body.addRow();
            tr.setId("bulk-row-" + (++n));
            var report = row.report();
            var c = report == null ? null : report.certificate();
            tr.addDataCell().setText(row.source());
            var given = tr.addDataCell();
            given.add(LongText.of(row.given()));
            given.addClassName("bulk-given");
            var status = tr.addDataCell();
            status.add(new Div(row.status()));
            var details = new Div(row.details());
            details.addClassName("bulk-details");
            status.add(details);
            status.addClassNames("bulk-status", report == null ? "not-checked" : report.valid() ? "valid" : "invalid");
            tr.addDataCell().setText(c == null ? "—" : c.holderName());
            tr.addDataCell().setText(c == null ? "—" : c.title());
            tr.addDataCell().setText(report == null || report.statusReason() == null ? "—" : report.statusReason());
            tr.addDataCell().setText(c == null ? "—" : VerificationWords.date(c.issuedAt()));
            tr.addDataCell().setText(c == null ? "—" : VerificationWords.date(c.expiresAt()));
            tr.addDataCell().setText(c == null ? "—" : VerificationWords.evidenceSummary(c));
        }
        var scroll = new Div(table);
        scroll.addClassName("bulk-table-scroll");
        // a region that may scroll sideways must be reachable by keyboard, and named
        scroll.getElement().setAttribute("tabindex", "0").setAttribute("role", "region").setAttribute("aria-label", "Results, one row per item");
        return scroll;
    }
}
