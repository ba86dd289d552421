package dev.omniid.core;

import java.util.Objects;
import java.util.regex.Pattern;

/** Validation shared by the open-set name types ({@link Channel}, {@link EventKind}, ...). */
final class Names {
  private static final Pattern TOKEN = Pattern.compile("[a-z0-9][a-z0-9_.:-]{0,63}");

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
}
