package org.calibra.security;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.calibra.shared.web.DatabaseOutage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;

/** Local sign-in. With Keycloak on, it hands the browser over to Keycloak's login page. */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in — Calibra")
@AnonymousAllowed
class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm login = new LoginForm();
    private final boolean keycloak;
    private final LoginAttempts attempts;

    LoginView(@Value("${calibra.keycloak.enabled:false}") boolean keycloak, LoginAttempts attempts) {
        this.keycloak = keycloak;
        this.attempts = attempts;
        addClassName("login-view");
        setSizeFull();
        getElement().setAttribute("role", "main"); // no MainLayout here: the page itself is the main landmark
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        login.setId("login-form");
        var brand = new Div(new H1("Calibra"), new Paragraph("Learn to read images with AI — and prove it."));
        brand.addClassName("login-brand");
        add(brand, login);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (keycloak) {
            event.getUI().getPage().setLocation(KeycloakLogin.LOGIN_PATH);
            return;
        }
        boolean error = event.getLocation().getQueryParameters().getParameters().containsKey("error");
        if (error) {
            login.setI18n(i18nFor(lastFailure()));
        }
        login.setError(error);
    }

    /** Spring Security keeps the last sign-in failure in the session when it redirects to /login?error. */
    private static Object lastFailure() {
        var request = VaadinServletRequest.getCurrent();
        var session = request == null ? null : request.getHttpServletRequest().getSession(false);
        return session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    }

    private LoginI18n i18nFor(Object failure) {
        LoginI18n i18n = LoginI18n.createDefault();
        var message = i18n.getErrorMessage();
        if (failure instanceof LockedException) {
            message.setTitle("Account locked");
            message.setMessage("This account is locked for %d minutes after %d failed sign-ins in a row. Try again later, or ask an administrator."
                    .formatted(attempts.lockDuration().toMinutes(), attempts.maxFailures()));
        } else if (failure instanceof Throwable t && DatabaseOutage.causedBy(t)) {
            // the password was never checked: not "incorrect", and no failed attempt counted
            message.setTitle("Sign-in is not possible just now");
            message.setMessage("The database is not reachable at the moment. Try again in a minute.");
        } else if (failure instanceof DisabledException) {
            message.setTitle("Account disabled");
            message.setMessage("This account is disabled. Ask an administrator.");
        } else {
            message.setTitle("Incorrect username or password");
            message.setMessage("Check them and try again. After %d failed sign-ins in a row the account is locked for %d minutes."
                    .formatted(attempts.maxFailures(), attempts.lockDuration().toMinutes()));
        }
        i18n.setErrorMessage(message);
        return i18n;
    }
}
