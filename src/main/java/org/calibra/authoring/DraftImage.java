package org.calibra.authoring;

/** One image of a draft's stack: a frame of a stored file, and its size in pixels (what coordinates refer to). */
public record DraftImage(int index, String file, String sha256, int frame, int rows, int columns) {}
