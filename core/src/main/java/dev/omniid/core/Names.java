package dev.omniid.core;

import java.util.Objects;
import java.util.regex.Pattern;

/** Validation shared by the open-set name types ({@link Channel}, {@link EventKind}, ...). */
final class Names {
  private static final Pattern TOKEN = Pattern.compile("[a-z0-9][a-z0-9_.:-]{0,63}");
  /**
   * A token in any ASCII case. Checked before folding: {@code toLowerCase} would fold the Kelvin
   * sign to {@code k} and let a name in through a character nobody typed as a letter.
   */
  private static final Pattern ANY_CASE_TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");

  private Names() {}

  /** Returns the name if it is a lower-case token; the message names the kind, not the value. */
  static String requireToken(String name, String what) {
    Objects.requireNonNull(name, what);
    if (!TOKEN.matcher(name).matches()) {
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
    if (!ANY_CASE_TOKEN.matcher(name).matches()) {
      throw new OmniIdException(OmniIdException.Reason.INVALID_VALUE, what,
          "must be 1-64 characters of [A-Za-z0-9_.:-] starting with a letter or digit"
              + " (letters are folded to lower case)");
    }
    return name.toLowerCase(java.util.Locale.ROOT);
  }
}
