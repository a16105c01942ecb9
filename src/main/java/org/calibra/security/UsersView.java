package org.calibra.security;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.select.SelectVariant;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.function.Supplier;
import org.calibra.institution.InstitutionInfo;
import org.calibra.institution.InstitutionService;
import org.calibra.security.accounts.LinkDialog;
import org.calibra.security.accounts.NewUserDialog;
import org.calibra.security.accounts.UserFilter;

/**
 * Admins manage every institution's accounts: search, sort and filter them; create local users with a password or an
 * invitation link; issue a password-reset link, unlock, disable or enable; change role and institution. Each change is
 * confirmed in a dialog naming the person, audited, and reported. Keycloak accounts are managed in Keycloak.
 */
@Route("users")
@PageTitle("Users — Calibra")
@Menu(order = 9, title = "Users", icon = "vaadin:users")
@RolesAllowed(Role.ADMIN_NAME)
class UsersView extends VerticalLayout {

    private static final String MANAGED_ELSEWHERE = "Managed in your identity provider";

    private final Grid<AccountOverview> grid = new Grid<>();
    private final Span count = new Span();
    private final AccountAdministration admin;
    private final UserService users;
    private final InstitutionService institutions;
    private final long adminId;
    private ListDataProvider<AccountOverview> rows;
    private UserFilter filter = UserFilter.NONE;

    UsersView(AccountAdministration admin, UserService users, CurrentUser currentUser, InstitutionService institutions) {
        this.admin = admin;
        this.users = users;
        this.institutions = institutions;
        this.adminId = currentUser.require().id();
        setId("users-view");
        addClassName("page");
        setSizeFull();

        var newUser = new Button("New user…", e -> new NewUserDialog(admin, institutions, adminId, made -> refresh()).open());
        newUser.setId("new-user");
        newUser.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var heading = new HorizontalLayout(new H1("Users"), newUser);
        heading.setAlignItems(FlexComponent.Alignment.BASELINE);
        heading.setWidthFull();
        heading.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);

        grid.setId("users");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        // name and username share a column (username on a quieter second line), so the table fits 1280 px without scrolling
        grid.addComponentColumn(UsersView::nameCell).setHeader("Name and username")
                .setComparator(Comparator.comparing(AccountOverview::displayName, String.CASE_INSENSITIVE_ORDER)).setFlexGrow(2);
        grid.addComponentColumn(this::roleCell).setHeader("Role").setComparator(Comparator.comparing(u -> u.role().displayName())).setWidth("9.5rem")
                .setFlexGrow(0);
        // wide enough for "Calibra Demo Institution" in the closed (small) select; longer names show whole in its menu and tooltip
        grid.addComponentColumn(this::institutionCell).setHeader("Institution").setComparator(AccountOverview::institution).setWidth("16.5rem").setFlexGrow(0);
        grid.addColumn(AccountOverview::statusWords).setHeader("Status").setSortable(true).setFlexGrow(1);
        grid.addColumn(AccountOverview::lastSignInWords).setHeader("Last sign-in").setSortable(true)
                .setComparator(Comparator.comparing(AccountOverview::lastSignInAt, Comparator.nullsFirst(Comparator.naturalOrder()))).setFlexGrow(1);
        // wide enough for "Reset password…" on one line: an action's name is never cut
        grid.addComponentColumn(this::actions).setHeader("Actions").setWidth("11rem").setFlexGrow(0);
        grid.setWidthFull();

