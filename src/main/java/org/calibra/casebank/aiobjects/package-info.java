/**
 * AI results from the standard objects real AI products emit, mapped onto a case's images (ADR 0019): DICOM
 * segmentations (SEG: binary, fractional, label map), measurement reports (Comprehensive / Enhanced SR, TID 1500) and
 * heatmaps (8-bit grey PNG; DICOM secondary capture or parametric map). Plain Java on the codec ({@code org.calibra.dicom}):
 * no Spring, Vaadin or JPA, so the authoring pages, the command line and tests call it alike.
 *
 * <p>Entry points: {@link org.calibra.casebank.aiobjects.AiObjects} reads ({@code read}, {@code readAll},
 * {@code heatmap}) against the case's images ({@link org.calibra.casebank.aiobjects.CaseImage}, one per stack index) and
 * answers per file either a mapping ({@link org.calibra.casebank.aiobjects.AiObject}: regions with per-slice outlines and
 * marks, a case score, heatmaps) or every problem in words; {@link org.calibra.casebank.aiobjects.SegmentationWriter} and
 * {@link org.calibra.casebank.aiobjects.MeasurementReportWriter} write such objects (tests, demo content),
 * {@link org.calibra.casebank.aiobjects.DemoCtSeries} a tiny CT series for them to refer to.
 */
package org.calibra.casebank.aiobjects;
