package org.calibra.certification.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.calibra.certification.CertificateRecord;

/** A certificate as a card: its badge, holder, title, issuer, dates, status, competencies and evidence. */
class CertificateCard extends Div {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy").withZone(ZoneOffset.UTC);

    CertificateCard(CertificateRecord c) {
        addClassName("certificate-card");
        setId("certificate-" + c.publicId());
        var status = new Span(switch (c.status()) {
            case VALID -> "Valid";
            case EXPIRED -> "Expired on " + DATE.format(c.expiresAt());
            case REVOKED -> "Revoked on " + DATE.format(c.revokedAt());
            case SUSPENDED -> "Suspended since " + DATE.format(c.suspendedAt());
        });
        status.setId("certificate-status");
        status.addClassNames("cert-status", c.status().name().toLowerCase());
        var holder = new H2(c.holderName());
        holder.setId("certificate-holder");
        var title = new Paragraph(c.title());
        title.setId("certificate-title");
        var dates = new Paragraph("Issued by " + c.issuerName() + " on " + DATE.format(c.issuedAt()) + "; valid until " + DATE.format(c.expiresAt()) + ".");
        dates.setId("certificate-dates");
        var competencies = new UnorderedList();
        c.competencies().forEach(x -> competencies.add(new ListItem(x)));
        var evidence = new UnorderedList();
        c.evidence().forEach(e -> evidence.add(new ListItem(e.module() + ": " + e.casesRead() + " cases read; sensitivity " + e.sensitivity()
                + "; specificity " + e.specificity() + ". Required: " + String.join(", ", e.thresholds()) + "."
                + (e.curriculumVersion() == null ? "" : " Decided under curriculum version " + e.curriculumVersion() + "."))));
        evidence.setId("certificate-evidence");
        var id = new Span("Certificate ID: " + c.publicId());
        id.setId("certificate-id");
        id.addClassName("mono");
        if (c.badgeImage() != null) {
            // the image its signed credential names (achievement.image), the same one LinkedIn or a badge wallet shows
            var badge = new Image(c.badgeImage(), "Badge: " + c.title());
            badge.setId("certificate-badge");
            badge.addClassName("certificate-badge");
            badge.setWidth("120px");
            badge.setHeight("120px");
            badge.getStyle().set("float", "right").set("margin", "0 0 var(--lumo-space-m) var(--lumo-space-m)");
            add(badge);
        }
        add(status, holder, title, dates);
        if (c.creditHours() != null) {
            var credit = new Paragraph(c.creditInWords() + ".");
            credit.setId("certificate-credit");
            add(credit);
        }
        add(new H4("Competencies attested"), competencies, new H4("Evidence"), evidence, id);
    }
}
