package org.calibra.viewer;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A point in image pixels (column, row; (0, 0) is the top-left corner of the first pixel). JSON: {@code [x, y]}. */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
@JsonPropertyOrder({"x", "y"})
public record ViewerPoint(double x, double y) {
}