        add(heading, new Paragraph("Every institution's accounts. Local accounts are managed here; accounts that sign in through Keycloak "
                + "take their name, role, institution and password from it. Calibra sends no e-mail: invitation and password reset links "
                + "are shown to you to copy and hand over."), filters(), count, grid);
        refresh();
    }

    private HorizontalLayout filters() {
        var search = new TextField("Search");
        search.setId("user-search");
        search.setPlaceholder("Name or username");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> apply(filter.withText(e.getValue())));
        var role = new Select<Role>();
        role.setLabel("Role");
        role.setId("user-role-filter");
        role.setEmptySelectionAllowed(true);
        role.setEmptySelectionCaption("All roles");
        role.setItems(Role.values());
        role.setItemLabelGenerator(r -> r == null ? "All roles" : r.displayName());
        role.addValueChangeListener(e -> apply(filter.withRole(e.getValue())));
        var institution = new Select<InstitutionInfo>();
        institution.setLabel("Institution");
        institution.setId("user-institution-filter");
        institution.setEmptySelectionAllowed(true);
        institution.setEmptySelectionCaption("All institutions");
        institution.setItems(institutions.list());
        institution.setItemLabelGenerator(i -> i == null ? "All institutions" : i.name());
        institution.addValueChangeListener(e -> apply(filter.withInstitution(e.getValue() == null ? null : e.getValue().id())));
        var status = new Select<AccountOverview.Status>();
        status.setLabel("Status");
        status.setId("user-status-filter");
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption("Any status");
        status.setItems(AccountOverview.Status.values());
        status.setItemLabelGenerator(s -> s == null ? "Any status" : UserFilter.words(s));
        status.addValueChangeListener(e -> apply(filter.withStatus(e.getValue())));
        var bar = new HorizontalLayout(search, role, institution, status);
        bar.setWrap(true);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        return bar;
    }

    private void apply(UserFilter f) {
        filter = f;
        rows.setFilter(filter::test);
        showCount();
    }

    private void showCount() {
        long shown = rows.getItems().stream().filter(filter).count();
        count.setText(shown == rows.getItems().size() ? rows.getItems().size() + " users" : shown + " of " + rows.getItems().size() + " users");
        count.setId("user-count");
    }

    private void refresh() {
        rows = new ListDataProvider<>(new ArrayList<>(admin.overview()));
        rows.setFilter(filter::test);
        grid.setItems(rows);
        showCount();
    }

    private static Component nameCell(AccountOverview u) {
        // a plain div with two block lines: a layout component per row would cost a flex container in every cell
        var name = new Div(u.displayName());
        var username = new Div(u.username());
        username.getStyle().set("font-size", "var(--lumo-font-size-s)");
        return new Div(name, username);
    }

    private Component roleCell(AccountOverview u) {
        if (u.id() == adminId || u.managedByIdentityProvider() || u.status() == AccountOverview.Status.ERASED) {
            return new Span(u.role().displayName() + (u.id() == adminId ? " (you)" : ""));
        }
        var role = new Select<Role>();
        role.setItems(Role.values());
        role.setItemLabelGenerator(Role::displayName);
        role.setValue(u.role());
        role.setId("role-" + u.username());
        role.setAriaLabel("Role of " + u.displayName());
        role.setWidthFull();
        role.addThemeVariants(SelectVariant.LUMO_SMALL); // the row's text size: a role's name fits its column
        role.addValueChangeListener(e -> {
            if (!e.isFromClient() || e.getValue() == null || e.getValue() == e.getOldValue()) {
                return;
            }
            confirm("Make " + u.who() + " " + article(e.getValue()) + "?", "They will be able to do what " + e.getValue().displayName().toLowerCase()
                    + "s do, from their next page, and no longer what " + u.role().displayName().toLowerCase() + "s do.", "Change role",
                    () -> users.changeRole(u.id(), e.getValue(), adminId), u.who() + " is now " + article(e.getValue()) + ".", false);
        });
        return role;
    }

    private Component institutionCell(AccountOverview u) {
        if (u.managedByIdentityProvider() || u.status() == AccountOverview.Status.ERASED) {
            return new Span(u.institution());
        }
        var institution = new Select<InstitutionInfo>();
        var all = institutions.list();
        institution.setItems(all);
        institution.setItemLabelGenerator(InstitutionInfo::name);
        all.stream().filter(i -> i.id() == u.institutionId()).findFirst().ifPresent(institution::setValue);
        institution.setId("institution-" + u.username());
        institution.setAriaLabel("Institution of " + u.displayName());
        institution.setWidthFull();
        institution.addThemeVariants(SelectVariant.LUMO_SMALL);
        // the menu is as wide as its longest name (not the column), so no institution is cut where the admin chooses one
        institution.getStyle().set("--vaadin-select-overlay-width", "max-content");
        institution.setTooltipText(institution.getValue() == null ? null : institution.getValue().name());
        institution.addValueChangeListener(e -> {
            if (!e.isFromClient() || e.getValue() == null || e.getOldValue() != null && e.getValue().id() == e.getOldValue().id()) {
                return;
            }
            confirm("Move " + u.who() + " to " + e.getValue().name() + "?", "Their educators will then be those of " + e.getValue().name()
                            + ", and they will see that institution's programmes.", "Move",
                    () -> users.changeInstitution(u.id(), e.getValue().id(), adminId), u.who() + " now belongs to " + e.getValue().name() + ".", false);
        });
        return institution;
    }

    private Component actions(AccountOverview u) {
        var cell = new HorizontalLayout();
        cell.setSpacing(true);
        cell.setWrap(true);
        if (u.managedByIdentityProvider()) {
            cell.add(new Span(MANAGED_ELSEWHERE));
            return cell;
        }
        if (u.status() == AccountOverview.Status.ERASED) {
            return cell;
        }
        if (u.status() == AccountOverview.Status.LOCKED) {
            cell.add(small("Unlock…", "unlock-" + u.username(), () -> confirm("Unlock " + u.who() + "?",
                    "They can sign in again at once; their count of failed sign-ins starts again.", "Unlock",
                    () -> admin.unlock(u.id(), adminId), u.who() + " is unlocked and can sign in.", false)));
        }
        if (u.status() != AccountOverview.Status.DISABLED) {
            boolean invited = u.status() == AccountOverview.Status.INVITED;
            cell.add(small(invited ? "New invitation link…" : "Reset password…", "reset-" + u.username(), () -> confirmLink(u, invited)));
        }
        if (u.id() == adminId) {
            var self = new Span("Your own account: another administrator disables it");
            self.setId("self-" + u.username());
            cell.add(self);
        } else if (u.status() == AccountOverview.Status.DISABLED) {
            cell.add(small("Enable…", "enable-" + u.username(), () -> confirm("Enable " + u.who() + "?",
                    "They can sign in again with their password.", "Enable", () -> admin.enable(u.id(), adminId), u.who() + " can sign in again.", false)));
        } else {
            cell.add(small("Disable…", "disable-" + u.username(), () -> confirm("Disable " + u.who() + "?",
                    "They can no longer sign in, and a session they have open ends at their next page. Their reads, scores and certificates "
                            + "are kept. You can enable the account again later.", "Disable",
                    () -> admin.disable(u.id(), adminId), u.who() + " is disabled and can no longer sign in.", true)));
        }
        return cell;
    }

    private void confirmLink(AccountOverview u, boolean invited) {
        ask(invited ? "New invitation link for " + u.who() + "?" : "Reset the password of " + u.who() + "?",
                (invited ? "The earlier invitation link stops working. " : "You get a one-time link, valid for " + admin.linkValidity().toHours()
                        + " hours, by which they choose a new password; any earlier link stops working. ")
                        + "Calibra sends no e-mail: you copy the link and give it to them.", "Create link", false, () -> {
                    try {
                        var issued = admin.issueResetLink(u.id(), adminId);
                        Notification.show("Link created for " + u.who() + ".").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                        new LinkDialog(issued, invited).open();
                    } catch (IllegalArgumentException refused) {
                        Notification.show(refused.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
                    }
                    refresh();
                });
    }

    /** Asks, naming the person; on yes makes the change and reports it; on no (or a refusal) the list shows the truth again. */
    private void confirm(String header, String text, String yes, Supplier<?> change, String done, boolean destructive) {
        ask(header, text, yes, destructive, () -> {
            try {
                change.get();
                Notification.show(done).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (IllegalArgumentException refused) {
                Notification.show(refused.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
            refresh();
        });
    }

    /** A confirmation whose Cancel is the default focus (a stray Enter changes nothing). */
    private void ask(String header, String text, String yes, boolean destructive, Runnable onYes) {
        var dialog = new ConfirmDialog();
        dialog.setHeader(header);
        dialog.setText(text);
        dialog.setId("confirm-dialog");
        var yesButton = new Button(yes, e -> {
            dialog.close();
            onYes.run();
        });
        yesButton.setId("confirm-yes");
        yesButton.addThemeVariants(destructive ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button("Cancel", e -> {
            dialog.close();
            refresh();
        });
        cancel.setId("confirm-cancel");
        cancel.setAutofocus(true);
        dialog.setConfirmButton(yesButton);
        dialog.setCancelButton(cancel);
        dialog.setCancelable(true);
        dialog.addCancelListener(e -> refresh()); // Esc
        dialog.open();
    }

    private static Button small(String text, String id, Runnable action) {
        var b = new Button(text, e -> action.run());
        b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        b.setId(id);
        return b;
    }

    private static String article(Role role) {
        String words = role.displayName().toLowerCase();
        return ("aeiou".indexOf(words.charAt(0)) >= 0 ? "an " : "a ") + words;
    }
}
