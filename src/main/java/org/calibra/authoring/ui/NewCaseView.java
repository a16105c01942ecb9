package org.calibra.authoring.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.calibra.authoring.AuthoringService;
import org.calibra.authoring.DraftProblem;
import org.calibra.authoring.DraftRefused;
import org.calibra.authoring.SyntheticCaseForm;
import org.calibra.authoring.SyntheticCaseForm.Field;
import org.calibra.authoring.UploadResult;
import org.calibra.security.Role;

/**
 * Where an educator starts a case (issue 13): from an uploaded study (the import page), from several series (upload,
 * then choose the stack), or from the synthetic generator with parameters chosen in a form. Each start ends as a draft,
 * never a live case; the educator continues on the draft's page.
 */
@Route("cases/new")
@PageTitle("New case — Calibra")
@Menu(order = 3.4, title = "New case", icon = "vaadin:plus-circle")
@RolesAllowed({Role.EDUCATOR_NAME, Role.ADMIN_NAME})
class NewCaseView extends VerticalLayout {

    private final AuthoringService authoring;
    private final Map<Field, com.vaadin.flow.component.HasValidation> fields = new EnumMap<>(Field.class);
    private final RadioButtonGroup<String> kind = new RadioButtonGroup<>(Field.KIND.label);
    private final TextField lesions = field(Field.LESIONS, "new-case-lesions");
    private final TextField sizes = field(Field.SIZES, "new-case-sizes");
    private final RadioButtonGroup<String> density = new RadioButtonGroup<>(Field.DENSITY.label);
    private final TextField contrast = field(Field.CONTRAST, "new-case-contrast");
    private final TextField noise = field(Field.NOISE, "new-case-noise");
    private final TextField sensitivity = field(Field.SENSITIVITY, "new-case-sensitivity");
    private final TextField falseMarks = field(Field.FALSE_MARKS, "new-case-false-marks");
    private final TextField calibration = field(Field.CALIBRATION, "new-case-calibration");
    private final Div syntheticResult = new Div();
    private final Div seriesResult = new Div();

    NewCaseView(AuthoringService authoring) {
        this.authoring = authoring;
        setId("new-case");
        addClassName("page");
        add(new H2("New case"), new Paragraph("Start a case in one of three ways. Each becomes a draft of your institution: nobody reads it"
                + " until a second educator approves it. You continue on the draft's page — title, history, truth, AI, teaching points."));
        add(fromStudy(), fromSeries(), fromGenerator());
    }

    private Div fromStudy() {
        var link = new RouterLink("Import a study (.zip)", CaseImportView.class);
        link.setId("new-case-import-link");
        return section("new-case-study", new H3("From an uploaded study"), new Paragraph("A .zip of DICOM files, with or without a case.yaml, or a"
                + " bundle exported from a case page. Every file is de-identified before anything is stored."), link);
    }

