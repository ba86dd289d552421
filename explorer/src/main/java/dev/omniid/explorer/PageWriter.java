package dev.omniid.explorer;

import dev.omniid.core.AttributeKey;
import dev.omniid.core.Evidence;
import dev.omniid.core.GenericValue;
import dev.omniid.core.Identifier;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.MatchScore;
import dev.omniid.core.PairExplanation;
import dev.omniid.core.PersonConflict;
import dev.omniid.core.Profile;
import dev.omniid.core.ProfileId;
import dev.omniid.core.Relation;
import dev.omniid.core.Touchpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/** Writes the page: the template, the inlined library and script, the data as JSON. */
final class PageWriter {
  /** How many generic values the page lists (the most carried first); it counts them all. */
  static final int MAX_GENERIC = 500;
  /** How many conflicts the page lists (those of the shown profiles); it counts them all. */
  static final int MAX_CONFLICTS = 2_000;
  /** How many identifiers and related profiles a profile lists; it counts them all. */
  static final int MAX_LISTED = 200;

  // Nothing may leave the page: no fetch, image, font or frame from anywhere, not even the
  // page's own directory. Scripts and styles are inline only.
  private static final String CSP = "default-src 'none'; script-src 'unsafe-inline'; "
      + "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";
  // The masking of identifiers serves attributes too: one rule for every personal value.
  private static final IdentifierType ATTRIBUTE = IdentifierType.of("attribute");

  private final IdentityResolver resolver;
  private final boolean showValues;
  private final Map<ProfileId, Optional<Profile>> others = new HashMap<>();
  private int explainedPairs;
  private long shownRecords;

  private PageWriter(IdentityResolver resolver, boolean showValues) {
    this.resolver = resolver;
    this.showValues = showValues;
  }

