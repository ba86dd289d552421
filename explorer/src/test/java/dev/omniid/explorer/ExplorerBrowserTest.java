package dev.omniid.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.MatchScore;
import dev.omniid.core.Profile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The written page opened in headless Chromium from a file: what a person sees is checked in the
 * rendered DOM and the graph library's own state. The page must draw the graph of a known
 * profile, show the waterfall of a chosen pair, find a record by search, log no error, run none
 * of the customer's markup, and make no request but the file itself.
 *
 * <p>It leaves a screenshot in {@code target/explorer.png}; {@code -Domniid.screenshot=update}
 * also copies it to {@code docs/explorer.png}, the one the README shows (a build does not rewrite
 * a committed file on its own).
 */
class ExplorerBrowserTest {
  private static IdentityResolver resolver;
  private static Path page;
  private static String url;
  private static Chromium browser;

  @BeforeAll
  static void openThePage() throws Exception {
    Path binary = Chromium.binary().orElseThrow(() -> new AssertionError(
        "Chromium is not installed: the explorer's page is tested in a real browser. Install"
            + " Debian's chromium and chromium-driver packages (.ci/run does), or name a binary"
            + " with -Dchromium.binary=PATH."));
    resolver = ShoeStore.resolver();
    Path work = Files.createDirectories(Path.of("target", "explorer-test").toAbsolutePath());
    page = work.resolve("shoe-store.html");
    ProfileExplorer.newBuilder().profile(ShoeStore.ana(resolver).id()).build().write(resolver, page);
    url = page.toUri().toString();
    browser = Chromium.start(binary, work, 1400, 1050);
    browser.navigate(url);
    // The page's script has run when it says so; awaited as a promise, no sleep.
    browser.eval("new Promise(function (done) { (function check() { if (window.omniidReady)"
        + " { done(true); } else { requestAnimationFrame(check); } })(); })");
  }

  @AfterAll
  static void closeTheBrowser() throws Exception {
    if (browser != null) {
      try {
        // Whatever the order the tests ran in, nothing any of them did may have logged an error.
        assertEquals(List.of(), problems());
      } finally {
        browser.close();
      }
    }
  }

  /** The console errors and warnings, uncaught exceptions and browser log errors so far. */
  private static List<String> problems() {
    List<String> problems = new ArrayList<>();
    browser.events("Runtime.consoleAPICalled").stream()
        .filter(e -> List.of("error", "warning", "assert").contains(e.get("type").asText()))
        .forEach(e -> problems.add("console " + e));
    browser.events("Runtime.exceptionThrown").forEach(e -> problems.add("exception " + e));
    browser.events("Log.entryAdded").stream()
        .filter(e -> List.of("error", "warning").contains(e.at("/entry/level").asText()))
        .forEach(e -> problems.add("log " + e));
    return problems;
  }

