package org.calibra.audit.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.calibra.audit.PersonalDataService;

/** Anyone signed in downloads what Calibra holds about them (docs/security.md, "Personal data"). */
@Route("my-data")
@PageTitle("My data — Calibra")
@Menu(order = 20, title = "My data", icon = "vaadin:download")
@PermitAll
class MyDataView extends VerticalLayout {

    MyDataView(PersonalDataService personalData) {
        setId("my-data-view");
        addClassName("page");
        var download = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] json = personalData.exportMine().getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(json), "calibra-my-data.json", "application/json", json.length);
        }), "Download my data (JSON)");
        download.setId("download-my-data");
        download.getElement().setAttribute("download", true);
        add(new H1("My data"), new Paragraph("Your account, module attempts, reads and their marks, scores, certificates and the audit "
                + "entries about you, in one JSON file. The score of a first read (AI as second reader) is "
                + "added once you submit the final read of that case. Downloading it is recorded in the audit trail."), download);
    }
}
