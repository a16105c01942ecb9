package org.calibra.certification.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.calibra.certification.CredentialStatusChanged;
import org.calibra.certification.StatusListJwt;
import org.calibra.certification.credential.BitstringStatusList;
import org.calibra.certification.credential.CredentialJwt;
import org.calibra.certification.credential.SigningKeys;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The signed status lists ("revocation-N", "suspension-N"), signed once per change: a list is built and signed on first
 * request and kept until a certificate's status changes (after that change is committed), the signing key is rotated,
 * or half its one-day validity has passed — never served within hours of expiring.
 * <p>
 * A change committed while a list is being signed must not leave the old bits cached: each change bumps a generation,
 * and a list signed under an older generation is served once but not kept. Per instance, in memory: another instance's
 * change reaches this one's lists within the half-day at the latest.
 */
@Component
public class StatusLists {

    public static final Duration VALIDITY = Duration.ofDays(1);
    private static final Duration RESIGN_AFTER = VALIDITY.dividedBy(2);
    private static final Pattern NAME = Pattern.compile("(revocation|suspension)-(\\d{1,5})");
    private static final int MAX_KEPT = 64;

    private final CertificateRepository certificates;
    private final KeyFiles keyFiles;
    private final IssuerSettings settings;
    private final Clock clock;
    private final Map<String, Signed> kept = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong signings = new AtomicLong();

    StatusLists(CertificateRepository certificates, KeyFiles keyFiles, IssuerSettings settings, Clock clock) {
        this.certificates = certificates;
        this.keyFiles = keyFiles;
        this.settings = settings;
        this.clock = clock;
    }

    private record Signed(StatusListJwt list, String keyId, Instant signedAt) {}

    /** The signed list of this name, or empty for a name that is no list. */
    public Optional<StatusListJwt> list(String name) {
        var m = NAME.matcher(name == null ? "" : name);
        if (!m.matches()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String currentKey = keyFiles.keys().currentKeyId();
        Signed cached = kept.get(name);
        if (cached != null && cached.keyId().equals(currentKey) && now.isBefore(cached.signedAt().plus(RESIGN_AFTER))) {
            return Optional.of(cached.list());
        }
        long seen = generation.get();
        Signed fresh = sign(name, m.group(1), Integer.parseInt(m.group(2)), now);
        if (generation.get() == seen && (kept.size() < MAX_KEPT || kept.containsKey(name))) {
            kept.put(name, fresh);
        }
        return Optional.of(fresh.list());
    }

    /** How many lists this instance has signed since it started (what the caching saves is measured by it). */
    public long signings() {
        return signings.get();
    }

    /** After the change is committed: a list signed from then on reads it. */
    @TransactionalEventListener(fallbackExecution = true)
    void statusChanged(CredentialStatusChanged change) {
        generation.incrementAndGet();
        kept.clear();
    }

    private Signed sign(String name, String purpose, int list, Instant now) {
        int from = list * BitstringStatusList.SIZE;
        List<Integer> set = purpose.equals("revocation") ? certificates.revokedIndexes(from, from + BitstringStatusList.SIZE)
                : certificates.suspendedIndexes(from, from + BitstringStatusList.SIZE);
        var bits = new BitSet(BitstringStatusList.SIZE);
        set.forEach(i -> bits.set(i - from));
        var credential = BitstringStatusList.credential(settings.statusListUrl(name), settings.profile().profile(), purpose,
                BitstringStatusList.encode(bits), now, now.plus(VALIDITY));
        var key = keyFiles.keys().current();
        String jwt = CredentialJwt.sign(credential, key, SigningKeys.kidUrl(settings.keyBaseUrl(), key.getKeyID()));
        signings.incrementAndGet();
        return new Signed(new StatusListJwt(jwt, etag(jwt)), key.getKeyID(), now);
    }

    private static String etag(String jwt) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(jwt.getBytes(StandardCharsets.US_ASCII));
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
