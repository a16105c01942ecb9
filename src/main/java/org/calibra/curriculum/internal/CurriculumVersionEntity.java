package org.calibra.curriculum.internal;

import jakarta.persistence.*;
import java.time.Instant;

/** One published version of a curriculum: who, when, from where, what changed, and the manifest. Never changed, except
 * that a version from before V16 gets its manifest filled in once from the unchanged file. */
@Entity
@Table(name = "curriculum_version")
public class CurriculumVersionEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "curriculum_id", nullable = false)
    private long curriculumId;
    @Column(nullable = false)
    private int version;
    @Column(name = "published_at", nullable = false)
    private Instant publishedAt;
    /** Null: loaded from a curricula/ file. */
    @Column(name = "published_by")
    private Long publishedBy;
    @Column(nullable = false, length = 300)
    private String source;
    @Column(length = 1000000)
    private String manifest;
    /** JSON list of the changes in words. */
    @Column(nullable = false, length = 100000)
    private String changes;

    protected CurriculumVersionEntity() {
    }

    public CurriculumVersionEntity(long curriculumId, int version, Instant publishedAt, Long publishedBy, String source, String manifest,
                                   String changes) {
        this.curriculumId = curriculumId;
        this.version = version;
        this.publishedAt = publishedAt;
        this.publishedBy = publishedBy;
        this.source = source;
        this.manifest = manifest;
        this.changes = changes;
    }

    public void fillInManifest(String manifest) {
        if (this.manifest == null) {
            this.manifest = manifest;
        }
    }

    public long getCurriculumId() { return curriculumId; }
    public int getVersion() { return version; }
    public Instant getPublishedAt() { return publishedAt; }
    public Long getPublishedBy() { return publishedBy; }
    public String getSource() { return source; }
    public String getManifest() { return manifest; }
    public String getChanges() { return changes; }
}
