package dev.omniid.core;

/**
 * Masks personal values for messages, logs and {@code toString}: enough to recognise a value
 * one already knows, not enough to learn it.
 */
final class Pii {
  private Pii() {}

  /** Masks any identifier value: emails as {@code a***@g***.com}, others keeping the ends. */
  static String mask(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    int at = value.lastIndexOf('@');
    if (at > 0 && at < value.length() - 1) {
      return maskEmail(value, at);
    }
    return maskKeepingEnds(value);
  }

  private static String maskEmail(String value, int at) {
    String local = value.substring(0, at);
    String domain = value.substring(at + 1);
    int dot = domain.lastIndexOf('.');
    String host = dot > 0 ? domain.substring(0, dot) : domain;
    String suffix = dot > 0 ? domain.substring(dot) : "";
    if (!suffix.matches("\\.(?:[A-Za-z]{2,24}|xn--[A-Za-z0-9-]{1,59})")) {
      // Not a top-level domain: "a@x.com 612 345 678" must not show the phone after the dot.
      suffix = "";
    }
    return firstCodePoint(local) + "***@" + firstCodePoint(host) + "***" + suffix;
  }

  /**
   * Keeps the first character (and a leading '+') and the last two, replacing every other
   * letter or digit by '*'; short values are masked whole.
   */
  private static String maskKeepingEnds(String value) {
    int[] cps = value.codePoints().toArray();
    if (cps.length <= 4) {
      return "*".repeat(cps.length);
    }
    int keepFront = cps[0] == '+' ? 2 : 1;
    if (cps[0] == '+' && cps.length > 3 && Character.isDigit(cps[1]) && Character.isDigit(cps[2])) {
      keepFront = 3;
    }
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < cps.length; i++) {
      boolean keep = i < keepFront || i >= cps.length - 2 || !Character.isLetterOrDigit(cps[i]);
      out.appendCodePoint(keep ? cps[i] : '*');
    }
    return out.toString();
  }

  private static String firstCodePoint(String s) {
    return s.isEmpty() ? "" : new String(Character.toChars(s.codePointAt(0)));
  }
}
