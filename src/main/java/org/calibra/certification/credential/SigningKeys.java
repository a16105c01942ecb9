package org.calibra.certification.credential;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An installation's signing keys: every key it ever signed with (so old credentials keep verifying) and the one
 * that signs new credentials. Keys carry a short id; published, that id becomes a URL under the key base URL,
 * which is what a credential's {@code kid} header holds and what the JWKS lists.
 */
public record SigningKeys(List<JWK> keys, String currentKeyId) {

    public SigningKeys {
        keys = List.copyOf(keys);
        if (keys.stream().noneMatch(k -> k.getKeyID().equals(currentKeyId))) {
            throw new IllegalArgumentException("The current key " + currentKeyId + " is not among the keys");
        }
    }

    public JWK current() {
        return find(currentKeyId).orElseThrow();
    }

    public Optional<JWK> find(String shortKeyId) {
        return keys.stream().filter(k -> k.getKeyID().equals(shortKeyId)).findFirst();
    }

    /** A key referred to by its published URL ({@code <keyBaseUrl>/<id>}); empty for any other URL or an unknown id. */
    public Optional<JWK> byKidUrl(String kid, String keyBaseUrl) {
        if (kid == null || !kid.startsWith(keyBaseUrl + "/")) {
            return Optional.empty();
        }
        return find(kid.substring(keyBaseUrl.length() + 1));
    }

    public static String kidUrl(String keyBaseUrl, String shortKeyId) {
        return keyBaseUrl + "/" + shortKeyId;
    }

    /** The public halves, newest first, each with its URL as {@code kid}: what {@code /.well-known/jwks.json} serves. */
    public JWKSet publicJwks(String keyBaseUrl) {
        List<JWK> published = new ArrayList<>();
        keys.stream().sorted(Comparator.comparing((JWK k) -> k.getIssueTime() == null ? new java.util.Date(0) : k.getIssueTime()).reversed())
                .forEach(k -> published.add(publicWithUrl(k, keyBaseUrl)));
        return new JWKSet(published);
    }

    public static JWK publicWithUrl(JWK key, String keyBaseUrl) {
        var json = key.toPublicJWK().toJSONObject();
        json.put("kid", kidUrl(keyBaseUrl, key.getKeyID()));
        try {
            return JWK.parse(json);
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same keys with a new one that signs from now on. */
    public SigningKeys with(JWK newCurrent) {
        var all = new ArrayList<>(keys);
        all.add(newCurrent);
        return new SigningKeys(all, newCurrent.getKeyID());
    }
}
