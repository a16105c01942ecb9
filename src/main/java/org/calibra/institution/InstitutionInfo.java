package org.calibra.institution;

/** An institution as other modules see it: the slug is stable (content refers to it), the name can be changed. */
public record InstitutionInfo(long id, String slug, String name) {}
