package org.calibra.certification.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.calibra.certification.CredentialService;
import org.calibra.certification.VerificationReport;
import org.calibra.shared.web.RateLimiter;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON verification API for HR systems (docs/openapi-verification.yaml): one credential or certificate id
 * per call, or up to {@value #MAX_BULK} in one bulk call. No sign-in; rate-limited per client IP by what it verifies:
 * the filter takes a token for every call, a bulk call takes one more here for each item after the first — all of
 * them before anything is verified, or none and the whole batch is refused (429).
 */
@RestController
class VerificationApiController {

    static final int MAX_BULK = 100;
    private static final int MAX_CREDENTIAL = 100_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CredentialService credentials;
    private final Clock clock;
    private final RateLimiter limiter;

    VerificationApiController(CredentialService credentials, Clock clock, VerificationApiConfig.Limits limits) {
        this.credentials = credentials;
        this.clock = clock;
        this.limiter = limits.api();
    }

    @PostMapping(value = "/api/v1/verifications", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> verify(@RequestBody(required = false) String body) {
        try {
            return ResponseEntity.ok(answer(request(parse(body), "")));
        } catch (BadInput e) {
            return e.response();
        }
    }

    @PostMapping(value = "/api/v1/verifications/bulk", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> bulk(@RequestBody(required = false) String body, HttpServletRequest http) {
        try {
            JsonNode root = parse(body);
            JsonNode items = root.isArray() ? root : root.get("items");
            if (items == null || !items.isArray()) {
                throw new BadInput("items", "Send {\"items\": [...]} (or a bare array) of objects each with \"credential\" or \"id\".");
            }
            int max = Math.min(MAX_BULK, limiter.capacity());
            if (items.isEmpty() || items.size() > max) {
                throw new BadInput("items", "Send between 1 and " + max + " items; this had " + items.size() + "."
                        + (max < MAX_BULK ? " This server verifies at most " + max + " at once per client." : ""));
            }
            List<Request> requests = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                requests.add(request(items.get(i), "items[" + i + "]."));
            }
            // one token per item: the call has taken one already (the filter), the others now, all or none
            String client = http.getRemoteAddr();
            long wait = requests.size() > 1 ? limiter.tryTake(client, requests.size() - 1) : 0;
            if (wait > 0) {
                return tooMany(requests.size(), limiter.available(client), limiter.waitFor(client, requests.size()));
            }
            List<Map<String, Object>> results = new ArrayList<>();
            requests.forEach(r -> results.add(answer(r)));
            return ResponseEntity.ok(Map.of("results", results));
        } catch (BadInput e) {
            return e.response();
        }
    }

    /** The batch needs more tokens than the client has left: nothing verified, and the answer says so. */
    private ResponseEntity<Map<String, Object>> tooMany(int items, int available, long waitSeconds) {
        var problem = new LinkedHashMap<String, Object>();
        problem.put("type", "about:blank");
        problem.put("title", "Too many requests");
        problem.put("status", 429);
        problem.put("detail", "Nothing was verified: this batch has " + items + " items, each item is one verification, and "
                + available + (available == 1 ? " is" : " are") + " left for your address (" + limiter.allowance() + "). "
                + (available > 0 ? "Send at most " + available + " items now, or the whole batch again in " : "Send the whole batch again in ")
                + RateLimiter.seconds(waitSeconds) + ".");
        problem.put("items", items);
        problem.put("available", available);
        return ResponseEntity.status(429).header("Retry-After", Long.toString(waitSeconds))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private record Request(String credential, String id) {}

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw new BadInput("body", "The request body is empty: send JSON.");
        }
        try {
            return JSON.readTree(body);
        } catch (RuntimeException e) {
            throw new BadInput("body", "The request body is not valid JSON.");
        }
    }

    private static Request request(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new BadInput(path.isEmpty() ? "body" : path.substring(0, path.length() - 1),
                    "Expected an object with \"credential\" (a compact JWS) or \"id\" (a certificate id).");
        }
        JsonNode credential = node.get("credential");
        JsonNode id = node.get("id");
        if ((credential == null) == (id == null)) {
            throw new BadInput(path + "credential", "Give exactly one of \"credential\" and \"id\".");
        }
        if (credential != null) {
            if (!credential.isString() || credential.asString().isBlank()) {
                throw new BadInput(path + "credential", "\"credential\" must be the credential as a compact JWS string.");
            }
            if (credential.asString().length() > MAX_CREDENTIAL) {
                throw new BadInput(path + "credential", "\"credential\" is longer than " + MAX_CREDENTIAL + " characters.");
            }
            return new Request(credential.asString(), null);
        }
        if (!id.isString() || !id.asString().strip().matches("[A-Za-z0-9_-]{16,64}")) {
            throw new BadInput(path + "id", "\"id\" must be a certificate id: 16 to 64 letters, digits, '-' or '_'.");
        }
        return new Request(null, id.asString().strip());
    }

    private Map<String, Object> answer(Request r) {
        VerificationReport report = r.credential() != null ? credentials.verifyCredential(r.credential()) : credentials.verifyId(r.id());
        var out = new LinkedHashMap<String, Object>();
        out.put("outcome", report.outcome().name());
        out.put("valid", report.valid());
        out.put("message", report.message());
        out.put("credentialId", report.credentialId());
        out.put("certificateId", report.publicId());
        var c = report.certificate();
        if (c != null) {
            out.put("holder", c.holderName());
            out.put("achievement", c.title());
            out.put("issuer", c.issuerName());
            out.put("validFrom", c.issuedAt().toString());
            out.put("validUntil", c.expiresAt().toString());
            out.put("revokedAt", c.revokedAt() == null ? null : c.revokedAt().toString());
            out.put("suspendedAt", c.suspendedAt() == null ? null : c.suspendedAt().toString());
        }
        out.put("checkedAt", clock.instant().toString());
        return out;
    }

    /** A 400 that names the field at fault (RFC 9457 problem details). */
    private static final class BadInput extends RuntimeException {
        private final String field;

        BadInput(String field, String detail) {
            super(detail, null, false, false);
            this.field = field;
        }

        ResponseEntity<Map<String, Object>> response() {
            var problem = new LinkedHashMap<String, Object>();
            problem.put("type", "about:blank");
            problem.put("title", "Bad request");
            problem.put("status", 400);
            problem.put("detail", getMessage());
            problem.put("field", field);
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
    }
}
