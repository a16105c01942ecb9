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
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.calibra.shared.web.TooManyRequestsException;

/** A page refused by a rate limit (e.g. certificate lookups): the limit and when to try again, in words. */
@PageTitle("Too many requests — Calibra")
@AnonymousAllowed
@ParentLayout(MainLayout.class)
public class TooManyRequestsView extends VerticalLayout implements HasErrorParameter<TooManyRequestsException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<TooManyRequestsException> parameter) {
        removeAll();
        addClassName("page");
        setId("too-many-requests-view");
        add(new H1("Too many requests"), new Paragraph(parameter.hasCustomMessage() ? parameter.getCustomMessage()
                : "Too many requests came from your address in a short time. Wait a little and try again."), new Anchor("", "Back to the start page"));
        // Vaadin accepts only the status codes it knows, and 429 is not one of them. The page load itself is answered with
        // a real 429 and Retry-After before Vaadin runs (certification.web); this view is for navigations inside the app.
        return HttpStatusCode.SERVICE_UNAVAILABLE.getCode();
    }
}
