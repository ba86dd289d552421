package dev.omniid.connect;

import dev.omniid.core.OmniIdException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The PII-hygiene check shared by the property and fuzz tests: an exception message must not echo
 * the raw input. "Echo" means any run of six or more consecutive characters of the input appearing
 * in the message. Runs made only of ASCII letters, spaces, underscores and prose punctuation
 * ({@code , ; : . ( ) -}) are exempt, because the messages are English ("an unquoted field; kept
 * as text") and an input may contain those words; a run with a digit or an {@code @} (a phone,
 * an email) never is; so
 * are an {@link OmniIdException}'s field name and reason, which are fixed words too ("email",
 * "INVALID_VALUE": a fuzzer that learns them from the comparisons here puts them in its inputs).
 */
final class Leaks {
  /** The shortest run of the input that counts as an echo. */
  static final int WINDOW = 6;

  private Leaks() {}

  /** The first run of the input that the message echoes, if any. */
  static Optional<String> echo(String input, String message, String... fixedParts) {
    if (input == null || message == null || input.length() < WINDOW) {
      return Optional.empty();
    }
    for (String fixed : fixedParts) {
      if (!fixed.isEmpty()) {
        message = message.replace(fixed, "\uffff");
      }
    }
    for (int i = 0; i + WINDOW <= input.length(); i++) {
      String window = input.substring(i, i + WINDOW);
      if (!isWordLike(window) && message.contains(window)) {
        return Optional.of(window);
      }
    }
    return Optional.empty();
  }

  /**
   * Fails unless {@code reason} is one of a reader's {@code sentences}, whose only variable parts
   * are numbers (counts, column positions): then it carries no value of the input, and a count
   * that happens to be in a value is no echo.
   */
  static void assertOneOf(List<Pattern> sentences, String reason, long row) {
    if (sentences.stream().noneMatch(sentence -> sentence.matcher(reason).matches())) {
      throw new AssertionError("row " + row + ": a reason that is none of the reader's sentences: "
          + escape(reason));
    }
  }

  /** Fails with a description (never the whole input) when the message echoes the input. */
  static void assertNoEcho(String input, Throwable thrown, String context) {
    String message = thrown.getMessage();
    String[] fixed = thrown instanceof OmniIdException e
        ? new String[] {e.field(), e.reason().name()} : new String[0];
    echo(input, message, fixed).ifPresent(window -> {
      throw new AssertionError(context + ": " + thrown.getClass().getSimpleName()
          + " message echoes the input (run " + escape(window) + "): " + escape(message));
    });
  }

  private static boolean isWordLike(String window) {
    for (int i = 0; i < window.length(); i++) {
      char c = window.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || " _,;:.()-".indexOf(c) >= 0)) {
        return false;
      }
    }
    return true;
  }

  /** The string with non-printable characters as backslash escapes, for failure messages. */
  static String escape(String s) {
    StringBuilder out = new StringBuilder(Math.min(s.length(), 200) + 16);
    for (int i = 0; i < s.length() && i < 200; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x7f) {
        out.append(c);
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    return s.length() > 200 ? out + "...(" + s.length() + " chars)" : out.toString();
  }
}
