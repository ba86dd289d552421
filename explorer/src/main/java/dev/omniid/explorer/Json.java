package dev.omniid.explorer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * A streaming JSON writer for data inlined in an HTML page. Besides what JSON requires, every
 * {@code <}, {@code >}, {@code &}, {@code '} and the line separators U+2028 and U+2029 are written
 * as {@code \\uXXXX} escapes, so that no customer value can close the script element that holds
 * the data ({@code </script>}), open a comment ({@code <!--}) or an entity: the page's text never
 * contains those characters from data at all, whatever the browser's parsing state. JSON.parse
 * reads the escapes back to the same strings.
 *
 * <p>Commas are placed by the writer: each value or name after the first in an array or object is
 * preceded by one. Not thread-safe.
 */
final class Json {
  private final Appendable out;
  // Whether the next value or name in each open array or object is its first; 64 levels deep.
  private long first = 1;
  private int depth;
  private boolean afterName;

  Json(Appendable out) {
    this.out = out;
  }

  Json beginObject() {
    separate();
    push();
    return raw('{');
  }

  Json endObject() {
    depth--;
    return raw('}');
  }

  Json beginArray() {
    separate();
    push();
    return raw('[');
  }

  Json endArray() {
    depth--;
    return raw(']');
  }

  /** A member's name; its value follows. */
  Json name(String name) {
    separate();
    string(name);
    raw(':');
    afterName = true;
    return this;
  }

  Json value(String s) {
    separate();
    if (s == null) {
      return raw("null");
    }
    return string(s);
  }

  Json value(long n) {
    separate();
    return raw(Long.toString(n));
  }

  /** A number; NaN and the infinities, which JSON lacks, are written as null. */
  Json value(double d) {
    separate();
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return raw("null");
    }
    // Six significant digits: a weight or a probability, not a measurement to the last bit.
    return raw(new BigDecimal(d).round(new MathContext(6)).stripTrailingZeros().toPlainString());
  }

  Json value(boolean b) {
    separate();
    return raw(b ? "true" : "false");
  }

  Json field(String name, String value) {
    return name(name).value(value);
  }

  Json field(String name, long value) {
    return name(name).value(value);
  }

  Json field(String name, double value) {
    return name(name).value(value);
  }

  Json field(String name, boolean value) {
    return name(name).value(value);
  }

  private void push() {
    if (depth == 63) {
      throw new IllegalStateException("JSON nested too deeply");
    }
    depth++;
    first |= 1L << depth;
  }

  private void separate() {
    if (afterName) {
      afterName = false;
      return;
    }
    if ((first & (1L << depth)) != 0) {
      first &= ~(1L << depth);
    } else {
      raw(',');
    }
  }

  private Json string(String s) {
    raw('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> raw("\\\"");
        case '\\' -> raw("\\\\");
        case '\n' -> raw("\\n");
        case '\r' -> raw("\\r");
        case '\t' -> raw("\\t");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\'' || c == '\u2028'
              || c == '\u2029' || Character.isSurrogate(c) && !validSurrogate(s, i)) {
            raw(String.format(Locale.ROOT, "\\u%04x", (int) (Character.isSurrogate(c)
                && !validSurrogate(s, i) ? 0xfffd : c)));
          } else {
            raw(c);
          }
        }
      }
    }
    return raw('"');
  }

  /** Whether the surrogate at {@code i} is half of a well-formed pair (a lone one is replaced). */
  private static boolean validSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }

  private Json raw(char c) {
    try {
      out.append(c);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  private Json raw(String s) {
    try {
      out.append(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }
}
