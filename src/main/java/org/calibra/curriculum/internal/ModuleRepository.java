package org.calibra.curriculum.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ModuleRepository extends JpaRepository<ModuleEntity, Long> {

    /** 1 when the module is live (not retired) in a curriculum of this institution, else 0. */
    @org.springframework.data.jpa.repository.Query("select count(m) from ModuleEntity m where m.id = ?1 and m.retired = false "
            + "and m.curriculum.institutionId = ?2")
    long countReadable(long moduleId, long institutionId);
}
