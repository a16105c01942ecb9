package org.calibra.certification.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.calibra.certification.CertificateService;
import org.calibra.security.Role;
import org.calibra.shared.Routes;

@Route(Routes.CERTIFICATES)
@PageTitle("My certificates — Calibra")
@Menu(order = 2, title = "My certificates", icon = "vaadin:diploma")
@RolesAllowed(Role.RESIDENT_NAME)
class MyCertificatesView extends VerticalLayout {

    MyCertificatesView(CertificateService certificates) {
        setId("certificates-view");
        addClassName("page");
        add(new H2("My certificates"));
        var mine = certificates.mine();
        if (mine.isEmpty()) {
            var empty = new Paragraph("No certificates yet. Pass every module of a curriculum to earn its certificate.");
            empty.addClassName("empty-state");
            empty.setId("certificates-empty");
            add(empty);
        }
        mine.forEach(c -> {
            var link = new Anchor(Routes.verify(c.publicId()), "Public verification page (share this link)");
            link.setId("verify-link");
            add(new CertificateCard(c), link);
        });
    }
}
