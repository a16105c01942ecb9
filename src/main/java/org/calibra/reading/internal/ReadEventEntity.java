package org.calibra.reading.internal;

import jakarta.persistence.*;
import java.time.Instant;

/** One step of a reading session, stored with the read and, like it, never changed. */
@Entity
@org.hibernate.annotations.Immutable
@Table(name = "read_event")
public class ReadEventEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "read_id")
    private TraineeRead read;
    @Column(nullable = false)
    private int seq;
    @Column(nullable = false)
    private Instant at;
    @Column(nullable = false, length = 40)
    private String kind;
    @Column(name = "mark_key", length = 64)
    private String markKey;
    @Column(length = 2000)
    private String detail;

    protected ReadEventEntity() {
    }

    public ReadEventEntity(TraineeRead read, int seq, Instant at, String kind, String markKey, String detail) {
        this.read = read;
        this.seq = seq;
        this.at = at;
        this.kind = kind;
        this.markKey = markKey;
        this.detail = detail;
    }

    public int getSeq() { return seq; }
    public Instant getAt() { return at; }
    public String getKind() { return kind; }
    public String getMarkKey() { return markKey; }
    public String getDetail() { return detail; }
}
