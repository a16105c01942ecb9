package org.calibra.certification;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.calibra.certification.internal.CertificateRepository;
import org.calibra.shared.HomeCertificates;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A resident's certificates for Home: each with its state in words and, when revoked or suspended, the reason. */
@Component
class HomeCertificateLines implements HomeCertificates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy").withZone(ZoneOffset.UTC);
    private final CertificateService certificates;
    private final CertificateRepository repository;

    HomeCertificateLines(CertificateService certificates, CertificateRepository repository) {
        this.certificates = certificates;
        this.repository = repository;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Certificate> mine() {
        return certificates.mine().stream().map(c -> {
            var entity = repository.findByPublicId(c.publicId());
            return switch (c.status()) {
                case VALID -> new Certificate(c.title(), c.expiresAt() == null ? "Valid" : "Valid until " + day(c.expiresAt()), null, true);
                case EXPIRED -> new Certificate(c.title(), "Expired on " + day(c.expiresAt()), null, false);
                case REVOKED -> new Certificate(c.title(), "Revoked on " + day(c.revokedAt()),
                        entity.map(e -> e.getRevocationReason()).orElse(null), false);
                case SUSPENDED -> new Certificate(c.title(), "Suspended since " + day(c.suspendedAt()),
                        entity.map(e -> e.getSuspensionReason()).orElse(null), false);
            };
        }).toList();
    }

    private static String day(Instant at) {
        return at == null ? "an unrecorded date" : DAY.format(at);
    }
}
