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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Any unexpected failure while showing a view: words and a reference for the log, never a stack trace. */
@PageTitle("Something went wrong — Calibra")
@AnonymousAllowed
@ParentLayout(MainLayout.class)
public class ErrorView extends VerticalLayout implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(ErrorView.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
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
}
