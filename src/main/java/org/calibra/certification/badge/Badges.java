package org.calibra.certification.badge;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.calibra.certification.internal.CertificateRepository;
import org.calibra.curriculum.CurriculumInfo;
import org.calibra.curriculum.CurriculumPublished;
import org.calibra.curriculum.CurriculumService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The badge image of each curriculum, as its credentials name it ({@code /credentials/badges/<curriculum>.png}). Public
 * once a certificate of the curriculum has been issued — it is then named in a credential anyone may hold; before that,
 * not found, so the address tells nothing about curricula nobody has been certified in.
 * <p>
 * The address is public and unauthenticated, so a request costs little: the curricula are looked up at most once a
 * minute (and again when one is published), a curriculum known to have certificates is remembered, and each face is
 * drawn once.
 */
@Component
public class Badges {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
    private static final Duration RELOAD_AFTER = Duration.ofMinutes(1);
    private static final int MAX_KEPT = 200;

    private final CurriculumService curricula;
    private final CertificateRepository certificates;
    private final Clock clock;
    private final Map<BadgeImage.Face, Png> drawn = new ConcurrentHashMap<>();
    private final Set<Long> certified = ConcurrentHashMap.newKeySet();
    private volatile Map<String, CurriculumInfo> bySlug = Map.of();
    private volatile Instant loadedAt;

    Badges(CurriculumService curricula, CertificateRepository certificates, Clock clock) {
        this.curricula = curricula;
        this.certificates = certificates;
        this.clock = clock;
    }

    /** A PNG and its entity tag (a hash of the bytes). */
    public record Png(byte[] bytes, String etag) {}

    /** The badge of the curriculum with this slug, if any certificate of it has been issued. */
    public Optional<Png> png(String curriculumSlug) {
        if (curriculumSlug == null || !SLUG.matcher(curriculumSlug).matches()) {
            return Optional.empty();
        }
        return Optional.ofNullable(curricula().get(curriculumSlug)).filter(this::hasCertificates).map(c -> {
            if (drawn.size() > MAX_KEPT) {
                drawn.clear(); // titles edited many times over: start again rather than grow
            }
            return drawn.computeIfAbsent(new BadgeImage.Face(c.title(), c.creditHours()), face -> withTag(BadgeImage.png(face)));
        });
    }

    @EventListener
    void curriculumPublished(CurriculumPublished published) {
        loadedAt = null; // a new title or credit: the next request reads the curricula again
    }

    private Map<String, CurriculumInfo> curricula() {
        Instant now = clock.instant();
        Instant loaded = loadedAt;
        if (loaded == null || now.isAfter(loaded.plus(RELOAD_AFTER))) {
            bySlug = curricula.listCurricula().stream().collect(Collectors.toUnmodifiableMap(CurriculumInfo::slug, Function.identity(), (a, b) -> a));
            loadedAt = now;
        }
        return bySlug;
    }

    /** Certificates are never deleted, so once one exists the answer is kept. */
    private boolean hasCertificates(CurriculumInfo curriculum) {
        if (certified.contains(curriculum.id())) {
            return true;
        }
        boolean any = certificates.existsByCurriculumId(curriculum.id());
        if (any) {
            certified.add(curriculum.id());
        }
        return any;
    }

    private static Png withTag(byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return new Png(bytes, "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22) + "\"");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
