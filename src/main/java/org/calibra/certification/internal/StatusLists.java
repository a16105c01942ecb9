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
import org.calibra.certification.StatusListJwt;
import org.calibra.certification.credential.BitstringStatusList;
import org.calibra.certification.credential.CredentialJwt;
import org.calibra.certification.credential.SigningKeys;
import org.springframework.stereotype.Component;

/**
 * The signed status lists ("revocation-N", "suspension-N"), signed once per change: a list is built and signed on first
 * request and kept until a certificate's status changes, the signing key is rotated, or half its one-day validity has
 * passed — never served within hours of expiring.
 * <p>
 * "A status changed" is read from the database, not heard as an event, so a revocation made on another node that
 * shares the database shows in this node's lists at the next request (ADR 0029). Every change appends a row to
 * {@code credential_status_change} in the transaction that makes it, and rows are never removed, so their count is a
 * version that grows with every committed change: a list is kept with the version read before its bits were read, and
 * served while the version is still the same (one count of a small table per request instead of a signature).
 */
@Component
public class StatusLists {

    public static final Duration VALIDITY = Duration.ofDays(1);
    private static final Duration RESIGN_AFTER = VALIDITY.dividedBy(2);
    private static final Pattern NAME = Pattern.compile("(revocation|suspension)-(\\d{1,5})");
    private static final int MAX_KEPT = 64;

    private final CertificateRepository certificates;
    private final StatusChangeRepository changes;
    private final SigningKeyStore keyStore;
    private final IssuerSettings settings;
    private final Clock clock;
    private final Map<String, Signed> kept = new ConcurrentHashMap<>();
    private final AtomicLong signings = new AtomicLong();

    StatusLists(CertificateRepository certificates, StatusChangeRepository changes, SigningKeyStore keyStore, IssuerSettings settings, Clock clock) {
        this.certificates = certificates;
        this.changes = changes;
        this.keyStore = keyStore;
        this.settings = settings;
        this.clock = clock;
    }

    /** @param statusVersion the number of status changes committed before the list's bits were read */
    private record Signed(StatusListJwt list, String keyId, Instant signedAt, long statusVersion) {}

    /** The signed list of this name, or empty for a name that is no list. */
    public Optional<StatusListJwt> list(String name) {
        var m = NAME.matcher(name == null ? "" : name);
        if (!m.matches()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String currentKey = keyStore.keys().currentKeyId();
        // read before the bits: a change committed in between is in the bits, and makes the next request sign again
        long statusVersion = changes.count();
        Signed cached = kept.get(name);
        if (cached != null && cached.statusVersion() == statusVersion && cached.keyId().equals(currentKey)
                && now.isBefore(cached.signedAt().plus(RESIGN_AFTER))) {
            return Optional.of(cached.list());
        }
        Signed fresh = sign(name, m.group(1), Integer.parseInt(m.group(2)), now, statusVersion);
        if (kept.size() < MAX_KEPT || kept.containsKey(name)) {
            kept.put(name, fresh);
        }
        return Optional.of(fresh.list());
    }

    /** How many lists this instance has signed since it started (what the caching saves is measured by it). */
    public long signings() {
        return signings.get();
    }

    private Signed sign(String name, String purpose, int list, Instant now, long statusVersion) {
        int from = list * BitstringStatusList.SIZE;
        List<Integer> set = purpose.equals("revocation") ? certificates.revokedIndexes(from, from + BitstringStatusList.SIZE)
                : certificates.suspendedIndexes(from, from + BitstringStatusList.SIZE);
        var bits = new BitSet(BitstringStatusList.SIZE);
        set.forEach(i -> bits.set(i - from));
        var credential = BitstringStatusList.credential(settings.statusListUrl(name), settings.profile().profile(), purpose,
                BitstringStatusList.encode(bits), now, now.plus(VALIDITY));
        var key = keyStore.keys().current();
        String jwt = CredentialJwt.sign(credential, key, SigningKeys.kidUrl(settings.keyBaseUrl(), key.getKeyID()));
        signings.incrementAndGet();
        return new Signed(new StatusListJwt(jwt, etag(jwt)), key.getKeyID(), now, statusVersion);
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
