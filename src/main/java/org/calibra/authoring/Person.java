package org.calibra.authoring;

/** Who did something, as pages name them. */
public record Person(long id, String name) {}
