package org.calibra.casebank.aiobjects;

/**
 * Who writes an AI object, for {@link SegmentationWriter} and {@link MeasurementReportWriter}: the series and the (here
 * fictional) product. UIDs are derived from {@code uidSeed}, so the same input gives the same bytes.
 */
public record AiSeries(String uidSeed, int seriesNumber, String seriesDescription, String manufacturer, String modelName,
                       String softwareVersion, String algorithmName, String algorithmVersion) {

    /** A fictional AI product, for tests and demo content. */
    public static AiSeries demo(String uidSeed, int seriesNumber, String seriesDescription) {
        return new AiSeries(uidSeed, seriesNumber, seriesDescription, "Calibra demo (fictional AI)", "NoduleFinder demo", "1.0",
                "NoduleFinder", "1.0");
    }
}
