package dev.omniid.datagen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.core.IdentifierType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OmniChannelGeneratorTest {

  @Test
  void theSameSeedGivesTheSameBytesAndAnotherSeedDoesNot(@TempDir Path dir) throws IOException {
    OmniChannelGenerator g = OmniChannelGenerator.newBuilder().people(300).seed(42).build();
    GeneratedDataWriter.write(g, dir.resolve("a"));
    GeneratedDataWriter.write(OmniChannelGenerator.newBuilder().people(300).seed(42).build(), dir.resolve("b"));
    GeneratedDataWriter.write(OmniChannelGenerator.newBuilder().people(300).seed(43).build(), dir.resolve("c"));
    for (String file : List.of("touchpoints.csv", "touchpoints.jsonl", "truth.csv", "labels.csv", "mapping.json")) {
      assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(file)),
          Files.readAllBytes(dir.resolve("b").resolve(file)), file);
    }
    assertFalse(Files.readString(dir.resolve("a/touchpoints.csv"))
        .equals(Files.readString(dir.resolve("c/touchpoints.csv"))));
    assertEquals(g.generate(), g.stream().toList(), "stream and list agree");
  }

  @Test
  void groundTruthCoversEveryTouchpointAndEveryPerson() {
    List<GeneratedTouchpoint> data = OmniChannelGenerator.newBuilder().people(2_000).seed(7).build().generate();
    Set<String> ids = new HashSet<>();
    Set<String> people = new HashSet<>();
    for (GeneratedTouchpoint g : data) {
      assertTrue(ids.add(g.touchpoint().id()), "unique ids");
      people.add(g.personId());
    }
    assertEquals(2_000, people.size());
    double mean = data.size() / 2_000.0;
    assertTrue(mean > 4 && mean < 6, "mean touchpoints per person " + mean);
  }

  @Test
  void theMessinessOfRealDataIsThere() {
    List<GeneratedTouchpoint> data = OmniChannelGenerator.newBuilder().people(10_000).seed(3).build().generate();
    List<String> emails = values(data, IdentifierType.EMAIL);
    List<String> phones = values(data, IdentifierType.PHONE);
    List<String> devices = values(data, IdentifierType.DEVICE_ID);
    assertTrue(emails.stream().anyMatch(e -> e.endsWith("@gmial.com") || e.endsWith("@hotmial.com")), "domain typos");
    assertTrue(emails.stream().anyMatch(e -> e.contains("+shop@gmail.com")), "gmail plus tags");
    assertTrue(emails.stream().anyMatch(e -> e.equals(e.toUpperCase(java.util.Locale.ROOT)) && e.contains("@")), "upper case");
    long junk = emails.stream().filter("test@test.com"::equals).count();
    assertTrue(junk > 10 && junk < emails.size() / 20, "junk emails " + junk + " of " + emails.size());
    assertTrue(phones.stream().anyMatch(p -> p.startsWith("00")), "00-prefixed phones");
    assertTrue(phones.stream().anyMatch(p -> p.startsWith("(")), "parenthesised area codes");
    assertTrue(phones.stream().anyMatch(p -> !p.startsWith("+") && !p.startsWith("0")), "national phones");
    assertTrue(phones.contains("0000000000"), "junk phones");
    assertTrue(devices.contains("00000000-0000-0000-0000-000000000000"), "zeroed ad ids");
    assertFalse(values(data, OmniChannelGenerator.EMAIL_SHA256).isEmpty(), "hashed emails");
    Map<String, Set<String>> devicePeople = new HashMap<>();
    for (GeneratedTouchpoint g : data) {
      for (var i : g.touchpoint().identifiers()) {
        if (i.type().equals(IdentifierType.DEVICE_ID)) {
          devicePeople.computeIfAbsent(i.raw().toLowerCase(java.util.Locale.ROOT), k -> new HashSet<>()).add(g.personId());
        }
      }
    }
    long kiosks = devicePeople.values().stream().filter(s -> s.size() > 20).count();
    long families = devicePeople.values().stream().filter(s -> s.size() >= 2 && s.size() <= 4).count();
    assertTrue(kiosks >= 5, "kiosks shared by many: " + kiosks);
    assertTrue(families >= 10, "family devices: " + families);
    Map<String, Set<String>> byName = data.stream()
        .filter(g -> g.touchpoint().attributes().containsKey(dev.omniid.core.AttributeKey.FAMILY_NAME))
        .collect(Collectors.groupingBy(g -> g.touchpoint().attributes().get(dev.omniid.core.AttributeKey.GIVEN_NAME)
            + "|" + g.touchpoint().attributes().get(dev.omniid.core.AttributeKey.FAMILY_NAME),
            Collectors.mapping(GeneratedTouchpoint::personId, Collectors.toSet())));
    assertTrue(byName.values().stream().anyMatch(s -> s.size() > 1), "namesakes");
    assertTrue(data.stream().anyMatch(g -> "Pepe".equals(g.touchpoint().attributes().get(dev.omniid.core.AttributeKey.GIVEN_NAME))), "nicknames");
  }

  /** Item 6 of issue 11: unrelated namesakes were given one address (jyoung@gmail.com). */
  @Test
  void aMailboxBelongsToOnePersonOneHouseholdOrOneOfficeUnlessMistypedOnPurpose() {
    List<GeneratedTouchpoint> data = OmniChannelGenerator.newBuilder().people(20_000).seed(5).build().generate();
    Map<String, Set<String>> people = new HashMap<>();
    Map<String, Set<String>> households = new HashMap<>();
    Map<String, GeneratedTouchpoint> carrier = new HashMap<>();
    Map<String, Set<Pattern>> patterns = new HashMap<>();
    for (GeneratedTouchpoint g : data) {
      for (var i : g.touchpoint().identifiers()) {
        if (i.type().equals(IdentifierType.EMAIL)) {
          String mailbox = mailbox(i.raw());
          people.computeIfAbsent(mailbox, k -> new HashSet<>()).add(g.personId());
          households.computeIfAbsent(mailbox, k -> new HashSet<>()).add(g.householdId());
          patterns.computeIfAbsent(mailbox, k -> EnumSet.noneOf(Pattern.class)).addAll(g.patterns());
          carrier.putIfAbsent(mailbox, g);
        }
      }
    }
    int family = 0;
    int office = 0;
    int mistyped = 0;
    for (var e : people.entrySet()) {
      String mailbox = e.getKey();
      if (e.getValue().size() == 1 || mailbox.equals("test@test.com")) {
        continue;
      }
      if (households.get(mailbox).size() == 1) {
        family++;
      } else if (mailbox.matches("[a-z]+@[a-z]+-[a-z]+[0-9]+\\.(com|es|com\\.mx)")) {
        // a company's domain: its shared mailbox, or the same typo of it by two colleagues
        office++;
        assertTrue(data.stream().filter(g -> e.getValue().contains(g.personId()))
            .allMatch(g -> g.patterns().contains(Pattern.SHARED_MAILBOX)), mailbox);
      } else {
        mistyped++;
        assertEquals(2, e.getValue().size(), "a mistyped mailbox joins two namesakes: " + mailbox);
        assertTrue(patterns.get(mailbox).contains(Pattern.MISTYPED_EMAIL), "unlabelled collision: " + mailbox);
      }
    }
    assertTrue(family > 500, "family mailboxes " + family);
    assertTrue(office > 10, "office mailboxes " + office);
    assertTrue(mistyped >= 5 && mistyped < 100, "mistyped mailboxes " + mistyped);
  }

  @Test
  void customerLoyaltyAndNationalIdsAreOnePersonEach() {
    List<GeneratedTouchpoint> data = OmniChannelGenerator.newBuilder().people(20_000).seed(6).build().generate();
    Map<String, Set<String>> owners = new HashMap<>();
    for (GeneratedTouchpoint g : data) {
      for (var i : g.touchpoint().identifiers()) {
        if (i.type().equals(IdentifierType.CUSTOMER_ID) || i.type().equals(IdentifierType.LOYALTY_ID)
            || i.type().equals(IdentifierType.NATIONAL_ID)) {
          String compact = i.raw().toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "");
          owners.computeIfAbsent(i.type().name() + ":" + compact, k -> new HashSet<>()).add(g.personId());
        }
      }
    }
    assertTrue(owners.size() > 10_000);
    owners.forEach((id, who) -> assertEquals(1, who.size(), id));
  }

  @Test
  void everyPatternIsThereAtAboutItsRateAndOnlyOnItsPeople() {
    List<GeneratedTouchpoint> data = OmniChannelGenerator.newBuilder().people(40_000).seed(8).build().generate();
    Map<Pattern, Set<String>> labelled = new java.util.EnumMap<>(Pattern.class);
    data.forEach(g -> g.patterns().forEach(p -> labelled.computeIfAbsent(p, k -> new HashSet<>()).add(g.personId())));
    for (Pattern p : List.of(Pattern.SHARED_MAILBOX, Pattern.FOREIGN_PHONE, Pattern.LOCAL_PHONE,
        Pattern.ID_SEPARATORS, Pattern.SURNAME_FIRST, Pattern.DISPLAY_NAME_EMAIL, Pattern.MONTH_FIRST_DATE,
        Pattern.NAMESAKE)) {
      double share = labelled.getOrDefault(p, Set.of()).size() / 40_000.0;
      assertTrue(share > p.defaultRate() * 0.6 && share < p.defaultRate() * 1.4, p + " " + share);
    }
    double inHouseholds = labelled.get(Pattern.HOUSEHOLD).size() / 40_000.0;
    assertTrue(inHouseholds > 0.25 && inHouseholds < 0.45, "people in households " + inHouseholds);
    assertTrue(labelled.get(Pattern.JUNIOR_SENIOR).size() > 500, "fathers and sons");
    assertTrue(labelled.get(Pattern.UNLISTED_PHONE_RANGE).size() > 400, "unlisted ranges");
    assertTrue(labelled.get(Pattern.MISTYPED_EMAIL).size() > 20, "mistyped mailboxes");
    for (GeneratedTouchpoint g : data) {
      var t = g.touchpoint();
      String family = t.attributes().getOrDefault(dev.omniid.core.AttributeKey.FAMILY_NAME, "");
      if (family.matches(".* (Jr|Sr|II|hijo|padre)")) {
        assertTrue(g.patterns().contains(Pattern.JUNIOR_SENIOR), family);
      }
      for (var i : t.identifiers()) {
        if (i.type().equals(IdentifierType.EMAIL) && i.raw().contains("<")) {
          assertTrue(g.patterns().contains(Pattern.DISPLAY_NAME_EMAIL), "display name");
        }
        if (i.type().equals(IdentifierType.PHONE) && i.raw().replaceAll("[^0-9]", "").length() == 7) {
          assertTrue(g.patterns().contains(Pattern.LOCAL_PHONE), "a 7-digit phone");
        }
        if (i.type().equals(IdentifierType.NATIONAL_ID) && !i.raw().matches("[0-9]+[A-Z]?")) {
          assertTrue(g.patterns().contains(Pattern.ID_SEPARATORS), i.raw());
        }
      }
    }
  }

  @Test
  void aHouseholdSharesAFamilyNameButNotAGivenNameOrABirthDate() {
    OmniChannelGenerator all = OmniChannelGenerator.newBuilder().people(5_000).seed(4).missingRate(0)
        .nicknameRate(0).typoRate(0).rate(Pattern.SURNAME_FIRST, 0).rate(Pattern.MONTH_FIRST_DATE, 0).build();
    Map<String, Map<String, Set<String>>> givenByHousehold = new HashMap<>();
    Map<String, Set<String>> familyByHousehold = new HashMap<>();
    Map<String, Set<String>> birthsOfPerson = new HashMap<>();
    Map<String, String> householdOf = new HashMap<>();
    for (GeneratedTouchpoint g : all.generate()) {
      var a = g.touchpoint().attributes();
      householdOf.put(g.personId(), g.householdId());
      if (a.containsKey(dev.omniid.core.AttributeKey.GIVEN_NAME)) {
        givenByHousehold.computeIfAbsent(g.householdId(), k -> new HashMap<>())
            .computeIfAbsent(OmniChannelGenerator.ascii(a.get(dev.omniid.core.AttributeKey.GIVEN_NAME)), k -> new HashSet<>())
            .add(g.personId());
        familyByHousehold.computeIfAbsent(g.householdId(), k -> new HashSet<>())
            .add(OmniChannelGenerator.ascii(a.get(dev.omniid.core.AttributeKey.FAMILY_NAME)).split(" ")[0]);
      }
      if (a.containsKey(dev.omniid.core.AttributeKey.BIRTH_DATE) && a.get(dev.omniid.core.AttributeKey.BIRTH_DATE).contains("-")) {
        birthsOfPerson.computeIfAbsent(g.personId(), k -> new HashSet<>()).add(a.get(dev.omniid.core.AttributeKey.BIRTH_DATE));
      }
    }
    familyByHousehold.forEach((h, f) -> assertEquals(1, f.size(), h + " " + f));
    // Only a father and son share a given name inside a household.
    givenByHousehold.forEach((h, byGiven) -> byGiven.forEach((given, who) -> assertTrue(who.size() == 1
        || who.size() == 2, h + " " + given)));
    Map<String, Set<String>> birthsByHousehold = new HashMap<>();
    birthsOfPerson.forEach((person, births) -> {
      assertEquals(1, births.size(), person + " has one birth date");
      assertTrue(birthsByHousehold.computeIfAbsent(householdOf.get(person), k -> new HashSet<>()).addAll(births),
          "two members of " + householdOf.get(person) + " born the same day");
    });
  }

  @Test
  void withEveryPatternOffNobodyIsLabelled() {
    OmniChannelGenerator.Builder b = OmniChannelGenerator.newBuilder().people(2_000).seed(2);
    for (Pattern p : Pattern.values()) {
      b.rate(p, 0);
    }
    List<GeneratedTouchpoint> data = b.build().generate();
    assertTrue(data.stream().allMatch(g -> g.patterns().isEmpty()));
    assertEquals(2_000, data.stream().map(GeneratedTouchpoint::householdId).distinct().count());
  }

  /** A mailbox as a provider delivers it: display name, case, Gmail dots and tags, domain typos undone. */
  private static String mailbox(String raw) {
    String s = raw.strip();
    if (s.contains("<")) {
      s = s.substring(s.indexOf('<') + 1, s.indexOf('>'));
    }
    s = s.toLowerCase(java.util.Locale.ROOT);
    String local = s.substring(0, s.indexOf('@'));
    String domain = s.substring(s.indexOf('@') + 1);
    for (var e : Vocabulary.DOMAIN_TYPOS.entrySet()) {
      if (e.getValue().equals(domain)) {
        domain = e.getKey();
      }
    }
    if (local.contains("+")) {
      local = local.substring(0, local.indexOf('+'));
    }
    if (domain.equals("gmail.com")) {
      local = local.replace(".", "");
    }
    return local + "@" + domain;
  }

  @Test
  void csvRoundTripsThroughAnRfc4180Reader(@TempDir Path dir) throws IOException {
    OmniChannelGenerator g = OmniChannelGenerator.newBuilder().people(500).seed(9).build();
    long rows = GeneratedDataWriter.write(g, dir);
    List<List<String>> parsed = parseCsv(Files.readString(dir.resolve("touchpoints.csv"), StandardCharsets.UTF_8));
    assertEquals(GeneratedDataWriter.COLUMNS, parsed.get(0));
    assertEquals(rows, parsed.size() - 1);
    List<GeneratedTouchpoint> data = g.generate();
    for (int i = 0; i < data.size(); i++) {
      assertArrayEquals(GeneratedDataWriter.row(data.get(i).touchpoint()), parsed.get(i + 1).toArray(new String[0]), "row " + i);
    }
    List<String> lines = Files.readAllLines(dir.resolve("touchpoints.jsonl"));
    assertEquals(rows, lines.size());
    for (String line : lines) {
      assertTrue(line.startsWith("{\"record_id\":\"tp-") && line.endsWith("}"), line);
      assertFalse(line.chars().anyMatch(c -> c < 0x20), "no raw control characters");
    }
    assertTrue(Files.readString(dir.resolve("truth.csv")).startsWith("record_id,cluster_id\n"));
    // LF line ends, as every file the CLI writes: grep 'P-8$' and cut must not meet a CR.
    for (String file : List.of("touchpoints.csv", "touchpoints.jsonl", "truth.csv", "labels.csv")) {
      assertFalse(Files.readString(dir.resolve(file)).contains("\r"), file);
    }
  }

  @Test
  void jsonAndCsvEscaping() {
    assertEquals("\"a\\\"b\\\\c\\n\\u0001\"", GeneratedDataWriter.jsonString("a\"b\\c\n\u0001"));
    assertEquals("\"a,b\"", GeneratedDataWriter.csvField("a,b"));
    assertEquals("\"say \"\"hi\"\"\"", GeneratedDataWriter.csvField("say \"hi\""));
    assertEquals("\" padded \"", GeneratedDataWriter.csvField(" padded "));
    assertEquals("plain", GeneratedDataWriter.csvField("plain"));
    assertNotEquals(GeneratedDataWriter.csvField("x\ny"), "x\ny");
  }

  @Test
  void aMillionTouchpointsInWellUnderAMinute() {
    OmniChannelGenerator g = OmniChannelGenerator.newBuilder().people(200_000).seed(1).build();
    long start = System.nanoTime();
    long[] count = {0};
    g.forEach(t -> count[0]++);
    double seconds = (System.nanoTime() - start) / 1e9;
    // Reported, not asserted: timing on shared machines is noise (see the benchmarks module).
    TestReports.add("OmniChannelGeneratorTest", String.format("generated %,d touchpoints in %.2f s (%,.0f/s)",
        count[0], seconds, count[0] / seconds));
    assertTrue(count[0] > 800_000);
  }

  private static List<String> values(List<GeneratedTouchpoint> data, IdentifierType type) {
    List<String> out = new ArrayList<>();
    for (GeneratedTouchpoint g : data) {
      for (var i : g.touchpoint().identifiers()) {
        if (i.type().equals(type)) {
          out.add(i.raw());
        }
      }
    }
    return out;
  }

  /** A minimal RFC 4180 reader (LF or CRLF line ends) for the round-trip check. */
  static List<List<String>> parseCsv(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        // A record ends at LF (what the writer writes) or CRLF, outside quotes.
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i += c == '\r' ? 1 : 0;
      } else {
        field.append(c);
      }
    }
    return rows;
  }
}
