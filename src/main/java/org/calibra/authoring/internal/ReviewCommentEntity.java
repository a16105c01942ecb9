package org.calibra.authoring.internal;

import jakarta.persistence.*;
import java.time.Instant;

/** A review comment on a case's draft: a plain comment, why it was sent back, or the approval. Never edited. */
@Entity
@Table(name = "case_review_comment")
public class ReviewCommentEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "draft_id", nullable = false)
    private long draftId;
    @Column(name = "case_slug", nullable = false, length = 64)
    private String caseSlug;
    @Column(name = "author_id", nullable = false)
    private long authorId;
    @Column(nullable = false, length = 16)
    private String kind;
    @Column(nullable = false, length = 10000)
    private String body;
    @Column(nullable = false)
    private int revision;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ReviewCommentEntity() {
    }

    public ReviewCommentEntity(long draftId, String caseSlug, long authorId, String kind, String body, int revision, Instant createdAt) {
        this.draftId = draftId;
        this.caseSlug = caseSlug;
        this.authorId = authorId;
        this.kind = kind;
        this.body = body;
        this.revision = revision;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public long getDraftId() { return draftId; }
    public String getCaseSlug() { return caseSlug; }
    public long getAuthorId() { return authorId; }
    public String getKind() { return kind; }
    public String getBody() { return body; }
    public int getRevision() { return revision; }
    public Instant getCreatedAt() { return createdAt; }
}
