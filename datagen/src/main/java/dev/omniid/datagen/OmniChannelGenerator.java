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
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Generates synthetic omnichannel customers and their touchpoints, with ground truth, with the
 * messiness of real data: email typos and provider variants, phones in national and international
 * forms, missing fields, swapped day and month, nicknames, dropped second surnames and accents,
 * households sharing an address, a landline and a tablet, store kiosks shared by many, junk
 * values, SHA-256 hashed emails from ad platforms, and namesakes who are different people.
 *
 * <p>Deterministic: each person is generated from the seed and the person's index alone, so the
 * same settings give the same touchpoints, in the same order, whether streamed or listed.
 * Immutable and thread-safe.
 */
public final class OmniChannelGenerator {
  /** The identifier type of SHA-256 hashed emails, as ad platforms send them. */
  public static final IdentifierType EMAIL_SHA256 = IdentifierType.of("email_sha256");
  private static final Channel[] CHANNELS = {Channel.STORE, Channel.STORE, Channel.WEB, Channel.WEB,
      Channel.MOBILE_APP, Channel.CALL_CENTER, Channel.EMAIL, Channel.SMS, Channel.WHATSAPP,
      Channel.MESSENGER, Channel.SOCIAL, Channel.MARKETPLACE, Channel.SALES_REP, Channel.CATALOG};
  private static final EventKind[] EVENTS = {EventKind.VISIT, EventKind.VIEW, EventKind.CART,
      EventKind.PURCHASE, EventKind.INQUIRY, EventKind.MESSAGE, EventKind.SURVEY, EventKind.TRY_ON,
      EventKind.RETURN, EventKind.LOGIN};
  private static final int STORES = 25;

