package org.calibra.authoring;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a draft's history: a saved revision and what it changed from the one before, or ({@code conflictCopy}) a
 * save refused because another came first — kept, with what it would have changed, until someone re-applies it.
 */
public record DraftRevision(long id, int revision, boolean conflictCopy, Person savedBy, Instant savedAt, List<Change> changes) {}
