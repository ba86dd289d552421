package dev.omniid.core;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Holds what OmniID logs while a test provokes it on purpose, so that the test asserts on the
 * message instead of printing it: a build log that shows a stack trace for a listener broken on
 * purpose reads as a failure. OmniID logs through {@link System.Logger}, which the JDK routes to
 * {@code java.util.logging} when nothing else is installed; this attaches to the {@code dev.omniid}
 * logger, the parent of every logger OmniID uses, and keeps its records from the console until
 * {@link #close()}. Anything the library logs outside a capture still reaches the console, so an
 * unexpected warning stays visible.
 */
final class LogCapture implements AutoCloseable {
  // A strong reference: java.util.logging holds its loggers weakly, and a collected logger would
  // lose the handler and the settings made here.
  private static final Logger OMNIID = Logger.getLogger("dev.omniid");

  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord record) {
      records.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private final boolean parentHandlers;

  private LogCapture() {
    parentHandlers = OMNIID.getUseParentHandlers();
    handler.setLevel(Level.ALL);
    OMNIID.addHandler(handler);
    OMNIID.setUseParentHandlers(false);
  }

  /** Starts holding what OmniID logs, on every thread, until {@link #close()}. */
  static LogCapture start() {
    return new LogCapture();
  }

  /** Every record held so far, in the order they were logged. */
  List<LogRecord> records() {
    return List.copyOf(records);
  }

  /** The records held so far at {@code level}. */
  List<LogRecord> at(Level level) {
    return records.stream().filter(r -> r.getLevel().equals(level)).collect(Collectors.toList());
  }

  /** The messages held so far at {@code level}, in the order they were logged. */
  List<String> messages(Level level) {
    return at(level).stream().map(LogRecord::getMessage).collect(Collectors.toList());
  }

  @Override
  public void close() {
    OMNIID.removeHandler(handler);
    OMNIID.setUseParentHandlers(parentHandlers);
  }
}
