package dev.omniid.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.priv.garshol.duke.Cleaner;
import no.priv.garshol.duke.ConfigurationImpl;
import no.priv.garshol.duke.DataSource;
import no.priv.garshol.duke.Processor;
import no.priv.garshol.duke.Property;
import no.priv.garshol.duke.PropertyImpl;
import no.priv.garshol.duke.Record;
import no.priv.garshol.duke.RecordImpl;
import no.priv.garshol.duke.cleaners.DigitsOnlyCleaner;
import no.priv.garshol.duke.cleaners.LowerCaseNormalizeCleaner;
import no.priv.garshol.duke.comparators.JaroWinkler;
import no.priv.garshol.duke.comparators.Levenshtein;
import no.priv.garshol.duke.databases.LuceneDatabase;
import no.priv.garshol.duke.datasources.InMemoryDataSource;
import no.priv.garshol.duke.matchers.AbstractMatchListener;

/**
 * Duke 1.2 (larsga/Duke, Maven Central) on a Febrl data set, configured in code the way its
 * documentation configures a person file in XML, with its default candidate search (an in-memory
 * Lucene index) and one thread (its default).
 *
 * <p>The configuration, chosen from Duke's documentation and the meaning of each field, not fitted
 * to the Febrl truth. Duke starts every pair at 0.5 and folds in, per field, a probability between
 * {@code low} (values differ) and {@code high} (values equal), scaled by the comparator's
 * similarity; a pair whose result exceeds the threshold is a match. Values are cleaned as Duke's
 * data sources clean columns: lower case and normalized whitespace for text, digits only for
 * numbers.
 *
 * <table>
 *   <caption>Duke properties</caption>
 *   <tr><th>property</th><th>Febrl columns</th><th>comparator</th><th>low</th><th>high</th><th>why</th></tr>
 *   <tr><td>GIVEN_NAME</td><td>given_name</td><td>JaroWinkler</td><td>0.35</td><td>0.70</td>
 *       <td>typos; many people share a given name</td></tr>
 *   <tr><td>SURNAME</td><td>surname</td><td>JaroWinkler</td><td>0.30</td><td>0.80</td>
 *       <td>typos; more telling than a given name</td></tr>
 *   <tr><td>DATE_OF_BIRTH</td><td>date_of_birth</td><td>Levenshtein</td><td>0.30</td><td>0.85</td>
 *       <td>a typed digit may be wrong; rarely shared by strangers</td></tr>
 *   <tr><td>SOC_SEC_ID</td><td>soc_sec_id</td><td>Levenshtein</td><td>0.30</td><td>0.95</td>
 *       <td>a national id: near-decisive when equal, but typed by hand</td></tr>
 *   <tr><td>ADDRESS</td><td>street_number address_1 address_2</td><td>Levenshtein</td><td>0.35</td>
 *       <td>0.75</td><td>people move; a full street address is rarely shared</td></tr>
 *   <tr><td>SUBURB</td><td>suburb</td><td>JaroWinkler</td><td>0.40</td><td>0.60</td>
 *       <td>weak: many people per suburb</td></tr>
 *   <tr><td>POSTCODE</td><td>postcode</td><td>Levenshtein</td><td>0.35</td><td>0.70</td>
 *       <td>weak: many people per postcode</td></tr>
 * </table>
 *
 * <p>State is left out (eight values: hardly any evidence either way). Threshold 0.85, no "maybe"
 * threshold: a shared full name alone stays below it (0.5 → 0.70 → 0.90, and a differing birth
 * date pulls it to 0.80); a shared name and birth date clear it unless the other fields disagree.
 * Left to itself, Duke would look candidates up by the social-security id alone (the fewest
 * properties whose high probabilities reach the threshold), so a pair whose id is missing or
 * mistyped would never be compared; its {@code lookup} setting exists for that, and names, birth
 * date and id are all marked {@code lookup="true"}.
 *
 * <p>dataset3 runs in Duke's deduplication mode; dataset4 in its record-linkage mode (index the
 * first file, match the second against it, every match above the threshold kept: Duke's default,
 * not {@code --singlematch}). Matched pairs become clusters by union-find.
 */
final class DukePeer {
  static final double THRESHOLD = 0.85;
  private static final String ID = "ID";
  private static final Cleaner TEXT = new LowerCaseNormalizeCleaner();
  private static final Cleaner DIGITS = new DigitsOnlyCleaner();

  private DukePeer() {}