  static PageSummary write(IdentityResolver resolver, Selection selection, boolean showValues,
      String title, Writer out) {
    PageWriter page = new PageWriter(resolver, showValues);
    CountingWriter counted = new CountingWriter(out);
    try {
      page.html(selection, title, counted);
      counted.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new PageSummary(selection.shown.size(), selection.profiles - selection.shown.size(),
        page.shownRecords, page.explainedPairs, counted.count);
  }

  private void html(Selection selection, String title, Writer out) throws IOException {
    String library = resource("cytoscape/cytoscape.min.js");
    String script = resource("page.js");
    // The inlined scripts are ours and the library's, not data; still, neither may end its
    // script element early.
    for (String s : List.of(library, script)) {
      String lower = s.toLowerCase(Locale.ROOT);
      if (lower.contains("</script") || lower.contains("<!--")) {
        throw new IllegalStateException("an inlined script contains </script or <!--");
      }
    }
    out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.write("<meta http-equiv=\"Content-Security-Policy\" content=\"" + CSP + "\">\n");
    out.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.write("<title>" + escapeHtml(title) + "</title>\n<style>\n");
    out.write(resource("page.css"));
    out.write("</style>\n</head>\n<body>\n");
    out.write(resource("page.html").replace("{{title}}", escapeHtml(title)));
    out.write("<script type=\"application/json\" id=\"omniid-data\">");
    data(selection, title, new Json(out));
    out.write("</script>\n<script>\n");
    out.write(library);
    out.write("\n</script>\n<script>\n");
    out.write(script);
    out.write("\n</script>\n</body>\n</html>\n");
  }

  private void data(Selection s, String title, Json j) {
    j.beginObject();
    j.name("meta").beginObject().field("title", title).field("showValues", showValues)
        .field("cytoscape", version()).field("maxTouchpoints", ProfileExplorer.MAX_TOUCHPOINTS)
        .endObject();
    List<GenericValue> generic = new ArrayList<>(resolver.genericValues());
    generic.sort(Comparator.comparingInt(GenericValue::touchpoints).reversed());
    j.name("overview").beginObject().field("records", s.records).field("profiles", s.profiles)
        .field("merges", s.records - s.profiles).field("genericValues", generic.size())
        .field("conflicts", s.conflicts).field("relations", s.relations);
    j.name("sizes").beginArray();
    for (int i = 0; i < Selection.BUCKETS.length; i++) {
      j.beginObject().field("bucket", Selection.BUCKETS[i]).field("profiles", s.sizes[i])
          .endObject();
    }
    j.endArray();
    j.name("channels").beginArray();
    s.channels.forEach((c, n) -> j.beginObject().field("channel", c).field("profiles", n)
        .endObject());
    j.endArray();
    j.name("largest").beginArray();
    for (Profile p : s.largest) {
      j.beginObject().field("id", p.id().toString()).field("size", p.size());
      strings(j.name("channels"), p.channels().stream().map(c -> c.name()).toList());
      j.endObject();
    }
    j.endArray().endObject();

    j.name("profiles").beginArray();
    Set<String> conflictsSeen = new HashSet<>();
    List<Evidence> conflicts = new ArrayList<>();
    for (Profile p : s.shown) {
      profile(j, p, s.requested.contains(p.id()));
      for (Evidence e : p.evidence()) {
        if (!e.links() && conflicts.size() < MAX_CONFLICTS
            && conflictsSeen.add(e.touchpointId() + "\u0000" + e.otherTouchpointId()
                + "\u0000" + e.kind())) {
          conflicts.add(e);
        }
      }
    }
    j.endArray();
    j.name("leftOut").beginObject().field("profiles", s.profiles - s.shown.size())
        .field("records", s.records - shownRecords)
        .field("genericValues", Math.max(0, generic.size() - MAX_GENERIC))
        .field("conflicts", Math.max(0, s.conflicts - conflicts.size())).endObject();

    j.name("generic").beginArray();
    for (GenericValue g : generic.subList(0, Math.min(MAX_GENERIC, generic.size()))) {
      j.beginObject().field("type", g.identifier().type().name())
          .field("value", shown(g.identifier()))
          .field("reason", g.reason() == GenericValue.Reason.JUNK ? "junk" : "over its limit")
          .field("touchpoints", g.touchpoints()).endObject();
    }
    j.endArray();
    j.name("conflicts").beginArray();
    for (Evidence e : conflicts) {
      j.beginObject().field("a", e.touchpointId()).field("b", e.otherTouchpointId())
          .field("profile", profileOf(e.touchpointId()))
          .field("otherProfile", profileOf(e.otherTouchpointId()))
          .field("kind", kind(e.kind())).field("reason", e.explain());
      identifiers(j.name("identifiers"), e.identifiers());
      j.endObject();
    }
    j.endArray();
    j.endObject();
  }

  private void profile(Json j, Profile p, boolean requested) {
    List<Touchpoint> journey = p.journey();
    List<Touchpoint> drawn = journey.subList(0, Math.min(journey.size(),
        ProfileExplorer.MAX_TOUCHPOINTS));
    shownRecords += p.size();
    Set<String> drawnIds = new LinkedHashSet<>();
    drawn.forEach(t -> drawnIds.add(t.id()));
    j.beginObject().field("id", p.id().toString()).field("size", p.size())
        .field("requested", requested)
        .field("firstSeen", p.firstSeen().map(Object::toString).orElse(null))
        .field("lastSeen", p.lastSeen().map(Object::toString).orElse(null));
    strings(j.name("aliases"), p.aliases().stream().map(ProfileId::toString).toList());
    strings(j.name("channels"), p.channels().stream().map(c -> c.name()).toList());
    // An over-merged profile may hold thousands of values: listed up to a bound, all counted.
    j.field("identifierCount", p.identifiers().size());
    identifiers(j.name("identifiers"), p.identifiers().subList(0,
        Math.min(MAX_LISTED, p.identifiers().size())));
    j.name("touchpoints").beginArray();
    for (Touchpoint t : drawn) {
      touchpoint(j, t, null);
    }
    j.endArray();

    // Edges: the evidence between drawn touchpoints, and refusals towards other profiles, whose
    // touchpoints are drawn at the edge of the graph.
    List<Evidence> edges = new ArrayList<>();
    Map<String, ProfileId> outside = new LinkedHashMap<>();
    for (Evidence e : p.evidence()) {
      boolean a = drawnIds.contains(e.touchpointId());
      boolean b = drawnIds.contains(e.otherTouchpointId());
      if (a && b) {
        edges.add(e);
      } else if ((a || b) && !e.links()) {
        String other = a ? e.otherTouchpointId() : e.touchpointId();
        Optional<ProfileId> otherProfile = resolver.profileIdOf(other);
        if (otherProfile.isPresent() && !otherProfile.get().equals(p.id())) {
          outside.put(other, otherProfile.get());
          edges.add(e);
        }
      }
    }
    j.name("outside").beginArray();
    outside.forEach((id, profileId) -> {
      Touchpoint t = others.computeIfAbsent(profileId, resolver::profile)
          .flatMap(o -> o.journey().stream().filter(x -> x.id().equals(id)).findFirst())
          .orElse(null);
      if (t == null) {
        j.beginObject().field("id", id).field("profile", profileId.toString()).endObject();
      } else {
        touchpoint(j, t, profileId);
      }
    });
    j.endArray();
    j.name("edges").beginArray();
    for (Evidence e : edges) {
      edge(j, e);
    }
    j.endArray();

    List<Relation> relations = resolver.related(p.id());
    j.field("relatedCount", relations.size());
    j.name("related").beginArray();
    for (Relation r : relations.subList(0, Math.min(MAX_LISTED, relations.size()))) {
      j.beginObject().field("profile", r.profileId().toString());
      identifiers(j.name("shared"), r.shared());
      strings(j.name("reasons"), r.reasons().stream().map(PageWriter::kind).toList());
      strings(j.name("conflicts"), r.conflicts().stream().map(PageWriter::trait).toList());
      j.endObject();
    }
    j.endArray();

    // The pairs a static page can offer: every edge, and every pair of a small profile.
    Set<List<String>> pairs = new LinkedHashSet<>();
    for (Evidence e : edges) {
      pairs.add(List.of(e.touchpointId(), e.otherTouchpointId()));
    }
    if (drawn.size() <= ProfileExplorer.ALL_PAIRS_UP_TO) {
      for (int x = 0; x < drawn.size(); x++) {
        for (int y = x + 1; y < drawn.size(); y++) {
          pairs.add(List.of(drawn.get(x).id(), drawn.get(y).id()));
        }
      }
    }
    j.name("pairs").beginArray();
    int n = 0;
    Set<List<String>> done = new HashSet<>();
    for (List<String> pair : pairs) {
      if (n == ProfileExplorer.MAX_PAIRS) {
        break;
      }
      if (done.add(List.of(pair.get(1), pair.get(0))) && done.add(pair)) {
        pair(j, resolver.why(pair.get(0), pair.get(1)));
        n++;
      }
    }
    explainedPairs += n;
    j.endArray();
    j.endObject();
  }

  private void touchpoint(Json j, Touchpoint t, ProfileId outsideProfile) {
    j.beginObject().field("id", t.id()).field("channel", t.channel().name())
        .field("event", t.eventKind().name())
        .field("time", t.timestamp().map(Object::toString).orElse(null));
    if (outsideProfile != null) {
      j.field("profile", outsideProfile.toString());
    }
    identifiers(j.name("identifiers"), t.identifiers());
    j.name("attributes").beginArray();
    for (Map.Entry<AttributeKey, String> a : t.attributes().entrySet()) {
      j.beginObject().field("key", a.getKey().name()).field("value", shownAttribute(a.getValue()))
          .endObject();
    }
    j.endArray();
    j.endObject();
  }

  private void edge(Json j, Evidence e) {
    j.beginObject().field("a", e.touchpointId()).field("b", e.otherTouchpointId())
        .field("kind", kind(e.kind())).field("links", e.links());
    if (e.kind() == Evidence.Kind.SCORED_MATCH || !e.links() && e.identifiers().isEmpty()) {
      j.field("weight", e.weight());
    }
    if (!e.links()) {
      j.field("reason", e.explain());
      if (e.personConflict() != PersonConflict.NONE) {
        j.field("trait", trait(e.personConflict()));
      }
    }
    identifiers(j.name("identifiers"), e.identifiers());
    j.endObject();
  }

  private void pair(Json j, PairExplanation why) {
    j.beginObject().field("a", why.touchpointId()).field("b", why.otherTouchpointId())
        .field("same", why.sameProfile()).field("profile", why.profileId().toString())
        .field("otherProfile", why.otherProfileId().toString());
    j.name("path").beginArray();
    for (Evidence e : why.path()) {
      edge(j, e);
    }
    j.endArray();
    j.name("refusals").beginArray();
    for (Evidence e : why.refusals()) {
      edge(j, e);
    }
    j.endArray();
    identifiers(j.name("shared"), why.sharedIdentifiers());
    identifiers(j.name("generic"), why.sharedGenericValues());
    j.name("score");
    Optional<MatchScore> score = why.score();
    if (score.isEmpty()) {
      j.value((String) null);
    } else {
      MatchScore m = score.get();
      j.beginObject().field("prior", m.priorWeight()).field("weight", m.weight())
          .field("threshold", m.thresholdWeight()).field("probability", m.probability())
          .field("thresholdProbability", m.matchThreshold()).field("matches", m.matches())
          .field("identified", m.identified());
      j.name("fields").beginArray();
      for (MatchScore.FieldScore f : m.fields()) {
        j.beginObject().field("field", f.field()).field("level", f.level().name())
            .field("weight", f.weight()).endObject();
      }
      j.endArray().endObject();
    }
    j.field("text", why.explain());
    j.endObject();
  }

  private void identifiers(Json j, List<Identifier> identifiers) {
    j.beginArray();
    for (Identifier i : identifiers) {
      j.beginObject().field("type", i.type().name()).field("value", shown(i)).endObject();
    }
    j.endArray();
  }

  private static void strings(Json j, List<String> values) {
    j.beginArray();
    values.forEach(j::value);
    j.endArray();
  }

  private String shown(Identifier i) {
    return showValues ? i.value() : i.masked();
  }

  private String shownAttribute(String value) {
    if (showValues) {
      return value;
    }
    return value.isBlank() ? "" : Identifier.of(ATTRIBUTE, value).masked();
  }

  private String profileOf(String touchpointId) {
    return resolver.profileIdOf(touchpointId).map(ProfileId::toString).orElse(null);
  }

  static String kind(Evidence.Kind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  static String trait(PersonConflict c) {
    return c.name().toLowerCase(Locale.ROOT);
  }

  private static String version() {
    Properties p = new Properties();
    try (InputStream in = PageWriter.class.getResourceAsStream("explorer.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p.getProperty("cytoscape.version", "unknown");
  }

  private static String resource(String name) {
    try (InputStream in = PageWriter.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the explorer's resource " + name + " is missing from its"
            + " jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String escapeHtml(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Counts what passes through, for the summary. */
  private static final class CountingWriter extends Writer {
    private final Writer out;
    private long count;

    CountingWriter(Writer out) {
      this.out = out;
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
      out.write(buf, off, len);
      count += len;
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
      out.write(s, off, len);
      count += len;
    }

    @Override
    public Writer append(char c) throws IOException {
      out.write(c);
      count++;
      return this;
    }

    @Override
    public Writer append(CharSequence s) throws IOException {
      // write(String) goes through write(String, int, int), which counts.
      write(String.valueOf(s));
      return this;
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      // The caller owns the writer.
      flush();
    }
  }
}
