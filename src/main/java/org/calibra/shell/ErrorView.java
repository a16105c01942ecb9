package org.calibra.shell;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.calibra.shared.web.DatabaseOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Any unexpected failure while showing a view: words and a reference for the log, never a stack trace. When the database
 * cannot be reached, a 503 that says so and to try again ({@link DatabaseOutage}).
 */
@PageTitle("Something went wrong — Calibra")
@AnonymousAllowed
@ParentLayout(MainLayout.class)
public class ErrorView extends VerticalLayout implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(ErrorView.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        if (DatabaseOutage.causedBy(parameter.getCaughtException())) {
            return databaseOutage(event, parameter.getCaughtException());
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("Error {} while showing {}", reference, event.getLocation().getPath(), parameter.getCaughtException());
        removeAll();
        addClassName("page");
        setId("error-view");
        add(new H1("Something went wrong"),
                new Paragraph("Calibra could not show this page. If you were submitting a read, open the module to see whether it was saved. "
                        + "If it happens again, tell your administrator the reference " + reference + "."),
                new Anchor("", "Back to the start page"));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }

    /** Not a fault of the page: the database is away for a moment (a restart, a failover); say so and that it is worth retrying. */
    private int databaseOutage(BeforeEnterEvent event, Exception failure) {
        log.warn("Database not reachable while showing {}: {}", event.getLocation().getPath(), DatabaseOutage.rootMessage(failure));
        removeAll();
        addClassName("page");
        setId("database-outage-view");
        add(new H1(DatabaseOutage.TITLE), new Paragraph(DatabaseOutage.WORDS),
                new Anchor(event.getLocation().getPathWithQueryParameters(), "Try this page again"));
        return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
    }
}
