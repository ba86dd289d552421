package dev.omniid.core;

/**
 * The stable id of a profile. A profile keeps its id as touchpoints attach; when profiles merge,
 * the oldest id survives and the others stay valid as aliases of it.
 *
 * @param value a positive number, unique within a resolver
 */
public record ProfileId(long value) implements Comparable<ProfileId> {

  /**
   * Checks the number.
   *
   * @param value a positive number (else {@link OmniIdException.Reason#INVALID_VALUE})
   */
  public ProfileId {
    if (value <= 0) {
      throw new OmniIdException(OmniIdException.Reason.INVALID_VALUE, "profileId",
          "must be positive");
    }
  }

  /**
   * Parses the form printed by {@link #toString()}, {@code P-42}, or a bare number.
   *
   * @param text {@code P-} followed by a positive number, or the number alone; not null
   * @return the id
   * @throws OmniIdException with {@link OmniIdException.Reason#INVALID_VALUE} for any other text
   *     or a number that is not positive (the message does not quote the text)
   */
  public static ProfileId parse(String text) {
    String digits = text.startsWith("P-") ? text.substring(2) : text;
    try {
      return new ProfileId(Long.parseLong(digits));
    } catch (NumberFormatException e) {
      // The cause is left out: its message quotes the text, which may be anything a user typed.
      throw new OmniIdException(OmniIdException.Reason.INVALID_VALUE, "profileId",
          "must look like P-42");
    }
  }

  /**
   * The number's hash, {@link Long#hashCode(long)}: consecutive ids have consecutive hashes, which
   * the resolver's table of ids relies on to keep new ids close together.
   *
   * @return the hash
   */
  @Override
  public int hashCode() {
    return Long.hashCode(value);
  }

  @Override
  public int compareTo(ProfileId other) {
    return Long.compare(value, other.value);
  }

  @Override
  public String toString() {
    return "P-" + value;
  }
}
