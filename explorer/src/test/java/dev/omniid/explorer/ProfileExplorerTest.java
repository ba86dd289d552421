package dev.omniid.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omniid.core.Channel;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.Profile;
import dev.omniid.core.ProfileId;
import dev.omniid.core.Touchpoint;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The page's content, read from its inlined data without a browser. */
class ProfileExplorerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static String page(IdentityResolver resolver, ProfileExplorer explorer) {
    StringWriter out = new StringWriter();
    explorer.write(resolver, out);
    return out.toString();
  }

  /** The JSON between the data element's tags. */
  static JsonNode data(String page) throws Exception {
    String open = "<script type=\"application/json\" id=\"omniid-data\">";
    int from = page.indexOf(open) + open.length();
    return JSON.readTree(page.substring(from, page.indexOf("</script>", from)));
  }

  @Test
  void customerMarkupCannotLeaveTheDataElement() throws Exception {
    IdentityResolver resolver = ShoeStore.resolver();
    ProfileId evil = resolver.profileIdOf(ShoeStore.EVIL_ID).orElseThrow();
    String page = page(resolver, ProfileExplorer.newBuilder().showValues(true).profile(evil).build());
    String open = "<script type=\"application/json\" id=\"omniid-data\">";
    int from = page.indexOf(open) + open.length();
    String data = page.substring(from, page.indexOf("</script>", from));
    // No angle bracket or ampersand from data at all: nothing can close or open an element.
    assertFalse(data.contains("<") || data.contains(">") || data.contains("&"), "raw markup in data");
    // Yet the values are all there, read back whole.
    JsonNode json = data(page);
    JsonNode profile = json.get("profiles").get(0);
    assertEquals(ShoeStore.EVIL_ID, profile.get("touchpoints").get(0).get("id").asText());
    assertTrue(json.toString().contains(ShoeStore.EVIL_NAME.replace("\"", "\\\"")));
    // The title is the caller's, escaped as text.
    String titled = page(resolver, ProfileExplorer.newBuilder().title("<b>x</b>").build());
    assertTrue(titled.contains("<title>&lt;b&gt;x&lt;/b&gt;</title>"));
  }

  @Test
  void valuesAreMaskedUnlessAskedInClear() throws Exception {
    IdentityResolver resolver = ShoeStore.resolver();
    ProfileId ana = ShoeStore.ana(resolver).id();
    String masked = page(resolver, ProfileExplorer.newBuilder().profile(ana).build());
    for (String value : List.of("612345678", "612 345 678", "ana.p.work", "LOY-778812", "Pérez")) {
      assertFalse(masked.contains(value), "in clear: " + value);
    }
    assertFalse(data(masked).at("/meta/showValues").asBoolean());
    String clear = page(resolver, ProfileExplorer.newBuilder().profile(ana).showValues(true).build());
    assertTrue(clear.contains("+34612345678") && clear.contains("ana.p.work@outlook.es"));
    assertTrue(data(clear).at("/meta/showValues").asBoolean());
  }

  @Test
  void overviewCountsTheWholeResolver() throws Exception {
    IdentityResolver resolver = ShoeStore.resolver();
    JsonNode o = data(page(resolver, ProfileExplorer.newBuilder().build())).get("overview");
    assertEquals(resolver.touchpointCount(), o.get("records").asLong());
    assertEquals(resolver.profileCount(), o.get("profiles").asLong());
    assertEquals(resolver.touchpointCount() - resolver.profileCount(), o.get("merges").asLong());
    assertEquals(resolver.genericValues().size(), o.get("genericValues").asLong());
    assertTrue(o.get("genericValues").asLong() >= 1, "test@test.com is junk");
    // The household: its shared phone and the phone's derived hash are each refused (a person
    // conflict), between one pair of related profiles.
    long refusals = resolver.profiles().flatMap(p -> p.evidence().stream())
        .filter(e -> !e.links()).distinct().count();
    assertEquals(2, refusals);
    assertEquals(refusals, o.get("conflicts").asLong(), o.toString());
    assertEquals(1, o.get("relations").asLong(), o.toString());
    assertEquals(ShoeStore.ana(resolver).id().toString(), o.at("/largest/0/id").asText());
  }

  @Test
  void aProfileCarriesItsGraphAndTheWaterfallsOfItsPairs() throws Exception {
    IdentityResolver resolver = ShoeStore.resolver();
    Profile jose = resolver.profileOfTouchpoint("crm-17").orElseThrow();
    JsonNode p = data(page(resolver, ProfileExplorer.newBuilder().maxProfiles(0).profile(jose.id())
        .build())).at("/profiles/0");
    assertEquals(2, p.get("touchpoints").size());
    assertEquals("scored_match", p.at("/edges/0/kind").asText());
    JsonNode pair = p.at("/pairs/0");
    var score = resolver.why("crm-17", "pos-0200").score().orElseThrow();
    assertEquals(score.fields().size(), pair.at("/score/fields").size());
    assertEquals(score.weight(), pair.at("/score/weight").asDouble(), 1e-4);
    assertEquals(score.thresholdWeight(), pair.at("/score/threshold").asDouble(), 1e-4);
    assertTrue(pair.get("same").asBoolean());
    // The household's refusal reaches the other profile, drawn at the edge.
    Profile marta = resolver.profileOfTouchpoint("hh-1").orElseThrow();
    JsonNode m = data(page(resolver, ProfileExplorer.newBuilder().maxProfiles(0).profile(marta.id())
        .build())).at("/profiles/0");
    assertEquals("hh-2", m.at("/outside/0/id").asText());
    assertEquals("person_conflict", m.at("/edges/0/kind").asText());
    assertFalse(m.at("/edges/0/links").asBoolean());
    assertEquals(1, m.get("related").size());
  }

  @Test
  void theSelectionIsBoundedAndSaysWhatItLeftOut() throws Exception {
    IdentityResolver resolver = dev.omniid.matching.OmniId.resolverBuilder().build();
    List<Touchpoint> many = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      // Profiles of 1 to 3 records, by shared customer id.
      for (int k = 0; k <= i % 3; k++) {
        many.add(Touchpoint.newBuilder("r" + i + "-" + k).channel(Channel.WEB)
            .identifier(IdentifierType.CUSTOMER_ID, String.format(Locale.ROOT, "C-%04d", i)).build());
      }
    }
    resolver.resolveAll(many);
    ProfileId asked = resolver.profileIdOf("r1-0").orElseThrow();
    ProfileExplorer explorer = ProfileExplorer.newBuilder().maxProfiles(10).profile(asked).build();
    StringWriter out = new StringWriter();
    PageSummary summary = explorer.write(resolver, out);
    JsonNode data = data(out.toString());
    assertEquals(11, summary.profiles());
    assertEquals(289, summary.profilesLeftOut());
    assertEquals(11, data.get("profiles").size());
    assertEquals(289, data.at("/leftOut/profiles").asLong());
    assertEquals(asked.toString(), data.at("/profiles/0/id").asText(), "the one asked for first");
    // The largest five are size 3; the sample is the rest, and repeatable.
    for (int i = 1; i <= 5; i++) {
      assertEquals(3, data.at("/profiles/" + i + "/size").asInt());
    }
    assertEquals(out.toString(), page(resolver, explorer));
    assertThrows(IllegalArgumentException.class, () -> page(resolver,
        ProfileExplorer.newBuilder().profile(new ProfileId(999_999)).build()));
  }

  @Test
  void theBuilderRefusesBadSettingsAtOnce() {
    assertThrows(IllegalArgumentException.class, () -> ProfileExplorer.newBuilder().maxProfiles(-1));
    assertThrows(IllegalArgumentException.class, () -> ProfileExplorer.newBuilder().title(" "));
    assertThrows(NullPointerException.class, () -> ProfileExplorer.newBuilder().profile(null));
  }
}
