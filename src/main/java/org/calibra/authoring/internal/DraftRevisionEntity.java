package org.calibra.authoring.internal;

import jakarta.persistence.*;
import java.time.Instant;

/** One saved revision of a draft, or (CONFLICT_COPY) a save refused because another came first, kept so nothing is lost. */
@Entity
@Table(name = "case_draft_revision")
public class DraftRevisionEntity {

    public static final String SAVED = "SAVED";
    public static final String CONFLICT_COPY = "CONFLICT_COPY";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "draft_id", nullable = false)
    private long draftId;
    /** SAVED: the revision this content became; CONFLICT_COPY: the revision the refused save was made on. */
    @Column(nullable = false)
    private int revision;
    @Column(nullable = false, length = 16)
    private String kind;
    @Column(nullable = false, length = 1000000)
    private String manifest;
    @Column(nullable = false, length = 1000000)
    private String files;
    @Column(name = "saved_by", nullable = false)
    private long savedBy;
    @Column(name = "saved_at", nullable = false)
    private Instant savedAt;

    protected DraftRevisionEntity() {
    }

    public DraftRevisionEntity(long draftId, int revision, String kind, String manifest, String files, long savedBy, Instant savedAt) {
        this.draftId = draftId;
        this.revision = revision;
        this.kind = kind;
        this.manifest = manifest;
        this.files = files;
        this.savedBy = savedBy;
        this.savedAt = savedAt;
    }

    public Long getId() { return id; }
    public long getDraftId() { return draftId; }
    public int getRevision() { return revision; }
    public String getKind() { return kind; }
    public String getManifest() { return manifest; }
    public String getFiles() { return files; }
    public long getSavedBy() { return savedBy; }
    public Instant getSavedAt() { return savedAt; }
}