  private static List<String> strings(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  @Test
  void theGraphDrawsTheProfilesTouchpointsAndEvidence() throws Exception {
    Profile ana = ShoeStore.ana(resolver);
    browser.eval("omniid.showProfile('" + ana.id() + "')");
    List<String> nodes = strings(browser.eval(
        "omniid.cy().nodes().map(function (n) { return n.id(); }).sort()"));
    assertEquals(ana.touchpointIds().stream().sorted().toList(), nodes);
    assertEquals(ana.evidence().size(), browser.eval("omniid.cy().edges().length").asInt());
    // Drawn: every node has a place inside the canvas, coloured by its channel.
    assertTrue(browser.eval("omniid.cy().nodes().every(function (n) { var p = n.renderedPosition();"
        + " return p.x > 0 && p.y > 0 && p.x < omniid.cy().width() && p.y < omniid.cy().height(); })")
        .asBoolean());
    assertEquals(ana.channels().size(), browser.eval("new Set(omniid.cy().nodes().map(function (n)"
        + " { return n.style('background-color'); })).size").asInt());

    // The household: its own record, the other person's at the edge, the refusals dashed.
    Profile marta = resolver.profileOfTouchpoint("hh-1").orElseThrow();
    browser.eval("omniid.showProfile('" + marta.id() + "')");
    assertEquals(List.of("hh-1", "hh-2"), strings(browser.eval(
        "omniid.cy().nodes().map(function (n) { return n.id(); }).sort()")));
    assertEquals(1, browser.eval("omniid.cy().nodes('[outside = 1]').length").asInt());
    assertEquals(2, browser.eval("omniid.cy().edges().filter(function (e) {"
        + " return e.style('line-style') === 'dashed'; }).length").asInt());
    assertTrue(browser.eval("document.querySelector('#related').textContent").asText()
        .contains("person conflict"));
  }

  @Test
  void theWaterfallOfAChosenPairShowsItsFieldsAndTotal() throws Exception {
    Profile jose = resolver.profileOfTouchpoint("crm-17").orElseThrow();
    browser.eval("omniid.showProfile('" + jose.id() + "')");
    // Chosen as a person would: the two selects.
    browser.eval("(function () { var a = document.getElementById('pair-a'),"
        + " b = document.getElementById('pair-b'); a.value = 'pos-0200'; b.value = 'crm-17';"
        + " b.dispatchEvent(new Event('change')); })()");
    MatchScore score = resolver.why("pos-0200", "crm-17").score().orElseThrow();
    List<String> expected = new ArrayList<>(List.of("prior"));
    score.fields().forEach(f -> expected.add(f.field()));
    assertEquals(expected, strings(browser.eval("Array.prototype.map.call(document.querySelectorAll("
        + "'#waterfall .wf-row.field'), function (r) { return r.getAttribute('data-field'); })")));
    List<String> levels = strings(browser.eval("Array.prototype.map.call(document.querySelectorAll("
        + "'#waterfall .wf-row.field'), function (r) { return r.getAttribute('data-level'); })"));
    for (int i = 0; i < score.fields().size(); i++) {
      assertEquals(score.fields().get(i).level().name().toLowerCase(Locale.ROOT), levels.get(i + 1));
    }
    String total = String.format(Locale.ROOT, "%.2f", score.weight());
    assertEquals(total, browser.eval("document.querySelector('#waterfall .wf-row.total')"
        .concat(".getAttribute('data-weight')")).asText());
    String text = browser.eval("document.querySelector('#waterfall .total-text').textContent")
        .asText();
    assertTrue(text.contains("Total +" + total) && text.contains("at or above the threshold +"
        + String.format(Locale.ROOT, "%.2f", score.thresholdWeight())), text);
    assertTrue(browser.eval("document.querySelector('#waterfall .decision').textContent").asText()
        .contains("same profile " + jose.id()));
  }

  @Test
  void searchFindsARecordAndAMaskedIdentifier() throws Exception {
    Profile ana = ShoeStore.ana(resolver);
    browser.eval("omniid.tab('overview')");
    assertEquals(List.of(ana.id().toString()), strings(browser.eval(type("wa-5531"))));
    // The phone as the page shows it, masked.
    String masked = ana.identifiers().stream().filter(i -> i.type().name().equals("phone"))
        .findFirst().orElseThrow().masked();
    assertTrue(strings(browser.eval(type(masked))).contains(ana.id().toString()), masked);
    // A record id that is markup is found, and shown as the text it is.
    String evil = resolver.profileIdOf(ShoeStore.EVIL_ID).orElseThrow().toString();
    assertEquals(List.of(evil), strings(browser.eval(type("onerror"))));
    assertTrue(browser.eval("document.querySelector('#search-results li').textContent").asText()
        .contains(ShoeStore.EVIL_ID));
  }

  /** Types into the search box and returns the profiles of the results. */
  private static String type(String query) {
    return "(function () { var s = document.getElementById('search'); s.value = "
        + jsString(query) + "; s.dispatchEvent(new Event('input'));"
        + " return Array.prototype.map.call(document.querySelectorAll('#search-results li[data-profile]'),"
        + " function (li) { return li.getAttribute('data-profile'); }); })()";
  }

  private static String jsString(String s) {
    StringBuilder out = new StringBuilder("'");
    for (char c : s.toCharArray()) {
      out.append(c == '\'' || c == '\\' || c < 0x20 || c > 0x7e || c == '<'
          ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
    }
    return out.append('\'').toString();
  }

  @Test
  void thePageLogsNoErrorRunsNoCustomerMarkupAndRequestsNothing() throws Exception {
    // Every tab shown once, so that each has run.
    for (String tab : List.of("overview", "generic", "conflicts", "profile")) {
      browser.eval("omniid.tab('" + tab + "')");
    }
    browser.eval("omniid.showProfile('" + resolver.profileIdOf(ShoeStore.EVIL_ID).orElseThrow()
        + "')");
    assertTrue(browser.eval("window.pwned === undefined && document.querySelectorAll('img').length"
        + " === 0 && document.querySelectorAll('script').length === 3").asBoolean(),
        "customer markup ran or was parsed");
    assertTrue(browser.eval("document.querySelector('#timeline').textContent").asText()
        .contains(ShoeStore.EVIL_ID));

    assertEquals(List.of(), problems());

    List<String> requests = browser.events("Network.requestWillBeSent").stream()
        .map(e -> e.at("/request/url").asText()).toList();
    assertEquals(List.of(url), requests, "the page requested something beyond itself");
    assertTrue(browser.events("Network.loadingFailed").isEmpty());
  }

  @Test
  void screenshot() throws Exception {
    Profile ana = ShoeStore.ana(resolver);
    browser.eval("omniid.showProfile('" + ana.id() + "'); omniid.showPair('pos-0193', 'wa-5531');"
        + " window.scrollTo(0, 0)");
    byte[] png = browser.screenshot();
    assertTrue(png.length > 10_000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G');
    Path shot = Path.of("target", "explorer.png");
    Files.write(shot, png);
    if ("update".equals(System.getProperty("omniid.screenshot"))) {
      Files.copy(shot, Path.of("..", "docs", "explorer.png"), StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
