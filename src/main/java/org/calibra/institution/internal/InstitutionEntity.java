package org.calibra.institution.internal;

import jakarta.persistence.*;
import java.time.Instant;

@Entity
@Table(name = "institution")
public class InstitutionEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, unique = true, length = 80)
    private String slug;
    @Column(nullable = false, unique = true, length = 200)
    private String name;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected InstitutionEntity() {
    }

    public InstitutionEntity(String slug, String name, Instant createdAt) {
        this.slug = slug;
        this.name = name;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public String getSlug() { return slug; }
    public String getName() { return name; }
    public Instant getCreatedAt() { return createdAt; }

    public void rename(String name) {
        this.name = name;
    }
}
