package org.calibra.security;

import jakarta.persistence.*;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A one-time link to set a password: an invitation for a new account or a reset an admin issued. Only the SHA-256 of
 * the token is stored; the token itself exists once, in the link the admin copies.
 */
@Entity
@Table(name = "account_token")
class AccountToken {

    enum Purpose { INVITATION, RESET }

    /** Why a link does not work, in words the person who opened it understands. */
    enum Unusable {
        UNKNOWN("This link is not valid. Check that you copied all of it, or ask your administrator for a new one."),
        USED("This link has already been used. Sign in with the password you set, or ask your administrator for a new link."),
        EXPIRED("This link has expired. Ask your administrator for a new one."),
        REPLACED("A newer link was issued for this account, so this one no longer works. Use the newest link your administrator gave you."),
        ACCOUNT_CLOSED("This account is disabled or was erased. Ask your administrator.");

        final String words;

        Unusable(String words) {
            this.words = words;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Purpose purpose;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    private String tokenHash;

    @Column(name = "created_by", nullable = false)
    private long createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected AccountToken() {
    }

    AccountToken(long userId, Purpose purpose, String tokenHash, long createdBy, Instant createdAt, Instant expiresAt) {
        this.userId = userId;
        this.purpose = purpose;
        this.tokenHash = tokenHash;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** 32 random bytes, URL-safe: what goes into the link (and nowhere else). */
    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What is stored: the token's SHA-256 (a long random token needs no salt or slow hash). */
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Why this link cannot set a password at {@code now}, or null when it can. */
    Unusable unusableAt(Instant now) {
        if (usedAt != null) {
            return Unusable.USED;
        }
        if (revokedAt != null) {
            return Unusable.REPLACED;
        }
        return now.isBefore(expiresAt) ? null : Unusable.EXPIRED;
    }

    void use(Instant now) {
        if (unusableAt(now) != null) {
            throw new IllegalStateException("This link cannot be used: " + unusableAt(now).words);
        }
        this.usedAt = now;
    }

    void revoke(Instant now) {
        if (usedAt == null && revokedAt == null) {
            this.revokedAt = now;
        }
    }

    Long getId() { return id; }
    long getUserId() { return userId; }
    Purpose getPurpose() { return purpose; }
    Instant getExpiresAt() { return expiresAt; }
    Instant getUsedAt() { return usedAt; }
}
