package org.calibra.certification.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.calibra.certification.CredentialService;
import org.calibra.certification.VerificationReport;
import org.calibra.certification.verification.VerificationWords;
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
 * per call, or up to {@value #MAX_BULK} in one bulk call, answered item by item. No sign-in; rate-limited per client IP by what it verifies:
 * the filter takes a token for every call, a bulk call takes one more here for each item after the first — all of
 * them before anything is verified, or none and the whole batch is refused (429).
 */
@RestController
class VerificationApiController {

    static final int MAX_BULK = 100;
    private static final int MAX_CREDENTIAL = 100_000;
    /** Room for {@value #MAX_BULK} credentials of the largest size, and the JSON around them. */
    private static final int MAX_BODY = MAX_BULK * (MAX_CREDENTIAL + 100) + 1000;
    /** The outcome of a bulk item that was not a well-formed request, so it was not verified. */
    static final String NOT_CHECKED = "NOT_CHECKED";
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

    /**
     * One answer per item, in order: an item that is not a well-formed request (a malformed id, a number for a credential)
     * gets an answer naming it and what was expected, and costs no token; the others are verified. Only a body that is
     * not a batch at all, or a batch of the wrong size, is refused whole.
     */
    @PostMapping(value = "/api/v1/verifications/bulk", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> bulk(@RequestBody(required = false) String body, HttpServletRequest http) {
        try {
            if (body != null && body.length() > MAX_BODY) {
                return tooLarge(body.length());
            }
            JsonNode root = parse(body);
            JsonNode items = root.isArray() ? root : root.get("items");
            if (items == null || !items.isArray()) {
                throw new BadInput("items", "Send {\"items\": [...]} (or a bare array) of objects each with \"credential\" or \"id\".");
            }
            int max = Math.min(MAX_BULK, limiter.capacity());
            if (items.isEmpty() || items.size() > max) {
                throw new BadInput("items", (items.isEmpty() ? "The batch is empty. " : "")
                        + "Send between 1 and " + max + " items; this had " + items.size() + "."
                        + (max < MAX_BULK ? " This server verifies at most " + max + " at once per client." : ""));
            }
            List<Object> requests = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                try {
                    requests.add(request(items.get(i), "items[" + i + "]."));
                } catch (BadInput e) {
                    requests.add(e);
                }
            }
            // one token per item verified: the call has taken one already (the filter), the others now, all or none
            int toVerify = (int) requests.stream().filter(Request.class::isInstance).count();
            String client = http.getRemoteAddr();
            long wait = toVerify > 1 ? limiter.tryTake(client, toVerify - 1) : 0;
            if (wait > 0) {
                return tooMany(toVerify, limiter.available(client), limiter.waitFor(client, toVerify));
            }
            List<Map<String, Object>> results = new ArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                var answer = requests.get(i) instanceof Request r ? answer(r) : notChecked((BadInput) requests.get(i));
                var numbered = new LinkedHashMap<String, Object>();
                numbered.put("item", i);
                numbered.putAll(answer);
                results.add(numbered);
            }
            return ResponseEntity.ok(Map.of("results", results));
        } catch (BadInput e) {
            return e.response();
        }
    }

    /** An item that was not a well-formed request: named, with what was expected, and not verified. */
    private Map<String, Object> notChecked(BadInput e) {
        var out = new LinkedHashMap<String, Object>();
        out.put("outcome", NOT_CHECKED);
        out.put("valid", false);
        out.put("status", "Not checked");
        out.put("field", e.field);
        out.put("error", e.field + ": " + e.getMessage());
        out.put("checkedAt", clock.instant().toString());
        return out;
    }

    /** The body is larger than any batch of {@value #MAX_BULK} credentials can be: 413, in words. */
    private static ResponseEntity<Map<String, Object>> tooLarge(int length) {
        var problem = new LinkedHashMap<String, Object>();
        problem.put("type", "about:blank");
        problem.put("title", "Request too large");
        problem.put("status", 413);
        problem.put("detail", "The request body has " + length + " characters; a batch may have at most " + MAX_BODY
                + " (" + MAX_BULK + " credentials of at most " + MAX_CREDENTIAL + " characters each). Send smaller batches.");
        problem.put("field", "body");
        return ResponseEntity.status(413).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
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
        out.put("status", VerificationWords.word(report.outcome()));
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
            // the administrator's own words, so an HR system can show why without asking the issuer
            out.put("revocationReason", c.revokedAt() == null ? null : report.statusReason());
            out.put("suspensionReason", c.revokedAt() == null && c.suspendedAt() != null ? report.statusReason() : null);
            out.put("evidence", VerificationWords.evidenceSummary(c));
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
