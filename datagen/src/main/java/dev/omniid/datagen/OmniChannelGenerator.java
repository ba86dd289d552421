package dev.omniid.datagen;

import dev.omniid.core.AttributeKey;
import dev.omniid.core.Channel;
import dev.omniid.core.EventKind;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.Touchpoint;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Generates synthetic omnichannel customers and their touchpoints, with ground truth, with the
 * messiness of real data: email typos and provider variants, phones in national and international
 * forms, missing fields, swapped day and month, nicknames, dropped second surnames and accents,
 * store kiosks shared by many, junk values, SHA-256 hashed emails from ad platforms, and the
 * {@link Pattern}s of real customer files, each given to a seeded share of people and labelled on
 * their touchpoints:
 *
 * <ul>
 *   <li>{@link Pattern#HOUSEHOLD households} of 2 to 5 people (one family name, different given
 *       names and birth dates) sharing an address, a landline, a family mailbox and sometimes a
 *       tablet; {@link Pattern#JUNIOR_SENIOR father and son} of the same full name in some of them;
 *   <li>{@link Pattern#SHARED_MAILBOX an office's shared mailbox} given by a dozen colleagues;
 *   <li>{@link Pattern#NAMESAKE namesakes}: another person with the same full name;
 *   <li>phones libphonenumber cannot validate as they are written: {@link Pattern#FOREIGN_PHONE
 *       another country's number without its country code}, {@link Pattern#UNLISTED_PHONE_RANGE
 *       unlisted ranges}, {@link Pattern#LOCAL_PHONE 7-digit local numbers};
 *   <li>{@link Pattern#ID_SEPARATORS ids written with and without separators},
 *       {@link Pattern#SURNAME_FIRST names surname first}, {@link Pattern#DISPLAY_NAME_EMAIL display
 *       names in the email column}, {@link Pattern#MONTH_FIRST_DATE birth dates in the other
 *       order}.
 * </ul>
 *
 * <p><b>Who shares what.</b> Precision may only fall for reasons real files have. A personal
 * mailbox belongs to exactly one person (its local part ends in the person's number, so two
 * namesakes get {@code jyoung12@} and {@code jyoung57@}, never one {@code jyoung@}); a family
 * mailbox belongs to one household, an office mailbox to one company; customer, loyalty and
 * national ids are one person's each. The one deliberate exception is
 * {@link Pattern#MISTYPED_EMAIL}: a namesake who typed the other's address (0.2 % of people by
 * default). Values shared across households otherwise are only the kiosks' device ids and the
 * junk values ({@code test@test.com}, {@code 0000000000}, a zeroed ad id).
 *
 * <p><b>Amounts and scores.</b> Every purchase carries its amount in the payload under
 * {@link #AMOUNT}, every survey answer its 0-10 score under {@link #SCORE} (what
 * {@code dev.omniid.core.CustomerMetrics} reads by default). They are payload, which the resolver
 * never reads, and drawn apart from every other field: the identifiers and attributes are the
 * same as without them.
 *
 * <p><b>Phones.</b> Every phone is in a range libphonenumber validates for its country (mobiles,
 * and landlines for households) unless a phone pattern says otherwise.
 *
 * <p>Deterministic: each person is generated from the seed and the person's index alone (and the
 * household layout, drawn once from the seed), so the same settings give the same touchpoints, in
 * the same order, whether streamed or listed. Immutable and thread-safe.
 */
public final class OmniChannelGenerator {
  /**
   * The payload key of a purchase's amount, a plain decimal number such as {@code 59.90}: derived
   * from the touchpoint's id, 10.00 to 200.00.
   */
  public static final String AMOUNT = "amount";
  /** The payload key of a survey answer's score, an integer from 0 to 10. */
  public static final String SCORE = "score";
  /** The identifier type of SHA-256 hashed emails, as ad platforms send them. */
  public static final IdentifierType EMAIL_SHA256 = IdentifierType.of("email_sha256");
  private static final Channel[] CHANNELS = {Channel.STORE, Channel.STORE, Channel.WEB, Channel.WEB,
      Channel.MOBILE_APP, Channel.CALL_CENTER, Channel.EMAIL, Channel.SMS, Channel.WHATSAPP,
      Channel.MESSENGER, Channel.SOCIAL, Channel.MARKETPLACE, Channel.SALES_REP, Channel.CATALOG};
  private static final EventKind[] EVENTS = {EventKind.VISIT, EventKind.VIEW, EventKind.CART,
      EventKind.PURCHASE, EventKind.INQUIRY, EventKind.MESSAGE, EventKind.SURVEY, EventKind.TRY_ON,
      EventKind.RETURN, EventKind.LOGIN};
  private static final int STORES = 25;
  /** About this many colleagues share one office mailbox. */
  private static final int PEOPLE_PER_OFFICE = 12;

  private final int people;
  private final long seed;
  private final double meanTouchpoints;
  private final Instant start;
  private final Duration window;
  private final double typoRate;
  private final double missingRate;
  private final double nicknameRate;
  private final double kioskRate;
  private final double junkRate;
  private final double hashedRate;
  private final double nationalIdRate;
  private final EnumMap<Pattern, Double> rates;
  private final int offices;
  private final int[] householdHead;

  private OmniChannelGenerator(Builder b) {
    this.people = b.people;
    this.seed = b.seed;
    this.meanTouchpoints = b.meanTouchpoints;
    this.start = b.start;
    this.window = b.window;
    this.typoRate = b.typoRate;
    this.missingRate = b.missingRate;
    this.nicknameRate = b.nicknameRate;
    this.kioskRate = b.kioskRate;
    this.junkRate = b.junkRate;
    this.hashedRate = b.hashedRate;
    this.nationalIdRate = b.nationalIdRate;
    this.rates = new EnumMap<>(b.rates);
    this.offices = (int) Math.max(1, Math.round(people * rate(Pattern.SHARED_MAILBOX) / PEOPLE_PER_OFFICE));
    this.householdHead = households();
  }

  /**
   * Starts a configuration: 1,000 people, seed 1, about 5 touchpoints each.
   *
   * @return a builder with every rate at its default and a one-year window from 2025-01-01 UTC
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * The number of people.
   *
   * @return how many people the generator makes touchpoints for, at least 1
   */
  public int people() {
    return people;
  }

  /**
   * The rate of {@code pattern} in this configuration.
   *
   * @param pattern the pattern, not null
   * @return the rate in {@code [0, 1]}: the builder's, or {@link Pattern#defaultRate()}
   */
  public double rate(Pattern pattern) {
    return rates.get(Objects.requireNonNull(pattern, "pattern"));
  }

  /**
   * Every touchpoint, person by person, generated lazily.
   *
   * @return a sequential stream of the same touchpoints in the same order on every call (the
   *     seed fixes them); memory stays bounded by one person's touchpoints
   */
  public Stream<GeneratedTouchpoint> stream() {
    return IntStream.range(0, people).boxed().flatMap(i -> touchpointsOf(i).stream());
  }

  /**
   * Every touchpoint in a list (for small sizes; {@link #stream()} for large ones).
   *
   * @return a new mutable list of the touchpoints in {@link #stream()}'s order
   */
  public List<GeneratedTouchpoint> generate() {
    List<GeneratedTouchpoint> out = new ArrayList<>((int) Math.min(Integer.MAX_VALUE - 8, people * (long) Math.ceil(meanTouchpoints + 1)));
    forEach(out::add);
    return out;
  }

  /**
   * Feeds every touchpoint to {@code sink}, in order, holding only one person's at a time.
   *
   * @param sink receives each touchpoint in {@link #stream()}'s order, on the calling thread
   */
  public void forEach(Consumer<GeneratedTouchpoint> sink) {
    for (int i = 0; i < people; i++) {
      touchpointsOf(i).forEach(sink);
    }
  }

  /** Households are runs of consecutive people; householdHead[i] is the first of i's run. */
  private int[] households() {
    int[] head = new int[people];
    SplittableRandom random = new SplittableRandom(seed ^ 0x5A5A_5A5AL);
    double householdRate = rate(Pattern.HOUSEHOLD);
    int i = 0;
    while (i < people) {
      int size = random.nextDouble() < householdRate ? 2 + random.nextInt(4) : 1;
      int first = i;
      for (int k = 0; k < size && i < people; k++) {
        head[i++] = first;
      }
    }
    return head;
  }

  private boolean alone(int i) {
    return householdHead[i] == i && (i + 1 >= people || householdHead[i + 1] != i);
  }

  private SplittableRandom randomFor(int person, long salt) {
    return new SplittableRandom(seed * 0x9E37_79B9_7F4A_7C15L + person * 0xBF58_476D_1CE4_E5B9L + salt);
  }

  /** A person's name as drawn, before any spelling of it: given, first and second family name. */
  private record Names(boolean hispanic, String given, String family1, String family2) {}

  /** A person's stable facts. */
  private record Person(int index, String id, String household, Set<Pattern> patterns,
      String country, Names names, String suffix, LocalDate birth, String email,
      String familyEmail, String officeEmail, String mistypedEmail, String phone,
      String phoneCountry, boolean foreignPhone, String street, int number, String floor,
      String city, String postal, String device, String customerId, String loyaltyId,
      String nationalId, String landline, String tablet) {
    boolean has(Pattern p) {
      return patterns.contains(p);
    }
  }

  /** The household's country: everybody at one address lives in one country. */
  private String countryOf(int i) {
    return pick(randomFor(householdHead[i], 14), Vocabulary.COUNTRIES);
  }

  /** Whether {@code i} is the son in a father-and-son household (the father is the head). */
  private boolean junior(int i) {
    int head = householdHead[i];
    return i == head + 1 && randomFor(head, 6).nextDouble() < rate(Pattern.JUNIOR_SENIOR);
  }

  private boolean senior(int i) {
    return householdHead[i] == i && !alone(i) && junior(i + 1);
  }

  /** Whether {@code i} is a namesake of {@code i - 1}: only people heading their household. */
  private boolean namesake(int i) {
    if (i == 0 || householdHead[i] != i) {
      return false;
    }
    SplittableRandom r = randomFor(i, 8);
    return r.nextDouble() < rate(Pattern.NAMESAKE) || mistyped(i);
  }

  private boolean mistyped(int i) {
    return i > 0 && householdHead[i] == i && randomFor(i, 9).nextDouble() < rate(Pattern.MISTYPED_EMAIL);
  }

  private Names names(int i) {
    int head = householdHead[i];
    if (junior(i)) {
      return names(head);
    }
    if (namesake(i)) {
      // A namesake takes the names of the previous person: same name, another person.
      return names(i - 1);
    }
    String country = countryOf(i);
    SplittableRandom r = randomFor(i, 5);
    boolean hispanic = !country.equals("US") || randomFor(head, 10).nextInt(5) == 0;
    String family1 = pick(r, hispanic ? Vocabulary.SPANISH_FAMILY : Vocabulary.ENGLISH_FAMILY);
    String family2 = hispanic ? pick(r, Vocabulary.SPANISH_FAMILY) : null;
    if (head != i) {
      family1 = names(head).family1();  // one family name per household
    }
    String given;
    do {
      boolean female = r.nextBoolean();
      given = hispanic ? pick(r, female ? Vocabulary.SPANISH_GIVEN_F : Vocabulary.SPANISH_GIVEN_M)
          : pick(r, female ? Vocabulary.ENGLISH_GIVEN_F : Vocabulary.ENGLISH_GIVEN_M);
    } while (givenTakenInHousehold(i, given));
    return new Names(hispanic, given, family1, family2);
  }

  /** Whether an earlier member of i's household has {@code given} (or its nickname): members differ. */
  private boolean givenTakenInHousehold(int i, String given) {
    for (int k = householdHead[i]; k < i; k++) {
      String other = names(k).given();
      if (other.equals(given) || given.equals(Vocabulary.NICKNAMES.get(other))
          || other.equals(Vocabulary.NICKNAMES.get(given))) {
        return true;
      }
    }
    return false;
  }

  private LocalDate birth(int i) {
    SplittableRandom r = randomFor(i, 11);
    int head = householdHead[i];
    LocalDate d = junior(i)
        ? LocalDate.of(Math.min(2007, birth(head).getYear() + 22 + r.nextInt(14)), 1 + r.nextInt(12), 1 + r.nextInt(28))
        : LocalDate.of(senior(i) ? 1940 + r.nextInt(30) : 1940 + r.nextInt(66), 1 + r.nextInt(12), 1 + r.nextInt(28));
    for (int k = head; k < i; k++) {
      if (birth(k).equals(d)) {
        return d.plusDays(1 + r.nextInt(300));  // members of a household are born on different days
      }
    }
    return d;
  }

  private Set<Pattern> patternsOf(int i) {
    EnumSet<Pattern> set = EnumSet.noneOf(Pattern.class);
    if (!alone(i)) {
      set.add(Pattern.HOUSEHOLD);
    }
    if (junior(i) || senior(i)) {
      set.add(Pattern.JUNIOR_SENIOR);
    }
    if (namesake(i)) {
      set.add(Pattern.NAMESAKE);
    }
    if (mistyped(i)) {
      set.add(Pattern.MISTYPED_EMAIL);
    }
    // One draw per pattern from one stream: adding a pattern at the end changes no earlier one.
    SplittableRandom r = randomFor(i, 12);
    for (Pattern p : new Pattern[] {Pattern.SHARED_MAILBOX, Pattern.FOREIGN_PHONE,
        Pattern.UNLISTED_PHONE_RANGE, Pattern.LOCAL_PHONE, Pattern.ID_SEPARATORS,
        Pattern.SURNAME_FIRST, Pattern.DISPLAY_NAME_EMAIL, Pattern.MONTH_FIRST_DATE}) {
      if (r.nextDouble() < rate(p)) {
        set.add(p);
      }
    }
    return set;
  }

  private Person person(int i) {
    SplittableRandom r = randomFor(i, 1);
    String country = countryOf(i);
    Set<Pattern> patterns = patternsOf(i);
    Names names = names(i);
    String email = personalEmail(r, names, country, i);
    int head = householdHead[i];
    SplittableRandom household = randomFor(head, 2);
    String street = pick(household, Vocabulary.streets(country));
    int number = 1 + household.nextInt(200);
    String floor = country.equals("US") ? (household.nextBoolean() ? "Apt " + (1 + household.nextInt(30)) : "")
        : (1 + household.nextInt(8)) + "º " + (char) ('A' + household.nextInt(4));
    String city = pick(household, Vocabulary.cities(country));
    String postal = postal(household, country);
    String landline = landline(household, country);
    String tablet = household.nextInt(3) == 0 ? uuid(household) : null;
    String familyEmail = familyEmail(household, names(head), country, head);
    if (!patterns.contains(Pattern.HOUSEHOLD)) {
      landline = null;  // a household of one shares nothing
      tablet = null;
      familyEmail = null;
    }
    String phoneCountry = country;
    boolean foreign = patterns.contains(Pattern.FOREIGN_PHONE);
    if (foreign) {
      phoneCountry = country.equals("US") ? "ES" : "US";
    }
    String phone;
    if (patterns.contains(Pattern.UNLISTED_PHONE_RANGE) && !phoneCountry.equals("MX")) {
      phone = unlistedPhone(r, phoneCountry);
    } else {
      patterns = without(patterns, Pattern.UNLISTED_PHONE_RANGE);
      phone = phone(r, phoneCountry);
    }
    String device = uuid(r);
    String customerId = r.nextBoolean() ? "C" + (1_000_000 + i) : null;
    String loyaltyId = r.nextInt(3) == 0 ? "LOY-" + Long.toString(Math.abs(seed * 31 + i) % 10_000_000 + 10_000_000L, 36).toUpperCase(Locale.ROOT) : null;
    String nationalId = r.nextDouble() < nationalIdRate ? nationalId(country, i) : null;
    String officeEmail = patterns.contains(Pattern.SHARED_MAILBOX) ? officeEmail(randomFor(i, 7).nextInt(offices)) : null;
    String mistypedEmail = patterns.contains(Pattern.MISTYPED_EMAIL) ? person(i - 1).email() : null;
    String suffix = null;
    if (patterns.contains(Pattern.JUNIOR_SENIOR)) {
      boolean son = junior(i);
      suffix = names.hispanic() ? (son ? "hijo" : "padre")
          : son ? (randomFor(head, 6).nextBoolean() ? "Jr" : "II") : "Sr";
    }
    return new Person(i, "P" + i, "H" + head, Set.copyOf(patterns), country, names, suffix, birth(i),
        email, familyEmail, officeEmail, mistypedEmail, phone, phoneCountry, foreign, street, number,
        floor, city, postal, device, customerId, loyaltyId, nationalId, landline, tablet);
  }

  private static Set<Pattern> without(Set<Pattern> set, Pattern p) {
    if (!set.contains(p)) {
      return set;
    }
    EnumSet<Pattern> copy = EnumSet.copyOf(set);
    copy.remove(p);
    return copy;
  }

  /**
   * A personal mailbox: the local part ends in the person's number, so no two people share one
   * (names hold no digits, so the trailing number identifies the person even after a provider's
   * dots are dropped).
   */
  private static String personalEmail(SplittableRandom r, Names n, String country, int i) {
    String given = ascii(n.given()).replace(" ", "");
    String family = ascii(n.family1()).replace(" ", "");
    String number = Integer.toString(i + 1);
    String local = switch (r.nextInt(4)) {
      case 0 -> given + "." + family + number;
      case 1 -> given + family + number;
      case 2 -> given.charAt(0) + family + (n.family2() == null ? "" : ascii(n.family2()).substring(0, 1)) + number;
      default -> given + "_" + family + number;
    };
    return local + "@" + pick(r, Vocabulary.providers(country));
  }

  /** A family mailbox: "casa" or "the ...s" with the family name and the household's number. */
  private static String familyEmail(SplittableRandom r, Names head, String country, int headIndex) {
    String family = ascii(head.family1()).replace(" ", "");
    String local = head.hispanic() ? "casa" + family + (headIndex + 1) : "the" + family + "s" + (headIndex + 1);
    return local + "@" + pick(r, Vocabulary.providers(country));
  }

  private String officeEmail(int office) {
    SplittableRandom r = new SplittableRandom(seed * 0x9E37_79B9_7F4A_7C15L + office * 0x94D0_49BB_1331_11EBL + 13);
    return pick(r, Vocabulary.OFFICE_MAILBOXES) + "@" + pick(r, Vocabulary.COMPANY_WORDS) + "-"
        + pick(r, Vocabulary.COMPANY_WORDS2) + (office + 1) + pick(r, new String[] {".com", ".es", ".com.mx"});
  }

  private List<GeneratedTouchpoint> touchpointsOf(int i) {
    Person p = person(i);
    SplittableRandom r = randomFor(i, 3);
    int count = 1;
    double more = 1 - 1 / Math.max(1, meanTouchpoints);
    while (r.nextDouble() < more && count < 60) {
      count++;
    }
    List<GeneratedTouchpoint> out = new ArrayList<>(count);
    for (int k = 0; k < count; k++) {
      out.add(new GeneratedTouchpoint(touchpoint(p, k, r), p.id(), p.household(), p.patterns()));
    }
    return out;
  }

  private Touchpoint touchpoint(Person p, int k, SplittableRandom r) {
    Channel channel = pick(r, CHANNELS);
    long offset = (long) (r.nextDouble() * window.getSeconds());
    EventKind kind = pick(r, EVENTS);
    String id = touchpointId(p.index(), k);
    Touchpoint.Builder b = Touchpoint.newBuilder(id)
        .channel(channel).timestamp(start.plusSeconds(offset)).eventKind(kind)
        .attribute(AttributeKey.COUNTRY, p.country());
    // Amount and score draw nothing from r or q: every other field stays as it was without them.
    if (kind.equals(EventKind.PURCHASE)) {
      b.payload(AMOUNT, amount(id));
    } else if (kind.equals(EventKind.SURVEY)) {
      b.payload(SCORE, Integer.toString(score(p.index(), k)));
    }
    // The pattern draws come from their own stream, so the common fields are drawn as before.
    SplittableRandom q = randomFor(p.index(), 100 + k);
    String ch = channel.name();
    boolean named = !ch.equals("sms") && !ch.equals("whatsapp") && !ch.equals("messenger");
    if (named && present(r)) {
      String given = givenName(p, r);
      String family = familyName(p, r);
      if (p.suffix() != null && q.nextInt(5) < 2) {
        family = family + " " + p.suffix();
      }
      boolean swap = p.has(Pattern.SURNAME_FIRST) && q.nextBoolean();
      b.attribute(AttributeKey.GIVEN_NAME, swap ? family : given);
      b.attribute(AttributeKey.FAMILY_NAME, swap ? given : family);
    }
    boolean emailChannel = ch.equals("web") || ch.equals("email") || ch.equals("mobile_app")
        || ch.equals("marketplace") || ch.equals("sales_rep");
    if (ch.equals("social") && r.nextDouble() < hashedRate * 4) {
      b.identifier(EMAIL_SHA256, sha256(p.email().toLowerCase(Locale.ROOT)));
    } else if ((emailChannel || r.nextInt(6) == 0) && present(r)) {
      String mailbox = p.email();
      if (p.officeEmail() != null && q.nextInt(5) < 2) {
        mailbox = p.officeEmail();
      } else if (p.familyEmail() != null && q.nextInt(3) == 0) {
        mailbox = p.familyEmail();
      } else if (p.mistypedEmail() != null && q.nextInt(3) == 0) {
        mailbox = p.mistypedEmail();
      }
      String email = r.nextDouble() < junkRate ? "test@test.com" : emailVariant(mailbox, r);
      if (p.has(Pattern.DISPLAY_NAME_EMAIL) && q.nextBoolean()) {
        email = p.names().given() + " " + p.names().family1() + " <" + email.strip() + ">";
      }
      b.identifier(IdentifierType.EMAIL, email);
    }
    boolean phoneChannel = ch.equals("store") || ch.equals("call_center") || ch.equals("sms")
        || ch.equals("whatsapp") || ch.equals("sales_rep");
    if ((phoneChannel || r.nextInt(5) == 0) && present(r)) {
      boolean landline = p.landline() != null && r.nextInt(4) == 0;
      String phone = landline ? p.landline() : p.phone();
      String phoneCountry = landline ? p.country() : p.phoneCountry();
      String written = phoneVariant(phone, phoneCountry, r);
      if (!landline && p.foreignPhone() && q.nextInt(3) < 2) {
        written = nationalForm(phone, phoneCountry, q);
      }
      if (p.has(Pattern.LOCAL_PHONE) && q.nextInt(3) == 0) {
        String digits = phone.substring(phone.length() - 7);
        written = q.nextBoolean() ? digits : digits.substring(0, 3) + "-" + digits.substring(3);
      }
      b.identifier(IdentifierType.PHONE, r.nextDouble() < junkRate ? "0000000000" : written);
    }
    boolean deviceChannel = ch.equals("mobile_app") || ch.equals("messenger") || ch.equals("web")
        || ch.equals("store");
    if (deviceChannel && present(r)) {
      String device = ch.equals("store")
          ? (r.nextDouble() < kioskRate * 5 ? kiosk(p, r) : null)
          : p.tablet() != null && r.nextInt(3) == 0 ? p.tablet()
          : r.nextDouble() < junkRate ? "00000000-0000-0000-0000-000000000000" : p.device();
      if (device != null) {
        b.identifier(IdentifierType.DEVICE_ID, r.nextBoolean() ? device.toUpperCase(Locale.ROOT) : device);
      }
    }
    if (ch.equals("web") && present(r)) {
      b.identifier(IdentifierType.COOKIE_ID, "ck-" + Long.toHexString(randomFor(p.index(), 4 + r.nextInt(3)).nextLong()));
    }
    if ((ch.equals("store") || ch.equals("web") || ch.equals("call_center")) && p.customerId() != null && present(r)) {
      b.identifier(IdentifierType.CUSTOMER_ID, p.customerId());
    }
    if (ch.equals("store") && p.loyaltyId() != null && present(r)) {
      String loyalty = p.loyaltyId();
      if (p.has(Pattern.ID_SEPARATORS) && q.nextBoolean()) {
        loyalty = q.nextBoolean() ? loyalty.replace("-", "") : loyalty.replace("-", " ");
      }
      b.identifier(IdentifierType.LOYALTY_ID, loyalty);
    }
    if ((ch.equals("call_center") || ch.equals("sales_rep") || ch.equals("marketplace"))
        && p.nationalId() != null && present(q)) {
      boolean separated = p.has(Pattern.ID_SEPARATORS) && q.nextBoolean();
      b.identifier(IdentifierType.NATIONAL_ID, separated ? separatedId(p.nationalId(), p.country()) : p.nationalId());
    }
    if ((ch.equals("call_center") || ch.equals("sales_rep") || ch.equals("web")) && present(r)) {
      b.attribute(AttributeKey.BIRTH_DATE, birthDate(p, r, q));
    }
    if ((ch.equals("web") || ch.equals("catalog") || ch.equals("marketplace") || ch.equals("sales_rep")) && present(r)) {
      b.attribute(AttributeKey.ADDRESS, address(p, r));
      b.attribute(AttributeKey.CITY, p.city());
      b.attribute(AttributeKey.POSTAL_CODE, p.postal());
    }
    return b.build();
  }

  /**
   * A purchase's amount, from its id alone: 10.00 plus the id's {@link String#hashCode()} (which
   * the JDK specifies, so it is the same on every JVM) modulo 19,001 cents, so 10.00 to 200.00.
   */
  static String amount(String touchpointId) {
    long cents = 1_000 + Math.floorMod(touchpointId.hashCode(), 19_001);
    return java.math.BigDecimal.valueOf(cents, 2).toPlainString();
  }

  /**
   * A survey answer's 0-10 score: the person's own mood (about 45 % promoters, 30 % passives, 25 %
   * detractors) give or take a point, from streams of their own.
   */
  private int score(int person, int k) {
    int mood = randomFor(person, 16).nextInt(100);
    int base = mood < 45 ? 9 + mood % 2 : mood < 75 ? 7 + mood % 2 : mood % 7;
    int drift = randomFor(person, 1_000 + k).nextInt(3) - 1;
    return Math.max(0, Math.min(10, base + drift));
  }

  private boolean present(SplittableRandom r) {
    return r.nextDouble() >= missingRate;
  }

  private String touchpointId(int person, int k) {
    long h = seed * 0xD6E8_FEB8_6659_FD93L + person * 0x9E37_79B9_7F4A_7C15L + k * 0xC2B2_AE3D_27D4_EB4FL;
    h ^= h >>> 31;
    h *= 0xBF58_476D_1CE4_E5B9L;
    h ^= h >>> 29;
    return "tp-" + Long.toHexString(h);
  }

  private String givenName(Person p, SplittableRandom r) {
    String given = p.names().given();
    String nickname = Vocabulary.NICKNAMES.get(given);
    if (nickname != null && r.nextDouble() < nicknameRate) {
      given = nickname;
    }
    return style(given, r);
  }

  private String familyName(Person p, SplittableRandom r) {
    Names n = p.names();
    String family = n.family2() != null && r.nextInt(3) > 0 ? n.family1() + " " + n.family2() : n.family1();
    return style(family, r);
  }

  private String style(String s, SplittableRandom r) {
    int v = r.nextInt(10);
    return v == 0 ? ascii(s) : v == 1 ? s.toUpperCase(Locale.ROOT) : s;
  }

  private String emailVariant(String email, SplittableRandom r) {
    int at = email.indexOf('@');
    String local = email.substring(0, at);
    String domain = email.substring(at + 1);
    if (domain.equals("gmail.com") && r.nextInt(6) == 0) {
      local = local.replace(".", "") + "+shop";
    }
    if (r.nextDouble() < typoRate) {
      String typo = Vocabulary.DOMAIN_TYPOS.get(domain);
      // Letters swap only before the trailing number: swapping its digits could give another
      // person's mailbox, a collision the generator makes only on purpose (MISTYPED_EMAIL).
      int letters = local.length();
      while (letters > 0 && Character.isDigit(local.charAt(letters - 1))) {
        letters--;
      }
      if (typo != null) {
        domain = typo;
      } else if (letters > 3) {
        int i = 1 + r.nextInt(letters - 2);
        local = local.substring(0, i) + local.charAt(i + 1) + local.charAt(i) + local.substring(i + 2);
      }
    }
    String out = local + "@" + domain;
    return r.nextInt(8) == 0 ? out.toUpperCase(Locale.ROOT) : r.nextInt(8) == 0 ? " " + out + " " : out;
  }

  /** A mobile in a range libphonenumber validates (Spain 6 and 71-74/78, Argentina 11 1-8). */
  private static String phone(SplittableRandom r, String country) {
    return switch (country) {
      case "ES" -> "+34" + (r.nextBoolean() ? "6" + digits(r, 8) : "7" + "12348".charAt(r.nextInt(5)) + digits(r, 7));
      case "MX" -> "+52" + pick(r, new String[] {"55", "33", "81"}) + digits(r, 8);
      case "AR" -> "+54911" + (1 + r.nextInt(8)) + digits(r, 7);
      case "CO" -> "+573" + (r.nextInt(3) + 10) + digits(r, 7);
      default -> "+1" + pick(r, Vocabulary.US_AREA_CODES) + (2 + r.nextInt(8)) + digits(r, 6);
    };
  }

  /**
   * A household's landline: Spanish fixed lines of Madrid, Barcelona, Seville or Valencia (91, 93,
   * 95, 96: every number of those ranges is valid); elsewhere a number of the same form as a mobile.
   */
  private static String landline(SplittableRandom r, String country) {
    return country.equals("ES") ? "+349" + "1356".charAt(r.nextInt(4)) + digits(r, 7) : phone(r, country);
  }

  /** A number in a range libphonenumber's metadata does not list (never called for MX). */
  private static String unlistedPhone(SplittableRandom r, String country) {
    return switch (country) {
      case "ES" -> "+347" + "569".charAt(r.nextInt(3)) + digits(r, 7);
      case "AR" -> "+549119" + digits(r, 7);
      case "CO" -> "+5738" + digits(r, 8);
      default -> "+1" + pick(r, Vocabulary.US_AREA_CODES) + r.nextInt(2) + digits(r, 6);
    };
  }

  /** The number as written at home, without the country code. */
  private static String nationalForm(String e164, String country, SplittableRandom r) {
    if (country.equals("US")) {
      String n = e164.substring(2);
      return r.nextBoolean() ? "(" + n.substring(0, 3) + ") " + n.substring(3, 6) + " " + n.substring(6)
          : n.substring(0, 3) + "-" + n.substring(3, 6) + "-" + n.substring(6);
    }
    String n = e164.substring(3);
    return r.nextBoolean() ? n : n.replaceAll("(\\d{3})(?=\\d)", "$1 ");
  }

  /** The same number as people type it: international, 00-prefixed or national, with separators. */
  private String phoneVariant(String e164, String country, SplittableRandom r) {
    String national = switch (country) {
      case "ES" -> e164.substring(3);
      case "MX" -> e164.substring(3);
      case "AR" -> "011 15 " + e164.substring(6);
      case "CO" -> e164.substring(3);
      default -> e164.substring(2);
    };
    String out = switch (r.nextInt(5)) {
      case 0 -> e164;
      case 1 -> "00" + e164.substring(1);
      case 2 -> spaced(e164);
      case 3 -> country.equals("US") || country.equals("MX")
          ? "(" + national.substring(0, country.equals("US") ? 3 : 2) + ") " + national.substring(country.equals("US") ? 3 : 2)
          : national;
      default -> national.replaceAll("(\\d{3})(?=\\d)", "$1-");
    };
    if (r.nextDouble() < typoRate / 2 && out.length() > 6) {
      int i = out.length() - 1 - r.nextInt(4);
      char c = out.charAt(i);
      if (Character.isDigit(c)) {
        out = out.substring(0, i) + (char) ('0' + (c - '0' + 1) % 10) + out.substring(i + 1);
      }
    }
    return out;
  }

  private static String spaced(String e164) {
    StringBuilder s = new StringBuilder(e164.substring(0, 3));
    for (int i = 3; i < e164.length(); i += 3) {
      s.append(' ').append(e164, i, Math.min(e164.length(), i + 3));
    }
    return s.toString();
  }

  private String birthDate(Person p, SplittableRandom r, SplittableRandom q) {
    LocalDate d = p.birth();
    int day = d.getDayOfMonth();
    int month = d.getMonthValue();
    if (r.nextDouble() < typoRate && day <= 12) {
      int t = day;
      day = month;
      month = t;
    }
    boolean us = p.country().equals("US");
    if (p.has(Pattern.MONTH_FIRST_DATE) && q.nextBoolean()) {
      us = !us;  // a source system set to the other locale
    }
    return switch (r.nextInt(4)) {
      case 0 -> String.format(Locale.ROOT, "%04d-%02d-%02d", d.getYear(), month, day);
      case 1 -> us ? month + "/" + day + "/" + d.getYear() : day + "/" + month + "/" + d.getYear();
      case 2 -> us ? String.format(Locale.ROOT, "%02d/%02d/%04d", month, day, d.getYear())
          : String.format(Locale.ROOT, "%02d/%02d/%04d", day, month, d.getYear());
      default -> String.format(Locale.ROOT, "%04d-%02d-%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    };
  }

  /** A national id, one per person: a Spanish DNI with its letter, a US SSN, or digits. */
  private static String nationalId(String country, int i) {
    return switch (country) {
      case "ES" -> {
        int n = 10_000_000 + i;
        yield n + String.valueOf("TRWAGMYFPDXBNJZSQVHLCKE".charAt(n % 23));
      }
      case "US" -> Integer.toString(100_000_000 + i);
      case "AR" -> Integer.toString(20_000_000 + i);
      default -> Long.toString(1_000_000_000L + i);
    };
  }

  /** The id as some systems print it: {@code 12.345.678-Z}, {@code 123-45-6789}, {@code 1.000.000.005}. */
  private static String separatedId(String id, String country) {
    return switch (country) {
      case "ES" -> id.substring(0, 2) + "." + id.substring(2, 5) + "." + id.substring(5, 8) + "-" + id.substring(8);
      case "US" -> id.substring(0, 3) + "-" + id.substring(3, 5) + "-" + id.substring(5);
      case "AR" -> id.substring(0, 2) + "." + id.substring(2, 5) + "." + id.substring(5);
      default -> id.substring(0, 1) + "." + id.substring(1, 4) + "." + id.substring(4, 7) + "." + id.substring(7);
    };
  }

  private String address(Person p, SplittableRandom r) {
    String street = p.street();
    if (r.nextInt(3) == 0) {
      street = street.replace("Calle ", "C/ ").replace("Avenida ", "Avda. ").replace("Street", "St")
          .replace("Avenue", "Ave");
    }
    String number = r.nextInt(4) == 0 && !p.country().equals("US") ? "nº " + p.number() : String.valueOf(p.number());
    String floor = p.floor().isEmpty() || r.nextInt(3) == 0 ? "" : ", " + p.floor();
    return p.country().equals("US") ? number + " " + street + floor : street + " " + number + floor;
  }

  private String kiosk(Person p, SplittableRandom r) {
    int store = (p.index() + r.nextInt(3)) % STORES;
    return uuid(new SplittableRandom(seed * 31 + store));
  }

  private static String postal(SplittableRandom r, String country) {
    return switch (country) {
      case "ES" -> String.format(Locale.ROOT, "%05d", 1000 + r.nextInt(51000));
      case "MX" -> String.format(Locale.ROOT, "%05d", 1000 + r.nextInt(98000));
      case "AR" -> "C" + (1000 + r.nextInt(400)) + "ABC";
      case "CO" -> String.valueOf(110111 + r.nextInt(900));
      default -> String.format(Locale.ROOT, "%05d", 10001 + r.nextInt(89000));
    };
  }

  private static String uuid(SplittableRandom r) {
    String hex = Long.toHexString(r.nextLong() | Long.MIN_VALUE) + Long.toHexString(r.nextLong() | Long.MIN_VALUE);
    return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-4" + hex.substring(13, 16) + "-a"
        + hex.substring(17, 20) + "-" + hex.substring(20, 32);
  }

  private static String digits(SplittableRandom r, int n) {
    StringBuilder s = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      s.append((char) ('0' + r.nextInt(10)));
    }
    return s.toString();
  }

  private static <T> T pick(SplittableRandom r, T[] values) {
    return values[r.nextInt(values.length)];
  }

  static String ascii(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
  }

  static String sha256(String value) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Configures an {@link OmniChannelGenerator}. Not thread-safe. */
  public static final class Builder {
    private int people = 1_000;
    private long seed = 1;
    private double meanTouchpoints = 5;
    private Instant start = Instant.parse("2025-01-01T00:00:00Z");
    private Duration window = Duration.ofDays(365);
    private double typoRate = 0.05;
    private double missingRate = 0.15;
    private double nicknameRate = 0.3;
    private double kioskRate = 0.02;
    private double junkRate = 0.01;
    private double hashedRate = 0.05;
    private double nationalIdRate = 0.4;
    private final EnumMap<Pattern, Double> rates = new EnumMap<>(Pattern.class);

    private Builder() {
      for (Pattern p : Pattern.values()) {
        rates.put(p, p.defaultRate());
      }
    }

    /**
     * How many people, at least 1.
     *
     * @param people the number of people, {@code >= 1} (else {@link IllegalArgumentException});
     *     1,000 unless set
     * @return this builder
     */
    public Builder people(int people) {
      if (people < 1) {
        throw new IllegalArgumentException("people must be >= 1");
      }
      this.people = people;
      return this;
    }

    /**
     * The seed: the same seed and settings give the same touchpoints, on any machine.
     *
     * @param seed any value; 1 unless set
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * The mean number of touchpoints per person, at least 1 (geometric distribution).
     *
     * @param mean the mean, in {@code 1..50} (else {@link IllegalArgumentException}); 5 unless
     *     set
     * @return this builder
     */
    public Builder meanTouchpoints(double mean) {
      if (!(mean >= 1 && mean <= 50)) {
        throw new IllegalArgumentException("meanTouchpoints must be in 1..50");
      }
      this.meanTouchpoints = mean;
      return this;
    }

    /**
     * The time window touchpoints fall in.
     *
     * @param start the window's first instant, not null; 2025-01-01T00:00:00Z unless set
     * @param length the window's length, positive (else {@link IllegalArgumentException}); 365
     *     days unless set
     * @return this builder
     */
    public Builder window(Instant start, Duration length) {
      this.start = Objects.requireNonNull(start, "start");
      if (length.isNegative() || length.isZero()) {
        throw new IllegalArgumentException("window length must be positive");
      }
      this.window = length;
      return this;
    }

    /**
     * The share of values with a typo (email domain or letters, phone digit, swapped date).
     *
     * @param rate in {@code 0..1} (else {@link IllegalArgumentException}); 0.05 unless set
     * @return this builder
     */
    public Builder typoRate(double rate) {
      this.typoRate = rate(rate, "typoRate");
      return this;
    }

    /**
     * The share of fields left out.
     *
     * @param rate in {@code 0..1} (else {@link IllegalArgumentException}); 0.15 unless set
     * @return this builder
     */
    public Builder missingRate(double rate) {
      this.missingRate = rate(rate, "missingRate");
      return this;
    }

    /**
     * The share of given names written as a nickname (Pepe for José).
     *
     * @param rate in {@code 0..1} (else {@link IllegalArgumentException}); 0.3 unless set
     * @return this builder
     */
    public Builder nicknameRate(double rate) {
      this.nicknameRate = rate(rate, "nicknameRate");
      return this;
    }

    /**
     * The rate of {@link Pattern#HOUSEHOLD}, as {@link #rate(Pattern, double)}.
     *
     * @param rate in {@code 0..1} (else {@link IllegalArgumentException}); 0 turns households off
     * @return this builder
     */
    public Builder householdRate(double rate) {
      return rate(Pattern.HOUSEHOLD, rate);
    }

    /**
     * The share of store visits made on a store's shared kiosk (times 5, capped by 1).
     *
     * @param rate in {@code 0..1} (else {@link IllegalArgumentException}); 0.02 unless set
     * @return this builder
     */
    public Builder kioskRate(double rate) {
      this.kioskRate = rate(rate, "kioskRate");
      return this;
    }

    /**
     * The share of emails, phones and device ids replaced by junk.
     *
     * @param rate in {@code 0..1} (else {@link IllegalArgumentException}); 0.01 unless set
     * @return this builder
     */
    public Builder junkRate(double rate) {
      this.junkRate = rate(rate, "junkRate");
      return this;
    }

    /**
     * The share of social touchpoints carrying a hashed email (times 4, capped by 1).
     *
     * @param rate in {@code 0..1} (else {@link IllegalArgumentException}); 0.05 unless set
     * @return this builder
     */
    public Builder hashedRate(double rate) {
      this.hashedRate = rate(rate, "hashedRate");
      return this;
    }

    /**
     * The rate of {@link Pattern#NAMESAKE}, as {@link #rate(Pattern, double)}.
     *
     * @param rate in {@code 0..1} (else {@link IllegalArgumentException}); 0 turns namesakes off
     * @return this builder
     */
    public Builder namesakeRate(double rate) {
      return rate(Pattern.NAMESAKE, rate);
    }

    /**
     * The rate of {@code pattern}, in 0..1: what it is a share of (people, households) is said on
     * each {@link Pattern}. 0 turns the pattern off.
     *
     * @param pattern the pattern, not null
     * @param rate in {@code 0..1} (else {@link IllegalArgumentException});
     *     {@link Pattern#defaultRate()} unless set
     * @return this builder
     */
    public Builder rate(Pattern pattern, double rate) {
      rates.put(Objects.requireNonNull(pattern, "pattern"), rate(rate, pattern.label() + " rate"));
      return this;
    }

    /**
     * The share of people with a national id (DNI, SSN, ...), given on call-center, sales and
     * marketplace records; 0.4 unless set.
     *
     * @param rate in {@code 0..1} (else {@link IllegalArgumentException})
     * @return this builder
     */
    public Builder nationalIdRate(double rate) {
      this.nationalIdRate = rate(rate, "nationalIdRate");
      return this;
    }

    private static double rate(double rate, String name) {
      if (!(rate >= 0 && rate <= 1)) {
        throw new IllegalArgumentException(name + " must be in 0..1");
      }
      return rate;
    }

    /**
     * Builds the generator.
     *
     * @return an immutable generator; each of its methods generates the touchpoints anew from the
     *     seed, so two calls give equal results
     */
    public OmniChannelGenerator build() {
      return new OmniChannelGenerator(this);
    }
  }
}
