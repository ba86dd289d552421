package dev.omniid.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A progress bar on a command's error writer that appears only once a task has run for
 * {@link #DELAY_NANOS}: short runs stay quiet, long ones show they are alive. On a terminal the
 * bar redraws in place; when stderr is a file or a pipe, a plain line is printed every ten seconds
 * instead, so logs stay readable. Not thread-safe.
 */
final class Progress {
  static final long DELAY_NANOS = 2_000_000_000L;
  private static final long LOG_EVERY_NANOS = 10_000_000_000L;
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final boolean terminal;
  private final long start = System.nanoTime();
  private long lastShown;
  private boolean shown;

  Progress(PrintWriter err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
  }

  /** On a command's error stream: redrawn in place when the JVM has a console. */
  static Progress to(PrintWriter err) {
    return new Progress(err, System.console() != null);
  }

  /** Reports {@code done} of {@code total} for the phase named {@code phase}. */
  synchronized void update(String phase, long done, long total) {
    long now = System.nanoTime();
    if (now - start < DELAY_NANOS || (terminal ? now - lastShown < 200_000_000L : now - lastShown < LOG_EVERY_NANOS && shown)) {
      return;
    }
    lastShown = now;
    shown = true;
    double fraction = total <= 0 ? 0 : Math.min(1, (double) done / total);
    int filled = (int) Math.round(fraction * WIDTH);
    String line = String.format(Locale.ROOT, "%-10s [%s%s] %3.0f%%  %.0f s", phase,
        "#".repeat(filled), "-".repeat(WIDTH - filled), fraction * 100, (now - start) / 1e9);
    if (terminal) {
      err.print("\r" + line);
    } else {
      err.println(line);
    }
    err.flush();
  }

  /** Clears the bar, if one was drawn, before the summary is printed. */
  synchronized void finish() {
    if (shown && terminal) {
      err.print("\r" + " ".repeat(WIDTH + 30) + "\r");
      err.flush();
    }
  }

  /** Seconds since the task started. */
  double seconds() {
    return (System.nanoTime() - start) / 1e9;
  }
}
