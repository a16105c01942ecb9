package org.calibra.certification.verification;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.calibra.certification.BulkRun;
import org.calibra.certification.CredentialService;
import org.calibra.security.Role;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * A verifier's bulk verification in the page: each pasted line or uploaded file is read ({@link BulkInput}) and checked
 * on its own, exactly as the single checks are — and remembered like them, marked as one run — so one bad line never
 * costs the others their answer.
 */
@Service
@PreAuthorize("hasAnyRole('" + Role.VERIFIER_NAME + "', '" + Role.ADMIN_NAME + "')")
public class BulkVerification {

    private final CredentialService credentials;
    private final Clock clock;

    BulkVerification(CredentialService credentials, Clock clock) {
        this.credentials = credentials;
        this.clock = clock;
    }

    /** Reads the pasted text and files; refused whole (nothing checked) only when there are too many items. */
    public BulkInput.Parsed read(String pasted, List<BulkInput.UploadedFile> files) {
        return new BulkInput(credentials.shareUrl("")).parse(pasted, files);
    }

    public BulkResult check(List<BulkInput.Item> items) {
        if (items.size() > BulkInput.MAX_ITEMS) {
            throw new IllegalArgumentException("At most " + BulkInput.MAX_ITEMS + " items are checked at once; this list has " + items.size() + ".");
        }
        var run = BulkRun.of((int) items.stream().filter(i -> i.kind() != BulkInput.Kind.ERROR).count());
        var rows = new ArrayList<BulkResult.Row>(items.size());
        for (var item : items) {
            rows.add(switch (item.kind()) {
                case ID -> new BulkResult.Row(item.source(), item.given(), credentials.verifyId(item.value(), run), null);
                case CREDENTIAL -> new BulkResult.Row(item.source(), item.given(), credentials.verifyCredential(item.value(), run), null);
                case ERROR -> new BulkResult.Row(item.source(), item.given(), null, item.error());
            });
        }
        return new BulkResult(List.copyOf(rows), clock.instant());
    }
}
