package org.calibra.security.accounts;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.calibra.security.AccountAdministration;
import org.calibra.security.AccountInputException;
import org.calibra.security.PasswordPolicy;

/**
 * Where the person an admin invited (or sent a reset link) chooses a password. Public: the link's one-time token is the
 * proof. Only the token's hash is stored; the link works once and until it expires, and says so in words otherwise.
 */
@Route(value = "invite", autoLayout = false)
@PageTitle("Set your password — Calibra")
@AnonymousAllowed
class InviteView extends VerticalLayout implements HasUrlParameter<String> {

    private final AccountAdministration admin;

    InviteView(AccountAdministration admin) {
        this.admin = admin;
        setId("invite-view");
        addClassName("login-view");
        setAlignItems(Alignment.CENTER);
        setMaxWidth("36rem");
        getStyle().set("margin", "0 auto");
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String token) {
        removeAll();
        var check = admin.checkLink(token);
        if (!check.usable()) {
            var problem = new Paragraph(check.problem());
            problem.setId("link-problem");
            add(new H1("This link does not work"), problem, signIn());
            return;
        }
        var password = new PasswordField("New password");
        password.setId("invite-password");
        password.setHelperText(PasswordPolicy.DESCRIPTION);
        password.setWidthFull();
        var repeat = new PasswordField("Repeat the new password");
        repeat.setId("invite-password-repeat");
        repeat.setWidthFull();
        var set = new Button("Set password", e -> {
            repeat.setInvalid(false);
            password.setInvalid(false);
            if (!password.getValue().equals(repeat.getValue())) {
                repeat.setErrorMessage("The two passwords differ; type the same one twice.");
                repeat.setInvalid(true);
                return;
            }
            try {
                String username = admin.setPassword(token, password.getValue());
                removeAll();
                var done = new Paragraph("Your password is set. Sign in as " + username + " with it.");
                done.setId("password-set");
                add(new H1("Password set"), done, signIn());
            } catch (AccountInputException refused) {
                password.setErrorMessage(refused.getMessage());
                password.setInvalid(true);
            } catch (IllegalArgumentException refused) {
                removeAll();
                var problem = new Paragraph(refused.getMessage());
                problem.setId("link-problem");
                add(new H1("This link does not work"), problem, signIn());
            }
        });
        set.setId("set-password");
        set.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H1(check.invitation() ? "Welcome to Calibra" : "Set a new password"),
                new Paragraph((check.invitation() ? "Choose the password for your account, " : "Choose a new password for your account, ")
                        + check.displayName() + " (username " + check.username() + "). This link works once."),
                password, repeat, set);
    }

    private static Anchor signIn() {
        var a = new Anchor("login", "Go to sign in");
        a.setId("go-to-sign-in");
        return a;
    }
}