  private final int people;
  private final long seed;
  private final double meanTouchpoints;
  private final Instant start;
  private final Duration window;
  private final double typoRate;
  private final double missingRate;
  private final double nicknameRate;
  private final double householdRate;
  private final double kioskRate;
  private final double junkRate;
  private final double hashedRate;
  private final double namesakeRate;
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
    this.householdRate = b.householdRate;
    this.kioskRate = b.kioskRate;
    this.junkRate = b.junkRate;
    this.hashedRate = b.hashedRate;
    this.namesakeRate = b.namesakeRate;
    this.householdHead = households();
  }

  /** Starts a configuration: 1,000 people, seed 1, about 5 touchpoints each. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** The number of people. */
  public int people() {
    return people;
  }

  /** Every touchpoint, person by person, generated lazily. */
  public Stream<GeneratedTouchpoint> stream() {
    return IntStream.range(0, people).boxed().flatMap(i -> touchpointsOf(i).stream());
  }

  /** Every touchpoint in a list (for small sizes; {@link #stream()} for large ones). */
  public List<GeneratedTouchpoint> generate() {
    List<GeneratedTouchpoint> out = new ArrayList<>((int) Math.min(Integer.MAX_VALUE - 8, people * (long) Math.ceil(meanTouchpoints + 1)));
    forEach(out::add);
    return out;
  }

  /** Feeds every touchpoint to {@code sink}, in order, holding only one person's at a time. */
  public void forEach(Consumer<GeneratedTouchpoint> sink) {
    for (int i = 0; i < people; i++) {
      touchpointsOf(i).forEach(sink);
    }
  }

  /** Households are runs of consecutive people; householdHead[i] is the first of i's run. */
  private int[] households() {
    int[] head = new int[people];
    SplittableRandom random = new SplittableRandom(seed ^ 0x5A5A_5A5AL);
    int i = 0;
    while (i < people) {
      int size = random.nextDouble() < householdRate ? 2 + random.nextInt(3) : 1;
      for (int k = 0; k < size && i < people; k++) {
        head[i++] = i - 1 - k;
      }
    }
    return head;
  }

  private SplittableRandom randomFor(int person, long salt) {
    return new SplittableRandom(seed * 0x9E37_79B9_7F4A_7C15L + person * 0xBF58_476D_1CE4_E5B9L + salt);
  }

  /** A person's stable facts. */
  private record Person(int index, String id, String country, boolean hispanic, String given,
      String family1, String family2, LocalDate birth, String email, String phone, String street,
      int number, String floor, String city, String postal, String device, String customerId,
      String loyaltyId, String landline, String tablet) {}

  private Person person(int i) {
    SplittableRandom r = randomFor(i, 1);
    String country = pick(r, Vocabulary.COUNTRIES);
    boolean hispanic = !country.equals("US") || r.nextInt(5) == 0;
    // A namesake takes the names drawn for the previous person: same name, another person.
    String[] names = drawnNames(i > 0 && r.nextDouble() < namesakeRate ? i - 1 : i, hispanic);
    String given = names[0];
    String family1 = names[1];
    String family2 = names[2];
    LocalDate birth = LocalDate.of(1940 + r.nextInt(66), 1 + r.nextInt(12), 1 + r.nextInt(28));
    String local = switch (r.nextInt(4)) {
      case 0 -> ascii(given) + "." + ascii(family1);
      case 1 -> ascii(given) + ascii(family1) + (10 + r.nextInt(90));
      case 2 -> ascii(given).charAt(0) + ascii(family1) + (family2 == null ? "" : ascii(family2).substring(0, 1));
      default -> ascii(given) + "_" + ascii(family1) + r.nextInt(1000);
    };
    String email = local.replace(" ", "") + "@" + pick(r, Vocabulary.providers(country));
    String phone = phone(r, country);
    int head = householdHead[i];
    SplittableRandom household = randomFor(head, 2);
    String street = pick(household, Vocabulary.streets(country));
    int number = 1 + household.nextInt(200);
    String floor = country.equals("US") ? (household.nextBoolean() ? "Apt " + (1 + household.nextInt(30)) : "")
        : (1 + household.nextInt(8)) + "º " + (char) ('A' + household.nextInt(4));
    String city = pick(household, Vocabulary.cities(country));
    String postal = postal(household, country);
    String landline = household.nextBoolean() ? phone(household, country) : null;
    String tablet = household.nextInt(3) == 0 ? uuid(household) : null;
    if (head == i) {
      landline = null;  // a household of one shares nothing
      tablet = null;
    }
    String device = uuid(r);
    String customerId = r.nextBoolean() ? "C" + (1_000_000 + i) : null;
    String loyaltyId = r.nextInt(3) == 0 ? "LOY-" + Long.toString(Math.abs(seed * 31 + i) % 10_000_000 + 10_000_000L, 36).toUpperCase(Locale.ROOT) : null;
    return new Person(i, "P" + i, country, hispanic, given, family1, family2, birth, email, phone,
        street, number, floor, city, postal, device, customerId, loyaltyId, landline, tablet);
  }

  private String[] drawnNames(int i, boolean hispanic) {
    SplittableRandom r = randomFor(i, 5);
    boolean female = r.nextBoolean();
    String given = hispanic ? pick(r, female ? Vocabulary.SPANISH_GIVEN_F : Vocabulary.SPANISH_GIVEN_M)
        : pick(r, female ? Vocabulary.ENGLISH_GIVEN_F : Vocabulary.ENGLISH_GIVEN_M);
    String family1 = pick(r, hispanic ? Vocabulary.SPANISH_FAMILY : Vocabulary.ENGLISH_FAMILY);
    String family2 = hispanic ? pick(r, Vocabulary.SPANISH_FAMILY) : null;
    return new String[] {given, family1, family2};
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
      out.add(new GeneratedTouchpoint(touchpoint(p, k, r), p.id()));
    }
    return out;
  }

  private Touchpoint touchpoint(Person p, int k, SplittableRandom r) {
    Channel channel = pick(r, CHANNELS);
    long offset = (long) (r.nextDouble() * window.getSeconds());
    Touchpoint.Builder b = Touchpoint.newBuilder(touchpointId(p.index(), k))
        .channel(channel).timestamp(start.plusSeconds(offset)).eventKind(pick(r, EVENTS))
        .attribute(AttributeKey.COUNTRY, p.country());
    String ch = channel.name();
    boolean named = !ch.equals("sms") && !ch.equals("whatsapp") && !ch.equals("messenger");
    if (named && present(r)) {
      b.attribute(AttributeKey.GIVEN_NAME, givenName(p, r));
      b.attribute(AttributeKey.FAMILY_NAME, familyName(p, r));
    }
    boolean emailChannel = ch.equals("web") || ch.equals("email") || ch.equals("mobile_app")
        || ch.equals("marketplace") || ch.equals("sales_rep");
    if (ch.equals("social") && r.nextDouble() < hashedRate * 4) {
      b.identifier(EMAIL_SHA256, sha256(p.email().toLowerCase(Locale.ROOT)));
    } else if ((emailChannel || r.nextInt(6) == 0) && present(r)) {
      b.identifier(IdentifierType.EMAIL, r.nextDouble() < junkRate ? "test@test.com" : emailVariant(p, r));
    }
    boolean phoneChannel = ch.equals("store") || ch.equals("call_center") || ch.equals("sms")
        || ch.equals("whatsapp") || ch.equals("sales_rep");
    if ((phoneChannel || r.nextInt(5) == 0) && present(r)) {
      String phone = p.landline() != null && r.nextInt(4) == 0 ? p.landline() : p.phone();
      b.identifier(IdentifierType.PHONE, r.nextDouble() < junkRate ? "0000000000" : phoneVariant(phone, p.country(), r));
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
      b.identifier(IdentifierType.LOYALTY_ID, p.loyaltyId());
    }
    if ((ch.equals("call_center") || ch.equals("sales_rep") || ch.equals("web")) && present(r)) {
      b.attribute(AttributeKey.BIRTH_DATE, birthDate(p, r));
    }
    if ((ch.equals("web") || ch.equals("catalog") || ch.equals("marketplace") || ch.equals("sales_rep")) && present(r)) {
      b.attribute(AttributeKey.ADDRESS, address(p, r));
      b.attribute(AttributeKey.CITY, p.city());
      b.attribute(AttributeKey.POSTAL_CODE, p.postal());
    }
    return b.build();
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
    String given = p.given();
    String nickname = Vocabulary.NICKNAMES.get(given);
    if (nickname != null && r.nextDouble() < nicknameRate) {
      given = nickname;
    }
    return style(given, r);
  }

  private String familyName(Person p, SplittableRandom r) {
    String family = p.family2() != null && r.nextInt(3) > 0 ? p.family1() + " " + p.family2() : p.family1();
    return style(family, r);
  }

  private String style(String s, SplittableRandom r) {
    int v = r.nextInt(10);
    return v == 0 ? ascii(s) : v == 1 ? s.toUpperCase(Locale.ROOT) : s;
  }

  private String emailVariant(Person p, SplittableRandom r) {
    String email = p.email();
    int at = email.indexOf('@');
    String local = email.substring(0, at);
    String domain = email.substring(at + 1);
    if (domain.equals("gmail.com") && r.nextInt(6) == 0) {
      local = local.replace(".", "") + "+shop";
    }
    if (r.nextDouble() < typoRate) {
      String typo = Vocabulary.DOMAIN_TYPOS.get(domain);
      if (typo != null) {
        domain = typo;
      } else if (local.length() > 3) {
        int i = 1 + r.nextInt(local.length() - 2);
        local = local.substring(0, i) + local.charAt(i + 1) + local.charAt(i) + local.substring(i + 2);
      }
    }
    String out = local + "@" + domain;
    return r.nextInt(8) == 0 ? out.toUpperCase(Locale.ROOT) : r.nextInt(8) == 0 ? " " + out + " " : out;
  }

  private static String phone(SplittableRandom r, String country) {
    return switch (country) {
      case "ES" -> "+34" + (6 + r.nextInt(2)) + digits(r, 8);
      case "MX" -> "+52" + pick(r, new String[] {"55", "33", "81"}) + digits(r, 8);
      case "AR" -> "+54911" + (1 + r.nextInt(9)) + digits(r, 7);
      case "CO" -> "+573" + (r.nextInt(3) + 10) + digits(r, 7);
      default -> "+1" + pick(r, Vocabulary.US_AREA_CODES) + (2 + r.nextInt(8)) + digits(r, 6);
    };
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

  private String birthDate(Person p, SplittableRandom r) {
    LocalDate d = p.birth();
    int day = d.getDayOfMonth();
    int month = d.getMonthValue();
    if (r.nextDouble() < typoRate && day <= 12) {
      int t = day;
      day = month;
      month = t;
    }
    boolean us = p.country().equals("US");
    return switch (r.nextInt(4)) {
      case 0 -> String.format(Locale.ROOT, "%04d-%02d-%02d", d.getYear(), month, day);
      case 1 -> us ? month + "/" + day + "/" + d.getYear() : day + "/" + month + "/" + d.getYear();
      case 2 -> us ? String.format(Locale.ROOT, "%02d/%02d/%04d", month, day, d.getYear())
          : String.format(Locale.ROOT, "%02d/%02d/%04d", day, month, d.getYear());
      default -> String.format(Locale.ROOT, "%04d-%02d-%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
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
    private double householdRate = 0.15;
    private double kioskRate = 0.02;
    private double junkRate = 0.01;
    private double hashedRate = 0.05;
    private double namesakeRate = 0.02;

    private Builder() {}

    /** How many people, at least 1. */
    public Builder people(int people) {
      if (people < 1) {
        throw new IllegalArgumentException("people must be >= 1");
      }
      this.people = people;
      return this;
    }

    /** The seed. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** The mean number of touchpoints per person, at least 1 (geometric distribution). */
    public Builder meanTouchpoints(double mean) {
      if (!(mean >= 1 && mean <= 50)) {
        throw new IllegalArgumentException("meanTouchpoints must be in 1..50");
      }
      this.meanTouchpoints = mean;
      return this;
    }

    /** The time window touchpoints fall in. */
    public Builder window(Instant start, Duration length) {
      this.start = Objects.requireNonNull(start, "start");
      if (length.isNegative() || length.isZero()) {
        throw new IllegalArgumentException("window length must be positive");
      }
      this.window = length;
      return this;
    }

    /** The share of values with a typo (email domain or letters, phone digit, swapped date). */
    public Builder typoRate(double rate) {
      this.typoRate = rate(rate, "typoRate");
      return this;
    }

    /** The share of fields left out. */
    public Builder missingRate(double rate) {
      this.missingRate = rate(rate, "missingRate");
      return this;
    }

    /** The share of given names written as a nickname (Pepe for José). */
    public Builder nicknameRate(double rate) {
      this.nicknameRate = rate(rate, "nicknameRate");
      return this;
    }

    /** The share of people who live with 1 to 3 others, sharing address, landline and tablet. */
    public Builder householdRate(double rate) {
      this.householdRate = rate(rate, "householdRate");
      return this;
    }

    /** The share of store visits made on a store's shared kiosk (times 5, capped by 1). */
    public Builder kioskRate(double rate) {
      this.kioskRate = rate(rate, "kioskRate");
      return this;
    }

    /** The share of emails, phones and device ids replaced by junk. */
    public Builder junkRate(double rate) {
      this.junkRate = rate(rate, "junkRate");
      return this;
    }

    /** The share of social touchpoints carrying a hashed email (times 4, capped by 1). */
    public Builder hashedRate(double rate) {
      this.hashedRate = rate(rate, "hashedRate");
      return this;
    }

    /** The share of people who share another person's full name. */
    public Builder namesakeRate(double rate) {
      this.namesakeRate = rate(rate, "namesakeRate");
      return this;
    }

    private static double rate(double rate, String name) {
      if (!(rate >= 0 && rate <= 1)) {
        throw new IllegalArgumentException(name + " must be in 0..1");
      }
      return rate;
    }

    /** Builds the generator. */
    public OmniChannelGenerator build() {
      return new OmniChannelGenerator(this);
    }
  }
}
