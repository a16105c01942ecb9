package org.calibra.authoring;

import java.util.List;
import java.util.Optional;
import org.calibra.authoring.internal.CaseDraftRepository;
import org.calibra.casebank.CaseService;
import org.calibra.casebank.CaseUploadService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Case authoring, review and publication (issue 13, ADR 0021) — the security boundary for educators and admins.
 * <ul>
 * <li><b>Drafts.</b> An upload becomes a draft, never a live case ({@link #upload}); a published case gets a draft of its
 * next version ({@link #editPublished}). A draft is saved revision by revision ({@link #save}), each save naming the
 * revision it was made on: when another came first the save is refused with what changed, field by field, and kept as a
 * copy that {@link #reapply} puts on top. Every save is validated with the loader's checks.</li>
 * <li><b>Review.</b> {@link #sendForReview} (no problem may be left) → a second educator of the institution
 * {@link #approve}s — which publishes the draft as the case's next immutable version — or {@link #sendBack}s it with a
 * comment. Authors never approve their own draft unless {@code calibra.authoring.allow-self-approval=true}.</li>
 * <li><b>Retirement.</b> {@link #retire} keeps a case out of new draws and tag pools; past reads, decision records and
 * certificates are untouched; {@link #unretire} takes it back.</li>
 * <li><b>One format.</b> Any case version or draft exports as a bundle zip that imports back to the same content.</li>
 * </ul>
 * Educators see and change their own institution's drafts and cases (and see the shared bundled library); admins every
 * institution's. Another institution's draft "does not exist" ({@link DraftNotFound}); a step that cannot be taken now
 * throws {@link DraftRefused} with why in words.
 */
@Service
@PreAuthorize("hasAnyRole('EDUCATOR','ADMIN')")
@Transactional
public class AuthoringService {

    private final CaseUploadService uploads;
    private final DraftEditing editing;
    private final DraftWorkflow workflow;
    private final CaseLibrary library;
    private final DraftAccess access;
    private final DraftMapping mapping;
    private final CaseDraftRepository drafts;
    private final CaseService cases;
    private final BundleZip zips;
    private final AiImport aiImport;
    private final DraftStarts starts;
    private final KeyImageCapture keyImages;

    AuthoringService(CaseUploadService uploads, DraftEditing editing, DraftWorkflow workflow, CaseLibrary library, DraftAccess access,
                     DraftMapping mapping, CaseDraftRepository drafts, CaseService cases, BundleZip zips, AiImport aiImport,
                     DraftStarts starts, KeyImageCapture keyImages) {
        this.keyImages = keyImages;
        this.aiImport = aiImport;
        this.starts = starts;
        this.uploads = uploads;
        this.editing = editing;
        this.workflow = workflow;
        this.library = library;
        this.access = access;
        this.mapping = mapping;
        this.drafts = drafts;
        this.cases = cases;
        this.zips = zips;
    }

    // ----- reading -----

    /** Every case the signed-in educator may see — the shared library and their institution's — with its state and open draft. */
    @Transactional(readOnly = true)
    public List<CaseOverview> library() {
        return library.library();
    }

    /** A case's page: its latest version's content, its versions (who, when, what changed), its open draft and review comments. */
    @Transactional(readOnly = true)
    public Optional<CaseDetails> caseDetails(String slug) {
        return library.details(slug);
    }

    @Transactional(readOnly = true)
    public Optional<CaseDraft> draft(long draftId) {
        return drafts.findById(draftId).filter(d -> DraftAccess.worksFor(access.me(), d.getInstitutionId())).map(mapping::draft);
    }

    /** The drafts in review of the educator's institution (every institution's for an admin), longest waiting first. */
    @Transactional(readOnly = true)
    public List<CaseDraft> reviewQueue() {
        return workflow.reviewQueue();
    }

    /** The review comments on the draft's case (all its drafts), oldest first. */
    @Transactional(readOnly = true)
    public List<ReviewComment> comments(long draftId) {
        return workflow.comments(draftId);
    }

    /** The draft's saved revisions, each with what it changed, and the copies of refused saves. */
    @Transactional(readOnly = true)
    public List<DraftRevision> history(long draftId) {
        return editing.history(draftId);
    }

    /** Whether the signed-in user may approve this draft: null when they may, otherwise why not, in words. */
    @Transactional(readOnly = true)
    public String whyNotReviewer(long draftId) {
        var d = access.visible(drafts.findById(draftId).orElse(null));
        return access.whyNotReviewer(access.me(), d, mapping.draft(d).contributors());
    }

    // ----- drafts -----

    public long maxUploadBytes() {
        return uploads.maxUploadBytes();
    }

    /**
     * A .zip of DICOM (any folder structure) becomes a draft: with its case.yaml, or with a skeleton whose TODO fields are
     * listed as problems to fix. De-identified before anything is stored; flagged images are marked for the reviewer. A
     * bundle exported from this installation comes back with the same files. Nothing is stored when a file is unusable
     * or the case.yaml cannot be read at all ({@link UploadResult#refused()}).
     */
    public UploadResult upload(String fileName, byte[] zip) {
        var prepared = uploads.prepare(fileName, zip);
        if (prepared.failed()) {
            return new UploadResult(null, prepared.problems(), prepared.report());
        }
        return editing.fromUpload(fileName, prepared);
    }

    /**
     * A draft of a new case from the synthetic generator, with what the educator chose in {@code form}: the generated images
     * stored like uploaded ones, the generator's exact lesions as truth, tagged synthetic; the secret seed is kept nowhere.
     * A form with problems throws {@link DraftRefused} naming every field, and nothing is generated or stored.
     */
    public CaseDraft generateSynthetic(SyntheticCaseForm form) {
        return starts.synthetic(form);
    }

    /** The series among the draft's stored images (number, modality, images), those of its current stack first, in order. */
    @Transactional(readOnly = true)
    public List<DraftSeries> series(long draftId) {
        return starts.series(draft(draftId).orElseThrow(DraftNotFound::new));
    }

    /**
     * Saves the stack the educator chose — which series, their order, and each series' image order — as the draft's images
     * list: a new revision (checked like every save; refused when another save came first). Every entry is checked to name
     * a stored file of the draft; a series the draft does not have, or one named twice, is refused with why in words.
     */
    public SaveOutcome saveStack(long draftId, int revision, List<StackOrder.Choice> choices) {
        return starts.saveStack(draft(draftId).orElseThrow(DraftNotFound::new), revision, choices);
    }

    /** The case's open draft, or a new draft of its next version seeded from its latest version (not for bundled cases). */
    public CaseDraft editPublished(String slug) {
        return editing.forNextVersion(slug);
    }

    /** Saves {@code content} as the next revision if {@code revision} is still the draft's; otherwise a conflict, nothing lost. */
    public SaveOutcome save(long draftId, int revision, DraftContent content) {
        return editing.save(draftId, revision, content);
    }

    /** Puts the changes of a refused save ({@code copyId}) on top of revision {@code revision} (the current one). */
    public SaveOutcome reapply(long draftId, long copyId, int revision) {
        return editing.reapply(draftId, copyId, revision);
    }

    public void discard(long draftId, int revision) {
        editing.discard(draftId, revision);
    }

    // ----- AI output -----

    /**
     * AI result files (DICOM SEG, TID 1500 SR, DICOM or PNG heatmaps) read against the draft's images, which they may name
     * by their original UIDs; what each gave, in words. Nothing is stored. {@code pngImage}: the image (from 0) a PNG
     * heatmap belongs to.
     */
    @Transactional(readOnly = true)
    public List<AiImportFile> readAiObjects(long draftId, List<org.calibra.casebank.aiobjects.AiFile> files, int pngImage) {
        var d = draft(draftId).orElseThrow(DraftNotFound::new);
        return AiImport.describe(aiImport.read(d, files, pngImage), d.stack().size());
    }

    /**
     * The chosen AI files added to the draft as the educator left it ({@code edited}), saved as one revision: their marks,
     * case score and heatmaps — or, when any of them cannot be added, nothing at all.
     */
    public SaveOutcome addAiObjects(long draftId, int revision, DraftContent edited, List<org.calibra.casebank.aiobjects.AiFile> files,
                                    int pngImage) {
        var d = draft(draftId).orElseThrow(DraftNotFound::new);
        var results = aiImport.read(d, files, pngImage);
        var refused = AiImport.describe(results, d.stack().size()).stream().filter(f -> !f.usable()).toList();
        if (files.isEmpty() || !refused.isEmpty()) {
            throw new DraftRefused(files.isEmpty() ? "Choose at least one AI file to add." : "Nothing was added: "
                    + String.join("; ", refused.stream().map(f -> f.fileName() + " cannot be added (" + String.join(" ", f.details()) + ")").toList()));
        }
        return editing.save(draftId, revision, aiImport.add(edited, results));
    }

    /**
     * A view captured in the viewer, added to the draft as the educator left it ({@code edited}) as a key image of image
     * {@code imageIndex}, saved as one revision (ADR 0024). Refused in words when the bytes are not a PNG of sane size.
     */
    public SaveOutcome addKeyImage(long draftId, int revision, DraftContent edited, byte[] png, int imageIndex) {
        var d = draft(draftId).orElseThrow(DraftNotFound::new);
        try {
            return editing.save(draftId, revision, keyImages.add(edited, png, imageIndex, d.stack().size()));
        } catch (IllegalArgumentException e) {
            throw new DraftRefused(e.getMessage());
        }
    }

    // ----- review and publication -----

    public CaseDraft sendForReview(long draftId, int revision) {
        return workflow.sendForReview(draftId, revision);
    }

    public CaseDraft sendBack(long draftId, int revision, String comment) {
        return workflow.sendBack(draftId, revision, comment);
    }

    public ReviewComment comment(long draftId, String text) {
        return workflow.comment(draftId, text);
    }

    /**
     * Approves the reviewed revision and publishes it as the case's next version. {@code flaggedImagesChecked}: the reviewer
     * looked at every image flagged for burned-in text; {@code note}: optional words kept with the approval.
     */
    public CaseDraft approve(long draftId, int revision, boolean flaggedImagesChecked, String note) {
        return workflow.approve(draftId, revision, flaggedImagesChecked, note);
    }

    public void retire(String slug) {
        workflow.retire(slug, true);
    }

    public void unretire(String slug) {
        workflow.retire(slug, false);
    }

    // ----- one format -----

    /** A case version as a bundle zip: case.yaml, its DICOM files and heatmaps. Shared library cases too. */
    @Transactional(readOnly = true)
    public ExportedBundle exportVersion(long versionId) {
        var me = access.me();
        var content = cases.content(versionId).filter(c -> DraftAccess.seesCase(me, c.institutionId())).orElseThrow(DraftNotFound::new);
        return new ExportedBundle(content.slug() + "-v" + content.version() + ".zip", zips.write(content.manifest(), content.files()));
    }

    /** A draft as a bundle zip, as it is now. */
    @Transactional(readOnly = true)
    public ExportedBundle exportDraft(long draftId) {
        var d = draft(draftId).orElseThrow(DraftNotFound::new);
        return new ExportedBundle(d.slug() + "-draft-" + d.id() + ".zip", zips.write(d.content().manifest(), d.content().files()));
    }
}
