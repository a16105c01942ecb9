package org.calibra.shell;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import org.calibra.security.CurrentUser;
import org.calibra.shared.web.DatabaseOutage;

/**
 * The application frame. The menu is built from the views' {@code @Menu} annotations, filtered by
 * what the signed-in user may open, so views never register themselves here. Every view is shown
 * inside one {@code <main>} landmark, so assistive technology can jump past the header and menu to it
 * (docs/accessibility.md: the view itself brings the page's one {@code h1}).
 */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout {

    private final Main main = new Main();

    public MainLayout(CurrentUser currentUser) {
        var brand = new Span("Calibra");
        brand.addClassName("brand");
        var header = new HorizontalLayout(new DrawerToggle(), brand);
        header.setAlignItems(HorizontalLayout.Alignment.CENTER);
        header.setWidthFull();
        header.addClassName("app-header");
        try {
            currentUser.get().ifPresentOrElse(user -> {
                var who = new Span(user.displayName() + " · " + user.role().displayName());
                who.setId("current-user");
                who.addClassName("who");
                var logout = new Button("Sign out", new Icon(VaadinIcon.SIGN_OUT), e -> currentUser.logout());
                logout.setId("logout");
                logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                var right = new Div(who, logout);
                right.addClassName("header-right");
                header.add(right);
            }, () -> {
                var signIn = new Button("Sign in", e -> e.getSource().getUI().ifPresent(ui -> ui.navigate("login")));
                signIn.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                var right = new Div(signIn);
                right.addClassName("header-right");
                header.add(right);
            });
        } catch (RuntimeException e) {
            if (!DatabaseOutage.causedBy(e)) {
                throw e;
            }
            // the database is away for a moment: the frame without who is signed in, around the page that says so (ErrorView)
        }
        addToNavbar(header);
        addToDrawer(menu());
        setPrimarySection(Section.DRAWER);
        main.setId("main-content");
        main.addClassName("app-main");
        setContent(main);
    }

    @Override
    public void showRouterLayoutContent(HasElement content) {
        main.getElement().removeAllChildren();
        if (content != null) {
            main.getElement().appendChild(content.getElement());
        }
    }

    @Override
    public void removeRouterLayoutContent(HasElement oldContent) {
        main.getElement().removeAllChildren();
    }

    private static SideNav menu() {
        var nav = new SideNav();
        nav.setId("main-menu");
        MenuConfiguration.getMenuEntries().forEach(entry -> {
            var item = new SideNavItem(entry.title(), entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            nav.addItem(item);
        });
        return nav;
    }
}
