package org.calibra.institution;

import java.util.Map;

/** Published when an institution is created or renamed, for the audit trail. {@code actorId} null: the system. */
public record InstitutionChanged(Kind kind, long institutionId, Long actorId, Map<String, String> details) {
    public enum Kind { CREATED, RENAMED }

    public InstitutionChanged {
        details = Map.copyOf(details);
    }
}
