/**
 * A focused DICOM codec (ADR 0012): a dictionary-driven reader for Part 10 files in every transfer syntax
 * Calibra accepts, a data set model, and a writer that emits explicit VR little endian (keeping the original
 * transfer syntax for encapsulated, i.e. compressed, pixel data). Plain Java: no Spring, no Vaadin, so the
 * command-line importer uses it too. {@code deid} holds the de-identifier built on it.
 */
package org.calibra.dicom;
