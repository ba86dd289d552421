package dev.omniid.cli;

/**
 * A problem that stops a command before or while it runs: a bad mapping, a missing column, a file
 * that cannot be read or written. The CLI prints its message as one line, without a stack trace,
 * and exits with {@link #USAGE} (2). The message names the file, key or column, never a customer
 * value.
 */
final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Exit code for usage, mapping and file problems. */
  static final int USAGE = 2;

  CliException(String message) {
    super(message);
  }

  CliException(String message, Throwable cause) {
    super(message, cause);
  }
}
