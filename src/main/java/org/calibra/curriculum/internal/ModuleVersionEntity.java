package org.calibra.curriculum.internal;

import jakarta.persistence.*;

/** A module as one curriculum version defined it; never changed once written. */
@Entity
@Table(name = "module_version")
public class ModuleVersionEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "module_id")
    private ModuleEntity module;
    @Column(nullable = false)
    private int version;
    @Embedded
    private ModuleDefinition definition;

    protected ModuleVersionEntity() {
    }

    public ModuleVersionEntity(ModuleEntity module, int version, ModuleDefinition definition) {
        this.module = module;
        this.version = version;
        this.definition = definition.copy();
    }

    public ModuleEntity getModule() { return module; }
    public int getVersion() { return version; }
    public ModuleDefinition getDefinition() { return definition; }
}
