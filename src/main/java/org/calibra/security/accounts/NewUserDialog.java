package org.calibra.security.accounts;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Consumer;
import org.calibra.institution.InstitutionInfo;
import org.calibra.institution.InstitutionService;
import org.calibra.security.AccountAdministration;
import org.calibra.security.AccountInputException;
import org.calibra.security.AccountOverview;
import org.calibra.security.PasswordPolicy;
import org.calibra.security.Role;

/** The admin's form for a new local account: who, what they do, where, and how they get their first password. */
public final class NewUserDialog extends Dialog {

    private static final String INVITE = "Invitation link: they choose their own password";
    private static final String PASSWORD = "Initial password: I set it and tell them";

    public NewUserDialog(AccountAdministration admin, InstitutionService institutions, long adminId, Consumer<AccountOverview> created) {
        setHeaderTitle("New user");
        var username = new TextField("Username");
        username.setId("new-username");
        username.setHelperText("What they sign in with: letters, digits, dots, dashes, underscores or @.");
        var name = new TextField("Name");
        name.setId("new-display-name");
        name.setHelperText("As others see it, e.g. Dr. Rosa Resident.");
        var role = new Select<Role>();
        role.setLabel("Role");
        role.setId("new-role");
        role.setItems(Role.values());
        role.setItemLabelGenerator(Role::displayName);
        role.setValue(Role.RESIDENT);
        var institution = new Select<InstitutionInfo>();
        institution.setLabel("Institution");
        institution.setId("new-institution");
        institution.setItems(institutions.list());
        institution.setItemLabelGenerator(InstitutionInfo::name);
        institution.setValue(institutions.defaultInstitution());
        var how = new RadioButtonGroup<String>("How they get their password");
        how.setId("new-how");
        how.setItems(INVITE, PASSWORD);
        how.setValue(INVITE);
        var password = new PasswordField("Initial password");
        password.setId("new-password");
        password.setHelperText(PasswordPolicy.DESCRIPTION);
        password.setVisible(false);
        how.addValueChangeListener(e -> password.setVisible(PASSWORD.equals(e.getValue())));
        var problems = new Paragraph();
        problems.setId("new-user-problems");
        problems.addClassName("form-problems");
        var form = new FormLayout(username, name, role, institution, how, password);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        form.setColspan(how, 2);
        add(new Paragraph("An invitation is a one-time link, valid for " + admin.linkValidity().toHours()
                + " hours, that you copy and give to the person yourself: Calibra sends no e-mail."), form, problems);

        var create = new Button("Create user", e -> {
            var account = new AccountAdministration.NewAccount(username.getValue(), name.getValue(), role.getValue(),
                    institution.getValue() == null ? null : institution.getValue().id());
            try {
                if (INVITE.equals(how.getValue())) {
                    var issued = admin.invite(account, adminId);
                    close();
                    created.accept(issued.account());
                    Notification.show("Created " + issued.account().who() + ". Copy the invitation link and give it to them.")
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    new LinkDialog(issued, true).open();
                } else {
                    var made = admin.createWithPassword(account, password.getValue(), adminId);
                    close();
                    created.accept(made);
                    Notification.show("Created " + made.who() + " with the password you set.").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                }
            } catch (AccountInputException refused) {
                problems.setText(refused.getMessage());
                username.setInvalid(refused.problems().stream().anyMatch(p -> p.startsWith("Username")));
                name.setInvalid(refused.problems().stream().anyMatch(p -> p.startsWith("Name")));
                password.setInvalid(refused.problems().stream().anyMatch(p -> p.startsWith("Password")));
            }
        });
        create.setId("create-user");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button("Cancel", e -> close());
        getFooter().add(cancel, create);
        setWidth("min(44rem, 95vw)");
    }
}
