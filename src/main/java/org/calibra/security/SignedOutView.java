package org.calibra.security;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** Where Keycloak sends the browser back after ending its session (RP-initiated logout). */
@Route(value = "signed-out", autoLayout = false)
@PageTitle("Signed out — Calibra")
@AnonymousAllowed
class SignedOutView extends VerticalLayout {

    SignedOutView() {
        setId("signed-out-view");
        setSizeFull();
        getElement().setAttribute("role", "main"); // no MainLayout here: the page itself is the main landmark
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        var again = new Anchor("/", "Sign in again");
        again.setRouterIgnore(true);
        again.setId("sign-in-again");
        add(new H1("Calibra"), new Paragraph("You are signed out of Calibra and of your institution's sign-in service."), again);
    }
}
