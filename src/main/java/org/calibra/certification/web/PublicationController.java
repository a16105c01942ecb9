package org.calibra.certification.web;

import java.time.Duration;
import org.calibra.certification.CredentialService;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What anyone needs to verify a Calibra credential without asking Calibra: the public keys (JWKS, each key at
 * its {@code kid} URL, and a did:web document), the issuer's profile and the signed status lists. No sign-in.
 */
@RestController
class PublicationController {

    static final MediaType JWT = MediaType.parseMediaType("application/vc+jwt");
    private final CredentialService credentials;

    PublicationController(CredentialService credentials) {
        this.credentials = credentials;
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

    /** A BitstringStatusListCredential as a VC-JWT; fresh on each request, cacheable for five minutes. */
    @GetMapping("/credentials/status/{list}")
    ResponseEntity<String> statusList(@PathVariable String list) {
        return credentials.statusList(list)
                .map(jwt -> ResponseEntity.ok().contentType(JWT).cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic()).body(jwt))
                .orElse(ResponseEntity.notFound().build());
    }
}
