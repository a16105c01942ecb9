package org.calibra.authoring;

import java.util.Set;
import org.calibra.authoring.internal.CaseDraftEntity;
import org.calibra.authoring.internal.CaseDraftRepository;
import org.calibra.casebank.DraftImageAccess;
import org.calibra.security.CurrentUser;
import org.calibra.security.Role;
import org.calibra.security.UserSummary;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may do what with cases and drafts (ADR 0021, docs/security.md): educators work on their own institution's drafts
 * and cases (and see the shared bundled library); admins on every institution's. A draft of another institution "does not
 * exist" for an educator. Approving needs a second person: nobody who created or saved a draft may approve it, unless
 * {@code calibra.authoring.allow-self-approval=true} (single-educator programmes; recorded as a self-approval).
 * Also the image door's rule for files only drafts use.
 */
@Component
class DraftAccess implements DraftImageAccess {

    private final CurrentUser currentUser;
    private final CaseDraftRepository drafts;
    private final boolean allowSelfApproval;

    DraftAccess(CurrentUser currentUser, CaseDraftRepository drafts,
                @Value("${calibra.authoring.allow-self-approval:false}") boolean allowSelfApproval) {
        this.currentUser = currentUser;
        this.drafts = drafts;
        this.allowSelfApproval = allowSelfApproval;
    }

    UserSummary me() {
        return currentUser.require();
    }

    boolean allowSelfApproval() {
        return allowSelfApproval;
    }

    static boolean staff(UserSummary u) {
        return u.role() == Role.ADMIN || u.role() == Role.EDUCATOR;
    }

    /** Drafts and cases of this institution: its educators, and admins. */
    static boolean worksFor(UserSummary u, long institutionId) {
        return u.role() == Role.ADMIN || (u.role() == Role.EDUCATOR && u.institutionId() == institutionId);
    }

    /** A case: the shared bundled library (no institution) or the educator's institution's; admins every case. */
    static boolean seesCase(UserSummary u, Long institutionId) {
        return staff(u) && (institutionId == null || worksFor(u, institutionId));
    }

    /** Changing a case (a draft of it, retiring it): not the shared library, whose content is the repository's — admins may retire it. */
    static boolean changesCase(UserSummary u, Long institutionId, boolean bundled) {
        return bundled ? u.role() == Role.ADMIN : institutionId != null && worksFor(u, institutionId);
    }

    /** Null when the user may approve; otherwise why not, in words. */
    String whyNotReviewer(UserSummary u, CaseDraftEntity d, Set<Long> contributors) {
        if (!worksFor(u, d.getInstitutionId())) {
            return "Only educators of the case's institution, and admins, review its drafts.";
        }
        if (contributors.contains(u.id()) && !allowSelfApproval) {
            return "You wrote or edited this draft, so a second educator of your institution must approve it"
                    + " (a programme with a single educator may allow self-approval: calibra.authoring.allow-self-approval).";
        }
        return null;
    }

    /** The draft, if the signed-in user may see it; otherwise "not found" (no hint that it exists). */
    CaseDraftEntity visible(CaseDraftEntity d) {
        if (d == null || !worksFor(me(), d.getInstitutionId())) {
            throw new DraftNotFound();
        }
        return d;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean mayView(String sha256) {
        var user = currentUser.get();
        if (user.isEmpty() || !staff(user.get()) || !sha256.matches("[0-9a-f]{64}")) {
            return false;
        }
        return drafts.findByFilesContaining(sha256).stream().anyMatch(d -> worksFor(user.get(), d.getInstitutionId()));
    }
}
