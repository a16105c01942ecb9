package org.calibra.authoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.calibra.authoring.internal.CaseDraftEntity;
import org.calibra.authoring.internal.CaseDraftRepository;
import org.calibra.casebank.CaseImportService;
import org.calibra.casebank.CaseService;
import org.calibra.casebank.content.CaseBundleReader;
import org.calibra.casebank.content.CaseManifests;
import org.calibra.shared.content.ContentProblem;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Every check a draft must pass before review and publication, all at once: the loader's own (schema, files, image stack,
 * cross-checks — {@link CaseImportService#checkStored}), the placeholders an import left ("TODO", "todo-…"), and whether
 * its id is free: not a case of the repository, not another institution's, not another open draft's, and never changed
 * for a case that is already published.
 */
@Component
class DraftChecks {

    /** What a validation found, as the draft keeps it. */
    record Validation(List<DraftProblem> problems, List<DraftImage> stack) {}

    private final CaseImportService imports;
    private final CaseService cases;
    private final CaseDraftRepository drafts;

    DraftChecks(CaseImportService imports, CaseService cases, CaseDraftRepository drafts) {
        this.imports = imports;
        this.cases = cases;
        this.drafts = drafts;
    }

    /**
     * @param draftId        null for a draft being created
     * @param baseVersionId  the published version the draft continues, or null for a new case
     */
    Validation validate(Long draftId, Long baseVersionId, String baseSlug, long institutionId, DraftContent content) {
        var m = content.manifest();
        String display = "draft of " + (m.id() == null ? baseSlug : m.id());
        var checked = imports.checkStored(display, CaseManifests.write(m), content.files());
        List<ContentProblem> found = new ArrayList<>(idProblems(draftId, baseVersionId, baseSlug, institutionId, m.id(), display));
        found.addAll(checked.problems());
        placeholders("", CaseManifests.tree(m), display, found);
        List<DraftProblem> problems = found.stream().map(p -> inWords(p, display, m)).distinct().toList();
        return new Validation(problems, checked.stack().stream().map(i -> new DraftImage(i.index(), i.file(), i.sha256(), i.frame(), i.rows(),
                i.columns())).toList());
    }

    private List<ContentProblem> idProblems(Long draftId, Long baseVersionId, String baseSlug, long institutionId, String id, String display) {
        String file = display + "/" + CaseBundleReader.MANIFEST;
        List<ContentProblem> out = new ArrayList<>();
        if (id == null) {
            return out; // the schema says it is missing
        }
        if (baseVersionId != null && !id.equals(baseSlug)) {
            out.add(new ContentProblem(file, "id", "the id of a published case cannot change (it stays '" + baseSlug + "'); to make a new case"
                    + " from this one, export it and import the bundle under a new id"));
            return out;
        }
        cases.history(id).ifPresent(h -> {
            if (h.bundled()) {
                out.add(new ContentProblem(file, "id", "'" + id + "' is a case of the repository's cases/ folder, which is changed there;"
                        + " give this case another id"));
            } else if (h.institutionId() != null && h.institutionId() != institutionId) {
                out.add(new ContentProblem(file, "id", "'" + id + "' is another institution's case; give this case another id"));
            } else if (baseVersionId == null && !h.versions().isEmpty()) {
                out.add(new ContentProblem(file, "id", "'" + id + "' is already a case of your institution; give this case another id"
                        + " (to change that case, open it and choose Edit)"));
            }
        });
        drafts.findByCaseSlugAndStateIn(id, List.of(CaseDraftEntity.DRAFT, CaseDraftEntity.IN_REVIEW)).stream()
                .filter(d -> !Objects.equals(d.getId(), draftId)).findFirst()
                .ifPresent(d -> out.add(new ContentProblem(file, "id", "another draft of '" + id + "' is open (draft " + d.getId()
                        + "); finish or discard it, or give this case another id")));
        return out;
    }

    /** What an import left for an educator to fill: texts saying TODO, and placeholder slugs ("todo-finding"). */
    private static void placeholders(String path, JsonNode node, String display, List<ContentProblem> out) {
        String file = display + "/" + CaseBundleReader.MANIFEST;
        if (node.isObject()) {
            for (String key : node.propertyNames()) {
                placeholders(path.isEmpty() ? key : path + "." + key, node.get(key), display, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                placeholders(path + "[" + i + "]", node.get(i), display, out);
            }
        } else if (node.isString() && node.asString().contains("TODO")) {
            out.add(new ContentProblem(file, path, "still says TODO: write it (docs/content-format.md explains each field)"));
        } else if (node.isString() && node.asString().startsWith("todo-")) {
            out.add(new ContentProblem(file, path, "'" + node.asString() + "' is a placeholder: replace it with a real one"));
        }
    }

    /** A problem of the manifest named by its field in words; a problem of a file named by the file. */
    static DraftProblem inWords(ContentProblem p, String display, org.calibra.casebank.content.CaseManifest m) {
        String manifest = display + "/" + CaseBundleReader.MANIFEST;
        if (p.file().equals(manifest) || p.file().equals(display)) {
            return new DraftProblem(p.field(), FieldWords.of(p.field(), m), p.message());
        }
        String name = p.file().startsWith(display + "/") ? p.file().substring(display.length() + 1) : p.file();
        return new DraftProblem(name, "File " + name + (p.field() == null || p.field().isEmpty() ? "" : ", " + p.field()), p.message());
    }
}
