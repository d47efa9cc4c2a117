package io.convopt.report.plot;

/** Marker shapes; several shapes let start/end/optimum markers differ without relying on colour. */
public enum MarkerShape {
  CIRCLE,
  SQUARE,
  TRIANGLE,
  DIAMOND,
  STAR,
  CROSS
}
