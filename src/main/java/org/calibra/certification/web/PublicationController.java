package org.calibra.certification.web;

import java.time.Duration;
import org.calibra.certification.CredentialService;
import org.calibra.certification.badge.Badges;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * What anyone needs to verify a Calibra credential without asking Calibra: the public keys (JWKS, each key at
 * its {@code kid} URL, and a did:web document), the issuer's profile, the signed status lists and the badge images
 * credentials name. No sign-in.
 */
@RestController
class PublicationController {

    static final MediaType JWT = MediaType.parseMediaType("application/vc+jwt");
    /** How long a verifier may reuse a status list without asking again: a revocation reaches everyone within this. */
    static final Duration STATUS_LIST_MAX_AGE = Duration.ofMinutes(5);
    private final CredentialService credentials;
    private final Badges badges;

    PublicationController(CredentialService credentials, Badges badges) {
        this.credentials = credentials;
        this.badges = badges;
    }

    @GetMapping(value = "/.well-known/jwks.json", produces = "application/jwk-set+json")
    ResponseEntity<String> jwks() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic()).body(credentials.jwks());
    }

    @GetMapping(value = "/.well-known/did.json", produces = "application/did+json")
    ResponseEntity<String> did() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic()).body(credentials.didDocument());
    }

    @GetMapping(value = "/credentials/keys/{keyId}", produces = "application/jwk+json")
    ResponseEntity<String> key(@PathVariable String keyId) {
        return credentials.publicKey(keyId).map(k -> ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic()).body(k))
                .orElse(ResponseEntity.notFound().build());
    }

    @GetMapping(value = "/credentials/issuer", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> issuer() {
        return ResponseEntity.ok(credentials.issuerProfile());
    }

    /**
     * A BitstringStatusListCredential as a VC-JWT: the same bytes and ETag until a status changes, cacheable five minutes;
     * a client that sends the ETag back (If-None-Match) gets 304 and no body.
     */
    @GetMapping("/credentials/status/{list}")
    ResponseEntity<String> statusList(@PathVariable String list, WebRequest request) {
        var signed = credentials.statusList(list);
        if (signed.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        var cache = CacheControl.maxAge(STATUS_LIST_MAX_AGE).cachePublic();
        if (request.checkNotModified(signed.get().etag())) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(signed.get().etag()).cacheControl(cache).build();
        }
        return ResponseEntity.ok().contentType(JWT).eTag(signed.get().etag()).cacheControl(cache).body(signed.get().jwt());
    }

    /** A curriculum's badge image, as credentials name it in {@code achievement.image}. */
    @GetMapping("/credentials/badges/{curriculum}.png")
    ResponseEntity<byte[]> badge(@PathVariable String curriculum, WebRequest request) {
        var png = badges.png(curriculum);
        if (png.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        var cache = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();
        if (request.checkNotModified(png.get().etag())) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(png.get().etag()).cacheControl(cache).build();
        }
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).eTag(png.get().etag()).cacheControl(cache).body(png.get().bytes());
    }
}