  /** Runs Duke on the data set; returns row id to cluster id. */
  static Map<String, String> partition(Febrl.Dataset dataset) {
    List<Record> first = new ArrayList<>();
    List<Record> second = new ArrayList<>();
    for (Febrl.Row row : dataset.rows()) {
      (row.source() == 0 ? first : second).add(record(row));
    }
    ConfigurationImpl config = configuration();
    UnionFind clusters = new UnionFind(dataset.rows());
    Processor processor = new Processor(config, config.getDatabase(true));
    processor.addMatchListener(new AbstractMatchListener() {
      @Override
      public void matches(Record r1, Record r2, double confidence) {
        clusters.union(r1.getValue(ID), r2.getValue(ID));
      }
    });
    try {
      if (dataset.linkage()) {
        Collection<DataSource> a = List.of(new InMemoryDataSource(first));
        Collection<DataSource> b = List.of(new InMemoryDataSource(second));
        processor.link(a, b, true, 40_000);
      } else {
        processor.deduplicate(first);
      }
    } finally {
      processor.close();
    }
    return clusters.partition();
  }

  static ConfigurationImpl configuration() {
    List<Property> properties = new ArrayList<>();
    properties.add(new PropertyImpl(ID));
    properties.add(property("GIVEN_NAME", new JaroWinkler(), 0.35, 0.70, true));
    properties.add(property("SURNAME", new JaroWinkler(), 0.30, 0.80, true));
    properties.add(property("DATE_OF_BIRTH", new Levenshtein(), 0.30, 0.85, true));
    properties.add(property("SOC_SEC_ID", new Levenshtein(), 0.30, 0.95, true));
    properties.add(property("ADDRESS", new Levenshtein(), 0.35, 0.75, false));
    properties.add(property("SUBURB", new JaroWinkler(), 0.40, 0.60, false));
    properties.add(property("POSTCODE", new Levenshtein(), 0.35, 0.70, false));
    ConfigurationImpl config = new ConfigurationImpl();
    config.setThreshold(THRESHOLD);
    config.setProperties(properties);
    LuceneDatabase database = new LuceneDatabase(); // no path: an in-memory index
    config.setDatabase(database);
    config.validate();
    return config;
  }

  private static Property property(String name, no.priv.garshol.duke.Comparator comparator,
      double low, double high, boolean lookup) {
    PropertyImpl p = new PropertyImpl(name, comparator, low, high);
    if (lookup) {
      p.setLookupBehaviour(Property.Lookup.TRUE);
    }
    return p;
  }

  private static Record record(Febrl.Row row) {
    Map<String, Collection<String>> values = new HashMap<>();
    values.put(ID, List.of(row.id()));
    put(values, "GIVEN_NAME", TEXT, row.field(Febrl.GIVEN_NAME));
    put(values, "SURNAME", TEXT, row.field(Febrl.SURNAME));
    put(values, "DATE_OF_BIRTH", DIGITS, row.field(Febrl.DATE_OF_BIRTH));
    put(values, "SOC_SEC_ID", DIGITS, row.field(Febrl.SOC_SEC_ID));
    put(values, "ADDRESS", TEXT, String.join(" ", row.field(Febrl.STREET_NUMBER),
        row.field(Febrl.ADDRESS_1), row.field(Febrl.ADDRESS_2)));
    put(values, "SUBURB", TEXT, row.field(Febrl.SUBURB));
    put(values, "POSTCODE", DIGITS, row.field(Febrl.POSTCODE));
    return new RecordImpl(values);
  }

  private static void put(Map<String, Collection<String>> values, String property, Cleaner cleaner,
      String raw) {
    String clean = cleaner.clean(raw);
    if (clean != null && !clean.isEmpty()) {
      values.put(property, List.of(clean));
    }
  }

  /** Union-find over row ids, path halving; the cluster id is the root's row id. */
  static final class UnionFind {
    private final Map<String, Integer> index = new HashMap<>();
    private final String[] ids;
    private final int[] parent;

    UnionFind(List<Febrl.Row> rows) {
      ids = new String[rows.size()];
      parent = new int[rows.size()];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = rows.get(i).id();
        parent[i] = i;
        index.put(ids[i], i);
      }
    }

    synchronized void union(String a, String b) {
      int ra = find(index.get(a));
      int rb = find(index.get(b));
      if (ra != rb) {
        parent[Math.max(ra, rb)] = Math.min(ra, rb);
      }
    }

    private int find(int i) {
      while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
      }
      return i;
    }

    synchronized Map<String, String> partition() {
      Map<String, String> out = new HashMap<>(ids.length * 2);
      for (int i = 0; i < ids.length; i++) {
        out.put(ids[i], ids[find(i)]);
      }
      return out;
    }
  }
}