    private Div fromSeries() {
        seriesResult.setId("new-case-series-result");
        seriesResult.getElement().setAttribute("role", "status");
        long max = authoring.maxUploadBytes();
        var upload = new Upload(new BoundedUpload(max, (name, bytes) -> {
            UploadResult outcome = authoring.upload(name, bytes);
            getUI().ifPresent(ui -> ui.access(() -> seriesUploaded(name, outcome)));
        }, why -> getUI().ifPresent(ui -> ui.access(() -> {
            seriesResult.removeAll();
            seriesResult.add(new Paragraph("Not uploaded: " + why + "."));
        }))));
        upload.setId("new-case-series-upload");
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes(".zip", "application/zip");
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, max));
        upload.getElement().setAttribute("aria-label", "Upload a .zip holding several series");
        upload.addFileRejectedListener(e -> {
            seriesResult.removeAll();
            seriesResult.add(new Paragraph("Not uploaded: " + e.getErrorMessage() + " (a .zip of at most " + (max >> 20) + " MB is accepted)"));
        });
        return section("new-case-series", new H3("From several series"), new Paragraph("Upload a .zip holding more than one series (any folder"
                + " structure). It is de-identified and stored as a draft; next you choose which series make up the stack, in which order, and"
                + " how the images of each series are ordered."), upload, seriesResult);
    }

    private void seriesUploaded(String name, UploadResult o) {
        seriesResult.removeAll();
        if (!o.created()) {
            var list = new UnorderedList();
            list.setId("new-case-series-problems");
            o.refused().forEach(p -> list.add(new ListItem(p.toString())));
            seriesResult.add(new Paragraph(name + " was not imported; nothing was stored. Fix these and upload again:"), list);
            return;
        }
        getUI().ifPresent(ui -> ui.navigate(StackOrderView.class, new RouteParameters("draftId", Long.toString(o.draft().id()))));
    }

    private Div fromGenerator() {
        var initial = SyntheticCaseForm.defaults();
        kind.setId("new-case-kind");
        kind.setItems("ct", "radiograph");
        kind.setItemLabelGenerator(k -> k.equals("ct") ? "Chest CT (64 axial slices of 256 × 256 pixels)" : "Chest radiograph (PA, 512 × 512 pixels)");
        kind.setHelperText("The phantom: a chest with lungs, vessels and ribs; lesions are placed at random inside the lungs.");
        kind.setValue(initial.kind());
        fields.put(Field.KIND, kind);
        density.setId("new-case-density");
        density.setItems("solid", "part-solid", "ground-glass");
        density.setItemLabelGenerator(d -> switch (d) {
            case "part-solid" -> "Part-solid (ground-glass halo, solid core)";
            case "ground-glass" -> "Ground-glass (hazy)";
            default -> "Solid";
        });
        density.setValue(initial.density());
        fields.put(Field.DENSITY, density);
        lesions.setValue(initial.lesions());
        sizes.setValue(initial.sizes());
        contrast.setValue(initial.contrast());
        noise.setValue(initial.noise());
        sensitivity.setValue(initial.sensitivity());
        falseMarks.setValue(initial.falseMarks());
        calibration.setValue(initial.calibration());
        kind.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                noise.setValue(SyntheticCaseForm.defaultNoise(e.getValue()));
            }
            showKind(e.getValue());
        });
        showKind(initial.kind());
        syntheticResult.setId("new-case-synthetic-result");
        syntheticResult.getElement().setAttribute("role", "alert");
        var generate = new Button("Generate");
        generate.addClickListener(e -> {
            try {
                generate();
            } finally {
                generate.setEnabled(true);
            }
        });
        generate.setId("new-case-generate");
        generate.addThemeVariants(ButtonVariant.PRIMARY);
        generate.setDisableOnClick(true); // generating a CT takes seconds: one click, one case
        var form = new Div(kind, lesions, sizes, density, contrast, noise, new H3("Simulated AI"), sensitivity, falseMarks, calibration);
        form.addClassName("form-column");
        form.getStyle().set("display", "flex").set("flex-direction", "column").set("max-width", "40rem");
        return section("new-case-synthetic", new H3("From the synthetic generator"), new Paragraph("A generated case: no patient, and the truth"
                + " is exact — the generator's own lesions. It is tagged synthetic. The images are made from a secret random number that is"
                + " used once and kept nowhere, so nobody can regenerate them without the lesions."), form, generate, syntheticResult);
    }

    private void showKind(String k) {
        boolean ct = !"radiograph".equals(k);
        density.setVisible(ct);
        contrast.setVisible(!ct);
        noise.setLabel(ct ? "Image noise (HU)" : "Image noise (% of the signal range)");
        noise.setHelperText(ct ? "Standard deviation in Hounsfield units, 0 to 60; 18 is a standard dose" : "0 to 5; 1.2 is typical");
        sizes.setHelperText(ct ? "Diameter in mm, 4 to 30 (over 30 mm is a mass); one for every lesion, or one for all, separated by commas"
                : "Diameter in mm, 6 to 40 (over 30 mm is a mass); one for every lesion, or one for all, separated by commas");
    }

    private void generate() {
        syntheticResult.removeAll();
        fields.values().forEach(f -> f.setInvalid(false));
        var form = new SyntheticCaseForm(kind.getValue(), lesions.getValue(), sizes.getValue(), density.getValue(), contrast.getValue(),
                noise.getValue(), sensitivity.getValue(), falseMarks.getValue(), calibration.getValue());
        try {
            var d = authoring.generateSynthetic(form);
            getUI().ifPresent(ui -> ui.navigate(DraftView.class, new RouteParameters("draftId", Long.toString(d.id()))));
        } catch (DraftRefused e) {
            showProblems(e.getMessage(), e.problems());
        }
    }

    private void showProblems(String message, List<DraftProblem> problems) {
        var list = new UnorderedList();
        list.setId("new-case-synthetic-problems");
        for (DraftProblem p : problems) {
            list.add(new ListItem(p.toString()));
            try {
                var f = fields.get(Field.valueOf(p.field()));
                if (f != null) {
                    f.setErrorMessage(p.message());
                    f.setInvalid(true);
                }
            } catch (IllegalArgumentException notAField) {
                // a problem of the whole form: the list says it
            }
        }
        syntheticResult.add(new Paragraph(message));
        if (!problems.isEmpty()) {
            syntheticResult.add(list);
        }
    }

    private TextField field(Field f, String id) {
        var t = new TextField(f.label);
        t.setId(id);
        t.setHelperText(f.expected.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + f.expected.substring(1));
        t.getElement().setAttribute("inputmode", "decimal");
        fields.put(f, t);
        return t;
    }

    private static Div section(String id, com.vaadin.flow.component.Component... children) {
        var d = new Div(children);
        d.setId(id);
        d.addClassName("panel-section");
        return d;
    }
}
