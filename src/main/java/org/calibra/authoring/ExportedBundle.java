package org.calibra.authoring;

/** A case as a bundle zip in the one format: {@code <id>/case.yaml} and the DICOM files and heatmaps it names. */
public record ExportedBundle(String fileName, byte[] zip) {}
