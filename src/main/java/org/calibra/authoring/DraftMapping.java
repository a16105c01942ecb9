package org.calibra.authoring;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.calibra.authoring.internal.CaseDraftEntity;
import org.calibra.authoring.internal.DraftRevisionEntity;
import org.calibra.authoring.internal.DraftRevisionRepository;
import org.calibra.authoring.internal.ReviewCommentEntity;
import org.calibra.casebank.PreparedUpload;
import org.calibra.casebank.content.CaseManifest;
import org.calibra.casebank.content.CaseManifests;
import org.calibra.security.UserService;
import org.calibra.shared.JsonText;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;

/** Drafts, revisions and comments as records (views never hold entities), and their JSON columns. */
@Component
class DraftMapping {

    private static final TypeReference<Map<String, String>> FILES = new TypeReference<>() {};
    private static final TypeReference<List<PreparedUpload.Flag>> FLAGS = new TypeReference<>() {};

    /** The validation column: what the last check found. */
    record Stored(List<DraftProblem> problems, List<DraftImage> stack) {}

    private final UserService users;
    private final DraftRevisionRepository revisions;

    DraftMapping(UserService users, DraftRevisionRepository revisions) {
        this.users = users;
        this.revisions = revisions;
    }

    CaseDraft draft(CaseDraftEntity d) {
        var stored = JsonText.read(d.getValidation(), Stored.class);
        var content = content(d.getManifest(), d.getFiles());
        Set<Long> contributors = new LinkedHashSet<>();
        contributors.add(d.getAuthorId());
        contributors.addAll(revisions.findSaversOf(d.getId()));
        return new CaseDraft(d.getId(), d.getCaseSlug(), d.getInstitutionId(), DraftState.valueOf(d.getState()), d.getSource(),
                d.getBaseVersionId(), d.getRevision(), content, stored.problems(), flagged(d.getFlagged(), stored.stack()), stored.stack(),
                d.getDeidReport(), person(d.getAuthorId()), d.getCreatedAt(), person(d.getUpdatedBy()), d.getUpdatedAt(),
                d.getSubmittedBy() == null ? null : person(d.getSubmittedBy()), d.getSubmittedAt(), Set.copyOf(contributors),
                d.getPublishedVersionId());
    }

    ReviewComment comment(ReviewCommentEntity c) {
        return new ReviewComment(c.getId(), c.getDraftId(), person(c.getAuthorId()), c.getCreatedAt(), ReviewComment.Kind.valueOf(c.getKind()),
                c.getBody(), c.getRevision());
    }

    DraftContent content(DraftRevisionEntity r) {
        return content(r.getManifest(), r.getFiles());
    }

    static DraftContent content(String manifestYaml, String filesJson) {
        var read = CaseManifests.read("draft", manifestYaml.getBytes(StandardCharsets.UTF_8));
        if (!read.readable()) {
            throw new IllegalStateException("a stored draft cannot be read: " + read.problems());
        }
        return new DraftContent(read.manifest(), JsonText.read(filesJson, FILES));
    }

    static String manifestText(CaseManifest m) {
        return new String(CaseManifests.write(m), StandardCharsets.UTF_8);
    }

    static String filesJson(Map<String, String> files) {
        return JsonText.write(new LinkedHashMap<>(files));
    }

    static String flagsJson(List<PreparedUpload.Flag> flags) {
        return JsonText.write(flags);
    }

    static String validationJson(DraftChecks.Validation v) {
        return JsonText.write(new Stored(v.problems(), v.stack()));
    }

    /** Each flagged file with the stack positions it fills. */
    static List<FlaggedImage> flagged(String json, List<DraftImage> stack) {
        List<FlaggedImage> out = new ArrayList<>();
        for (var f : JsonText.read(json, FLAGS)) {
            out.add(new FlaggedImage(f.file(), f.reason(), stack.stream().filter(i -> f.file().equals(i.file())).map(DraftImage::index).toList()));
        }
        return out;
    }

    Person person(long id) {
        return new Person(id, users.findById(id).map(u -> u.displayName()).orElse("user " + id));
    }
}
