package org.calibra.bench.load;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A resident doing what a person does on the reading pages, through Vaadin's request protocol only: signs in, opens the
 * module page, presses Start, and for each case loads its images over DICOMweb (the series metadata and every frame
 * the viewer was given), places a finding as the viewer's web component reports it ({@code mark-placed}), answers the
 * assessment and presses Submit; then Next case on the feedback page. The Submit round trip (the server checks, stores
 * and scores the read and navigates to the feedback) is what {@link Timings} records.
 */
final class SimulatedResident {

    /** What one resident measured; shared by all residents of a stage (thread-safe). */
    interface Timings {
        void submitted(long nanos);

        void imagesLoaded(long bytes, long nanos);
    }

    private static final String FRAME = "multipart/related; type=application/octet-stream; transfer-syntax=*";
    private static final String METADATA = "application/dicom+json";

    private final FlowClient browser;
    private final String username;
    private final long moduleId;
    private final Duration think;
    private final Timings timings;

    SimulatedResident(FlowClient browser, String username, long moduleId, Duration think, Timings timings) {
        this.think = think;
        this.browser = browser;
        this.username = username;
        this.moduleId = moduleId;
        this.timings = timings;
    }

    /** Reads up to {@code reads} cases of the module (fewer when the module has no next case); returns how many were submitted. */
    int read(int reads, java.util.function.BooleanSupplier goOn) throws IOException, InterruptedException {
        browser.signIn(username, username);
        FlowUi ui = browser.open("modules/" + moduleId);
        ui.click(ui.require("start-module"));
        int submitted = 0;
        while (submitted < reads && goOn.getAsBoolean()) {
            readCase(ui);
            submitted++;
            Optional<FlowUi.Node> next = ui.byId("next-case");
            if (next.isEmpty() || submitted == reads) {
                break;
            }
            pause();
            ui.click(next.get());
        }
        return submitted;
    }

    private void readCase(FlowUi ui) throws IOException, InterruptedException {
        FlowUi.Node viewer = ui.require("viewer");
        loadImages(viewer);
        pause();
        ui.event(viewer, "mark-placed", Map.of("event.detail.imageIndex", 0, "event.detail.x", 40.5, "event.detail.y", 52.25,
                "event.detail.shape", "point", "event.detail.width", 0, "event.detail.height", 0));
        pause();
        choose(ui, "assessment", "Normal");
        pause();
        choose(ui, "overall-confidence", "4");
        pause();
        long start = System.nanoTime();
        JsonNode response = ui.click(ui.require("submit-read"));
        long took = System.nanoTime() - start;
        if (ui.byId("feedback-view").isEmpty()) {
            throw new IllegalStateException(username + ": Submit did not lead to the feedback page; the response: "
                    + FlowClient.abbreviate(response.toString()));
        }
        timings.submitted(took);
    }

    /** A person looks, thinks and moves the mouse between actions (a virtual thread parks meanwhile). */
    private void pause() throws InterruptedException {
        if (!think.isZero()) {
            Thread.sleep(think);
        }
    }

    /** What the viewer fetches for the case: each series' metadata once, then every frame over WADO-RS. */
    private void loadImages(FlowUi.Node viewer) throws IOException, InterruptedException {
        String images = viewer.property("images").orElseThrow(() -> new IllegalStateException(username + ": the viewer got no images"));
        long start = System.nanoTime();
        long bytes = 0;
        var metadata = new LinkedHashSet<String>();
        List<JsonNode> stack = FlowClient.JSON.readTree(images).valueStream().toList();
        for (JsonNode image : stack) {
            if (!image.path("metadata").asString("").isEmpty()) {
                metadata.add(image.path("metadata").asString());
            }
        }
        for (String m : metadata) {
            bytes += browser.download(m, METADATA);
        }
        for (JsonNode image : stack) {
            String frame = image.path("wadoRs").asString("");
            bytes += frame.isEmpty() ? browser.download(image.path("url").asString(), "application/dicom") : browser.download(frame, FRAME);
        }
        timings.imagesLoaded(bytes, System.nanoTime() - start);
    }

    /** Picks the radio button labelled {@code label} in group {@code groupId}: the group's value becomes that button's value. */
    private void choose(FlowUi ui, String groupId, String label) throws IOException, InterruptedException {
        FlowUi.Node group = ui.require(groupId);
        for (FlowUi.Node button : ui.descendants(group)) {
            if (button.tag().equals("vaadin-radio-button") && label.equals(labelOf(ui, button))) {
                String value = button.property("value").orElseThrow(() -> new IllegalStateException(groupId + ": radio button '" + label
                        + "' has no value"));
                ui.sync(group, "value", value);
                return;
            }
        }
        throw new IllegalStateException(username + ": no radio button '" + label + "' in '" + groupId + "':\n" + ui.dump());
    }

    private static String labelOf(FlowUi ui, FlowUi.Node button) {
        return button.property("label").orElseGet(() -> ui.text(button)).strip();
    }
}
