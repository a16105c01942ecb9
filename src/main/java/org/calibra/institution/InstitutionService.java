package org.calibra.institution;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.calibra.institution.internal.InstitutionEntity;
import org.calibra.institution.internal.InstitutionRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The institutions of this installation. Admins create and rename them; a Keycloak sign-in naming an institution
 * group Calibra does not know yet creates it (Keycloak is the source of truth for membership). Every change is audited.
 */
@Service
@Transactional(readOnly = true)
public class InstitutionService {

    private final InstitutionRepository institutions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String defaultSlug;

    InstitutionService(InstitutionRepository institutions, ApplicationEventPublisher events, Clock clock,
                       @Value("${calibra.institutions.default-slug:calibra-demo-institution}") String defaultSlug) {
        this.institutions = institutions;
        this.events = events;
        this.clock = clock;
        this.defaultSlug = defaultSlug;
    }

    public List<InstitutionInfo> list() {
        return institutions.findAllByOrderByNameAsc().stream().map(InstitutionService::info).toList();
    }

    public Optional<InstitutionInfo> byId(long id) {
        return institutions.findById(id).map(InstitutionService::info);
    }

    public Optional<InstitutionInfo> bySlug(String slug) {
        return institutions.findBySlug(slug).map(InstitutionService::info);
    }

    /** Where accounts and curricula go when nothing names an institution (calibra.institutions.default-slug). */
    public InstitutionInfo defaultInstitution() {
        return bySlug(defaultSlug).orElseThrow(() -> new IllegalStateException("The default institution '" + defaultSlug
                + "' (calibra.institutions.default-slug) does not exist; create it or point the setting at an existing slug"));
    }

    /** The institution of this name, created if new (a Keycloak group Calibra meets for the first time). */
    @Transactional
    public InstitutionInfo namedOrCreated(String name) {
        return institutions.findByNameIgnoreCase(name.strip()).map(InstitutionService::info).orElseGet(() -> create(name, null));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public InstitutionInfo createByAdmin(String name, long adminId) {
        if (institutions.findByNameIgnoreCase(name.strip()).isPresent()) {
            throw new IllegalArgumentException("An institution named '" + name.strip() + "' already exists");
        }
        return create(name, adminId);
    }

    /** Renames; the slug stays, so curricula and case bundles that name the institution keep working. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public InstitutionInfo rename(long id, String name, long adminId) {
        String clean = checkedName(name);
        InstitutionEntity e = institutions.findById(id).orElseThrow(() -> new IllegalArgumentException("No institution " + id));
        institutions.findByNameIgnoreCase(clean).filter(other -> !other.getId().equals(e.getId())).ifPresent(other -> {
            throw new IllegalArgumentException("An institution named '" + clean + "' already exists");
        });
        String before = e.getName();
        if (!before.equals(clean)) {
            e.rename(clean);
            events.publishEvent(new InstitutionChanged(InstitutionChanged.Kind.RENAMED, e.getId(), adminId, Map.of("from", before, "to", clean)));
        }
        return info(e);
    }

    private InstitutionInfo create(String name, Long actorId) {
        String clean = checkedName(name);
        String slug = Slugs.of(clean);
        if (institutions.findBySlug(slug).isPresent()) {
            throw new IllegalArgumentException("The name '" + clean + "' gives the slug '" + slug + "', which another institution has");
        }
        InstitutionEntity e = institutions.save(new InstitutionEntity(slug, clean, clock.instant()));
        events.publishEvent(new InstitutionChanged(InstitutionChanged.Kind.CREATED, e.getId(), actorId,
                Map.of("slug", slug, "name", clean, "source", actorId == null ? "keycloak" : "admin")));
        return info(e);
    }

    private static String checkedName(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 200) {
            throw new IllegalArgumentException("An institution's name must have 1 to 200 characters, found " + clean.length());
        }
        return clean;
    }

    private static InstitutionInfo info(InstitutionEntity e) {
        return new InstitutionInfo(e.getId(), e.getSlug(), e.getName());
    }
}
