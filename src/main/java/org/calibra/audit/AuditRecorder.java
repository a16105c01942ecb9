package org.calibra.audit;

import java.util.HashMap;
import java.util.Map;
import org.calibra.certification.CertificateIssued;
import org.calibra.competency.ModulePassed;
import org.calibra.reading.ReadSubmitted;
import org.calibra.scoring.ReadScored;
import org.calibra.security.AccountEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the events of the other modules into the audit trail. The listeners are synchronous, so each entry is
 * appended inside the transaction that published the event: a read that rolls back leaves no entry either.
 */
@Component
class AuditRecorder {

    private final AuditLog log;

    AuditRecorder(AuditLog log) {
        this.log = log;
    }

    @EventListener
    void on(AccountEvent e) {
        Map<String, Object> details = new HashMap<>(e.details());
        if (e.actorId() != null) {
            details.put("by", e.actorId());
        }
        Long actor = e.actorId() != null ? e.actorId() : e.userId();
        log.append("account." + e.kind().name().toLowerCase(), actor, e.userId() == null ? null : "user:" + e.userId(), e.ip(), details);
    }

    @EventListener
    void on(org.calibra.institution.InstitutionChanged e) {
        log.append("institution." + e.kind().name().toLowerCase(), e.actorId(), "institution:" + e.institutionId(), null, new HashMap<>(e.details()));
    }

    @EventListener
    void on(ReadSubmitted e) {
        var r = e.read();
        log.append("read.submitted", r.userId(), "read:" + r.readId(), null, Map.of("attempt", r.attemptId(), "module", r.moduleId(),
                "caseVersion", r.caseVersionId(), "phase", r.phase().name(), "abnormal", r.assessmentAbnormal(), "diagnosis", r.diagnosis(),
                "marks", r.marks().size()));
    }

    @EventListener
    void on(ReadScored e) {
        log.append("read.scored", e.userId(), "read:" + e.readId(), null, Map.of("attempt", e.attemptId(), "module", e.moduleId(), "final", e.finalRead()));
    }

    @EventListener
    void on(ModulePassed e) {
        log.append("module.passed", e.userId(), "module:" + e.moduleId(), null, Map.of("attempt", e.attemptId(), "curriculum", e.curriculumId()));
    }

    /** A step in a case's life (ADR 0021): drafts created, sent for review or back, approved (self-approvals say so), published, retired. */
    @EventListener
    void on(org.calibra.authoring.CaseWorkflowChanged e) {
        Map<String, Object> details = new HashMap<>(e.details());
        if (e.draftId() != null) {
            details.put("draft", e.draftId());
        }
        log.append("case." + e.kind().name().toLowerCase(java.util.Locale.ROOT), e.actorId(), "case:" + e.slug(), null, details);
    }

    @EventListener
    void on(org.calibra.casebank.CaseReviewed e) {
        log.append("case." + (e.decision().equals("PUBLISHED") ? "published" : "rejected"), e.userId(), "case:" + e.slug() + "/v" + e.version(),
                null, Map.of("versionId", e.versionId()));
    }

    /** Who published which version of a curriculum and what changed, in words (ADR 0025); a file load has no actor. */
    @EventListener
    void on(org.calibra.curriculum.CurriculumPublished e) {
        log.append("curriculum.published", e.by(), "curriculum:" + e.slug() + "/v" + e.version(), null,
                Map.of("source", e.source(), "changes", e.changes()));
    }

    @EventListener
    void on(CertificateIssued e) {
        log.append("certificate.issued", e.userId(), "certificate:" + e.publicId(), null, Map.of("curriculum", e.curriculumId()));
    }
}
