package org.calibra.certification.badge;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.calibra.certification.internal.CertificateRepository;
import org.calibra.curriculum.CurriculumInfo;
import org.calibra.curriculum.CurriculumService;
import org.springframework.stereotype.Component;

/**
 * The badge image of each curriculum, as its credentials name it ({@code /credentials/badges/<curriculum>.png}). Public
 * once a certificate of the curriculum has been issued — it is then named in a credential anyone may hold; before that,
 * not found, so the address tells nothing about curricula nobody has been certified in. Drawn once per face and kept.
 */
@Component
public class Badges {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
    private static final int MAX_KEPT = 200;

    private final CurriculumService curricula;
    private final CertificateRepository certificates;
    private final Map<BadgeImage.Face, Png> drawn = new ConcurrentHashMap<>();

    Badges(CurriculumService curricula, CertificateRepository certificates) {
        this.curricula = curricula;
        this.certificates = certificates;
    }

    /** A PNG and its entity tag (a hash of the bytes). */
    public record Png(byte[] bytes, String etag) {}

    /** What the badge of this curriculum shows. */
    public static BadgeImage.Face faceOf(CurriculumInfo curriculum) {
        return new BadgeImage.Face(curriculum.title(), curriculum.creditHours());
    }

    /** The badge of the curriculum with this slug, if any certificate of it has been issued. */
    public Optional<Png> png(String curriculumSlug) {
        if (curriculumSlug == null || !SLUG.matcher(curriculumSlug).matches()) {
            return Optional.empty();
        }
        return curricula.listCurricula().stream().filter(c -> c.slug().equals(curriculumSlug)).findFirst()
                .filter(c -> certificates.existsByCurriculumId(c.id()))
                .map(c -> {
                    if (drawn.size() > MAX_KEPT) {
                        drawn.clear(); // titles edited many times over: start again rather than grow
                    }
                    return drawn.computeIfAbsent(faceOf(c), face -> withTag(BadgeImage.png(face)));
                });
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
