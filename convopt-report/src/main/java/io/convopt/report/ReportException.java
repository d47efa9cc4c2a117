package io.convopt.report;

/** Raised when the report cannot be built: unreadable input, malformed tables, I/O failures. */
public class ReportException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ReportException(String message) {
    super(message);
  }

  public ReportException(String message, Throwable cause) {
    super(message, cause);
  }
}
