package org.calibra.casebank.aiobjects;

/** A numeric measurement of a report's measurement group that is not its probability, e.g. Long axis 12.5 mm. */
public record Measurement(Code concept, double value, Code unit) {

    public String words() {
        String u = unit == null ? "" : unit.value().equals("1") ? "" : " " + unit.value();
        return concept.words() + " " + org.calibra.dicom.Vrs.decimalString(Math.round(value * 1000) / 1000.0) + u;
    }
}
