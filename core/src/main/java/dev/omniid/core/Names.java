package dev.omniid.core;

import java.util.Objects;

/** Validation shared by the open-set name types ({@link Channel}, {@link EventKind}, ...). */
final class Names {
  /**
   * Whether {@code name} is a token: 1-64 characters of {@code [a-z0-9_.:-]} starting with a
   * letter or digit, upper-case ASCII letters allowed too when {@code anyCase}. A loop rather than
   * a regex: every attribute key of every touchpoint read back from a journal is checked, and the
   * matcher was a tenth of a restart. Checked before folding: {@code toLowerCase} would fold the
   * Kelvin sign to {@code k} and let a name in through a character nobody typed as a letter.
   */
  static boolean isToken(String name, boolean anyCase) {
    int n = name.length();
    if (n == 0 || n > 64) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = name.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || (anyCase && c >= 'A' && c <= 'Z')
          || (i > 0 && (c == '_' || c == '.' || c == ':' || c == '-'));
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private Names() {}

  /** Returns the name if it is a lower-case token; the message names the kind, not the value. */
  static String requireToken(String name, String what) {
    Objects.requireNonNull(name, what);
    if (!isToken(name, false)) {
      throw new OmniIdException(OmniIdException.Reason.INVALID_VALUE, what,
          "must be 1-64 characters of [a-z0-9_.:-] starting with a letter or digit");
    }
    return name;
  }

  /**
   * Returns the canonical, lower-case ({@link java.util.Locale#ROOT}) form of a name given in any
   * ASCII case: {@code "WhatsApp"} is {@code "whatsapp"}. Canonical names are returned as given,
   * so folding twice gives what folding once does. The message names the kind, not the value.
   */
  static String canonicalToken(String name, String what) {
    Objects.requireNonNull(name, what);
    if (!isToken(name, true)) {
      throw new OmniIdException(OmniIdException.Reason.INVALID_VALUE, what,
          "must be 1-64 characters of [A-Za-z0-9_.:-] starting with a letter or digit"
              + " (letters are folded to lower case)");
    }
    return name.toLowerCase(java.util.Locale.ROOT);
  }
}
