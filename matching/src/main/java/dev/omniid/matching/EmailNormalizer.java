package dev.omniid.matching;

import dev.omniid.core.Normalizer;
import dev.omniid.core.OmniIdException;
import dev.omniid.core.OmniIdException.Reason;
import java.net.IDN;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Normalizes email addresses to the form that identifies a mailbox.
 *
 * <ol>
 *   <li>Strips {@code mailto:} and a display name: {@code "Ana Pérez" <Ana@X.com>} becomes
 *       {@code ana@x.com}.
 *   <li>Lower-cases (mailbox providers ignore case in practice) and validates practically: one
 *       {@code @}; a local part of 1–64 characters without spaces, control characters, leading,
 *       trailing or doubled dots; a domain of at least two labels of letters, digits and hyphens.
 *       Unicode domains are converted to their ASCII (punycode) form, so {@code correo.españa.es}
 *       and {@code correo.xn--espaa-rta.es} compare equal; Unicode local parts are kept.
 *   <li>Corrects frequent domain typos: a listed misspelling ({@code gmial.com}, {@code gmail.con})
 *       or a domain one edit away from a well-known provider with the same suffix
 *       ({@code hotmal.com}); a domain that is itself well known is never changed, nor is an
 *       unknown one that is merely different.
 *   <li>Applies provider rules: Gmail ignores dots and {@code +tags} and {@code googlemail.com} is
 *       {@code gmail.com}; the providers in {@link Builder#plusTagDomains} ignore {@code +tags}
 *       (defaults: Outlook/Hotmail/Live, iCloud, Proton, Fastmail). Yahoo's disposable
 *       {@code -suffix} addresses are real separate aliases and are kept.
 * </ol>
 *
 * Invalid values throw {@link OmniIdException} ({@code INVALID_VALUE}) without the value.
 * Idempotent; immutable and thread-safe.
 */
public final class EmailNormalizer implements Normalizer {
  private static final Set<String> DEFAULT_PLUS_TAG_DOMAINS = Set.of("gmail.com", "outlook.com",
      "outlook.es", "hotmail.com", "hotmail.es", "hotmail.co.uk", "hotmail.fr", "hotmail.it",
      "live.com", "live.com.mx", "live.com.ar", "msn.com", "icloud.com", "me.com", "mac.com",
      "protonmail.com", "proton.me", "pm.me", "fastmail.com");
  private static final String SPECIALS = "!#$%&'*+/=?^_`{|}~.-";
  private static final EmailNormalizer STANDARD = newBuilder().build();

  private final Set<String> providers;
  private final Map<String, String> typos;
  private final Set<String> plusTagDomains;

  private EmailNormalizer(Builder b) {
    this.providers = Set.copyOf(b.providers);
    this.typos = Map.copyOf(b.typos);
    this.plusTagDomains = Set.copyOf(b.plusTagDomains);
  }

  /**
   * The normalizer with the shipped provider and typo lists.
   *
   * @return a shared immutable normalizer
   */
  public static EmailNormalizer standard() {
    return STANDARD;
  }

  /**
   * Starts a configuration from the shipped lists.
   *
   * @return a builder holding the shipped providers, typos and {@code +tag} domains, to change
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  @Override
  public String normalize(String value) {
    Objects.requireNonNull(value, "value");
    String s = value.strip();
    if (s.regionMatches(true, 0, "mailto:", 0, 7)) {
      s = s.substring(7).strip();
    }
    int open = s.lastIndexOf('<');
    if (open >= 0) {
      int close = s.indexOf('>', open);
      if (close < 0 || !s.substring(close + 1).isBlank()) {
        throw invalid("has an unclosed or misplaced <...> around the address");
      }
      s = s.substring(open + 1, close).strip();
    }
    s = s.toLowerCase(Locale.ROOT);
    int at = s.indexOf('@');
    if (at < 0 || at != s.lastIndexOf('@')) {
      throw invalid("needs exactly one @");
    }
    String local = s.substring(0, at);
    String domain = asciiDomain(s.substring(at + 1));
    checkLocal(local);
    domain = correctDomain(domain);
    if (domain.equals("googlemail.com")) {
      domain = "gmail.com";
    }
    if (plusTagDomains.contains(domain)) {
      int plus = local.indexOf('+');
      if (plus == 0) {
        throw invalid("has nothing before its +tag");
      }
      if (plus > 0) {
        local = local.substring(0, plus);
        // "ana.+tag": what is left must be a valid local part itself, or the returned address
        // would be refused when normalized again (not idempotent).
        checkLocal(local);
      }
    }
    if (domain.equals("gmail.com")) {
      local = local.replace(".", "");
      if (local.isEmpty()) {
        throw invalid("has an empty local part");
      }
    }
    return local + "@" + domain;
  }

  private static void checkLocal(String local) {
    if (local.isEmpty() || local.length() > 64) {
      throw invalid("local part must have 1 to 64 characters");
    }
    if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
      throw invalid("local part has a leading, trailing or doubled dot");
    }
    for (int i = 0; i < local.length(); ) {
      int cp = local.codePointAt(i);
      boolean ok = Character.isLetterOrDigit(cp) || (cp < 128 && SPECIALS.indexOf(cp) >= 0)
          || (cp >= 128 && !Character.isWhitespace(cp) && !Character.isISOControl(cp)
              && Character.getType(cp) != Character.FORMAT);
      if (!ok) {
        throw invalid("local part has a character not allowed at index " + i);
      }
      i += Character.charCount(cp);
    }
  }

  private static String asciiDomain(String domain) {
    if (domain.isEmpty() || domain.length() > 253) {
      throw invalid("domain must have 1 to 253 characters");
    }
    String ascii;
    try {
      ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw invalid("domain is not a valid host name");
    }
    if (ascii.length() > 253) {
      // Punycode lengthens a Unicode domain: the bound holds for the form returned, or the
      // returned address would be refused when normalized again (not idempotent).
      throw invalid("domain must have 1 to 253 characters");
    }
    String[] labels = ascii.split("\\.", -1);
    if (labels.length < 2) {
      throw invalid("domain needs a dot");
    }
    for (String label : labels) {
      if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
        throw invalid("domain has an empty, long or hyphen-edged label");
      }
    }
    String tld = labels[labels.length - 1];
    if (tld.length() < 2 || !(tld.chars().allMatch(Character::isLetter) || tld.startsWith("xn--"))) {
      throw invalid("domain's last label is not a top-level domain");
    }
    return ascii;
  }

  private String correctDomain(String domain) {
    if (providers.contains(domain)) {
      return domain;
    }
    String listed = typos.get(domain);
    if (listed != null) {
      return listed;
    }
    String best = null;
    for (String provider : providers) {
      if (provider.length() >= 8 && oneEditApart(domain, provider) && sameSuffix(domain, provider)) {
        if (best != null) {
          return domain;  // ambiguous: two providers are one edit away
        }
        best = provider;
      }
    }
    return best == null ? domain : best;
  }

  /** The part after the first label: a typo in "gmial.com" must keep ".com". */
  private static boolean sameSuffix(String a, String b) {
    return a.substring(a.indexOf('.')).equals(b.substring(b.indexOf('.')));
  }

  /** Damerau: one substitution, insertion, deletion or adjacent transposition. */
  static boolean oneEditApart(String a, String b) {
    if (a.equals(b) || Math.abs(a.length() - b.length()) > 1) {
      return false;
    }
    int i = 0;
    while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    if (a.length() == b.length()) {
      if (a.substring(i + 1).equals(b.substring(i + 1))) {
        return true;
      }
      return i + 1 < a.length() && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
          && a.substring(i + 2).equals(b.substring(i + 2));
    }
    String longer = a.length() > b.length() ? a : b;
    String shorter = longer == a ? b : a;
    return longer.substring(i + 1).equals(shorter.substring(i));
  }

  private static OmniIdException invalid(String detail) {
    return new OmniIdException(Reason.INVALID_VALUE, "email", detail);
  }

  @Override
  public String toString() {
    return "EmailNormalizer[" + providers.size() + " providers, " + typos.size() + " typos]";
  }

  /** Configures an {@link EmailNormalizer}. Not thread-safe. */
  public static final class Builder {
    private final Set<String> providers = new HashSet<>(ReferenceData.lines("email-providers.txt"));
    private final Map<String, String> typos = new HashMap<>();
    private final Set<String> plusTagDomains = new HashSet<>(DEFAULT_PLUS_TAG_DOMAINS);

    private Builder() {
      for (String line : ReferenceData.lines("email-typos.txt")) {
        int eq = line.indexOf('=');
        typos.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
      }
    }

    /**
     * Replaces the domains whose mailboxes ignore a {@code +tag}.
     *
     * @param domains the domains, any case (lower-cased here); not null, no null element. The
     *     default set includes {@code gmail.com}: leave it out and Gmail's {@code +tags} are kept
     *     (its dots are still dropped)
     * @return this builder
     */
    public Builder plusTagDomains(Set<String> domains) {
      List<String> copy = domains.stream().map(d -> d.toLowerCase(Locale.ROOT)).toList();
      plusTagDomains.clear();
      plusTagDomains.addAll(copy);
      return this;
    }

    /**
     * Adds a well-known provider domain (typo target, never corrected itself).
     *
     * @param domain the domain, such as {@code proveedor.es}, any case; not null
     * @return this builder
     */
    public Builder provider(String domain) {
      providers.add(Objects.requireNonNull(domain, "domain").toLowerCase(Locale.ROOT));
      return this;
    }

    /**
     * Builds the normalizer.
     *
     * @return an immutable, thread-safe normalizer
     */
    public EmailNormalizer build() {
      return new EmailNormalizer(this);
    }
  }
}
