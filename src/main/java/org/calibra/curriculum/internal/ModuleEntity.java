package org.calibra.curriculum.internal;

import jakarta.persistence.*;

/**
 * A module of a curriculum, with the latest version's definition. Modules dropped from the curriculum are retired,
 * not deleted: attempts point at them.
 */
@Entity
@Table(name = "curriculum_module")
public class ModuleEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "curriculum_id")
    private CurriculumEntity curriculum;
    @Column(nullable = false, length = 64)
    private String slug;
    @Embedded
    private ModuleDefinition definition;
    @Column(nullable = false)
    private boolean retired;

    protected ModuleEntity() {
    }

    public ModuleEntity(CurriculumEntity curriculum, String slug) {
        this.curriculum = curriculum;
        this.slug = slug;
    }

    /** Makes {@code definition} the module's current one (a copy is kept), and brings a retired module back. */
    public void define(ModuleDefinition definition) {
        this.definition = definition.copy();
        this.retired = false;
    }

    public void retire() { this.retired = true; }

    public Long getId() { return id; }
    public CurriculumEntity getCurriculum() { return curriculum; }
    public String getSlug() { return slug; }
    public ModuleDefinition getDefinition() { return definition; }
    public int getPosition() { return definition.getPosition(); }
    public boolean isRetired() { return retired; }
}
