package dev.omniid.cli;

import dev.omniid.connect.InputRecord;
import dev.omniid.connect.MappedRecord;
import dev.omniid.connect.Mapping;
import dev.omniid.connect.RecordReader;
import dev.omniid.connect.RecordReader.Format;
import dev.omniid.connect.TouchpointMapper;
import dev.omniid.connect.Warning;
import dev.omniid.core.AccountResolver;
import dev.omniid.core.BatchResult;
import dev.omniid.core.Identifier;
import dev.omniid.core.IdentifierPolicy;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.MatchModel;
import dev.omniid.core.Normalizer;
import dev.omniid.core.OmniIdException;
import dev.omniid.core.Problem;
import dev.omniid.core.ProfileId;
import dev.omniid.core.ResolverBuilder;
import dev.omniid.core.Touchpoint;
import dev.omniid.matching.OmniId;
import dev.omniid.matching.PhoneNormalizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an input file through a mapping and resolves every record: the part that {@code resolve},
 * {@code stats} and {@code profile} share. Every readable record ends up in a profile; what was
 * wrong with it is collected as {@link Warning}s.
 */
final class Pipeline {
  /** The resolver is fed in chunks so that the progress bar moves; the partition is the same. */
  static final int CHUNK = 25_000;
  /** The region used when neither the command line nor the mapping sets one. */
  static final String FALLBACK_REGION = "ES";

  private Pipeline() {}

  /**
   * What to read and how to resolve it.
   *
   * @param input the input file
   * @param mapping the mapping file
   * @param format the input format; from the file name when empty
   * @param region the default region; from the mapping, else {@value #FALLBACK_REGION}, when empty
   * @param threshold the match probability at or above which a scored pair links, when set
   * @param estimate whether to fit the match weights to the input by EM before resolving
   * @param preset the built-in mapping to use instead of the mapping file (then null), if any
   * @param expectedRecords how many records the customer base holds, when set; else the input's
   *     (see {@link #expectedTouchpoints})
   */
  record Settings(Path input, Path mapping, Optional<Format> format, Optional<String> region,
      Optional<Double> threshold, boolean estimate, Optional<String> preset,
      Optional<Long> expectedRecords) {
    /** Settings that leave the expected records to the input. */
    Settings(Path input, Path mapping, Optional<Format> format, Optional<String> region,
        Optional<Double> threshold, boolean estimate, Optional<String> preset) {
      this(input, mapping, format, region, threshold, estimate, preset, Optional.empty());
    }

    /** Settings that read a mapping file. */
    Settings(Path input, Path mapping, Optional<Format> format, Optional<String> region,
        Optional<Double> threshold, boolean estimate) {
      this(input, mapping, format, region, threshold, estimate, Optional.empty());
    }
  }

  /**
   * A resolved input.
   *
   * @param resolver the resolver holding every record
   * @param records the records in input order (unreadable ones left out: see {@code warnings})
   * @param warnings every problem found, in the order found
   * @param rejectedRows records lost whole because nothing could be read from them
   * @param region the default region used
   * @param accounts the account resolver when the input was resolved into accounts and contacts
   *     ({@code resolve --accounts}); {@code resolver} is then its persons side, the contacts
   */
  record Result(IdentityResolver resolver, RecordList records, List<Warning> warnings,
      long rejectedRows, String region, Optional<AccountResolver> accounts) {
    /** A result of persons only. */
    Result(IdentityResolver resolver, RecordList records, List<Warning> warnings,
        long rejectedRows, String region) {
      this(resolver, records, warnings, rejectedRows, region, Optional.empty());
    }

    /**
     * The profile of the record at {@code index}: its person's; with accounts, a record that names
     * no person is in its account's profile (account ids never equal person ids).
     */
    Optional<ProfileId> profileOf(int index) {
      String id = touchpointId(index);
      return resolver.profileIdOf(id).or(() -> accounts.flatMap(a -> a.accountOf(id)));
    }

    /** The touchpoint id of the record at {@code index}, without reading its touchpoint back. */
    String touchpointId(int index) {
      return records.touchpointId(index);
    }

    /** The record id of the record at {@code index}, without reading its touchpoint back. */
    String recordId(int index) {
      return records.recordId(index);
    }

    /** The row of the record at {@code index}, without reading its touchpoint back. */
    long row(int index) {
      return records.row(index);
    }

    /**
     * Whether a record may carry an identifier of one of {@code types} or one of {@code keys}:
     * false only when none does, true when some may (then read the records to know which).
     */
    boolean mayCarry(Set<IdentifierType> types, Set<dev.omniid.core.AttributeKey> keys) {
      return records.carriesAny(types, keys);
    }

    /** Touchpoint id to record id, for the ids that differ (duplicates, blank ids). */
    Map<String, String> recordIds() {
      Map<String, String> ids = new HashMap<>(records.size() * 2);
      for (int i = 0; i < records.size(); i++) {
        ids.putIfAbsent(touchpointId(i), recordId(i));
      }
      return ids;
    }
  }

  static Result run(Settings settings, Progress progress) {
    if (settings.estimate()) {
      // The model is fitted to every record before the first is resolved.
      Read read = read(settings, progress);
      IdentityResolver resolver = resolver(read.mapping(), read.region(), read.monthFirst(),
          settings, read.records(), settings.expectedRecords().orElse((long) read.records().size()));
      List<Warning> warnings = new ArrayList<>(read.warnings());
      Chunks resolving = new Chunks(resolver, progress, false, read.records());
      for (int from = 0; from < read.records().size(); from += CHUNK) {
        resolving.submit(from, Math.min(read.records().size(), from + CHUNK),
            read.records().size());
      }
      resolving.finish(read, warnings);
      return new Result(resolver, read.records(), warnings, read.rejected(), read.region());
    }
    // The resolver does not depend on the records: each chunk is resolved (on a thread of its
    // own) while the next is read. The warnings stay in the order of a read and then a resolve.
    Source source = source(settings);
    IdentityResolver resolver = resolver(source.mapping(), source.region(), source.monthFirst(),
        settings, List.of(), expectedTouchpoints(settings));
    RecordList records = new RecordList();
    Chunks resolving = new Chunks(resolver, progress, true, records);
    Read read;
    try {
      read = read(settings, source, progress, resolving, records);
    } catch (RuntimeException e) {
      resolving.abandon();
      throw e;
    }
    List<Warning> warnings = new ArrayList<>(read.warnings());
    resolving.finish(read, warnings);
    return new Result(resolver, read.records(), warnings, read.rejected(), read.region());
  }

  /**
   * Resolves chunks of records in input order, each as one batch: on a thread of its own while
   * the next chunk is read (at most one chunk waits), or on the calling thread. The problems are
   * turned into warnings at the end, by the first record of each touchpoint id, as they were when
   * every record was read first.
   */
  static final class Chunks {
    private final IdentityResolver resolver;
    private final Progress progress;
    private final java.util.concurrent.ExecutorService thread;
    private java.util.concurrent.Future<?> running;
    private final List<Problem> problems = new ArrayList<>();
    private long resolved;
    /** The records resolved; those of the chunk last submitted drop their touchpoints once done. */
    private final RecordList records;
    private int runningFrom;
    private int runningTo;
    /** Where the problems of the chunk last submitted start in {@link #problems}. */
    private int runningProblems;
    /**
     * The texts of problems and warnings, one copy each: a file's hundreds of thousands of
     * warnings say a few things ("is not 5 digits: not used for matching"), each made anew.
     * Used by the resolving thread, then by the caller's once it is done.
     */
    private final Texts texts = new Texts();

    Chunks(IdentityResolver resolver, Progress progress, boolean background,
        RecordList records) {
      this.resolver = resolver;
      this.progress = progress;
      this.records = records;
      this.thread = background ? java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "omniid-resolve");
        t.setDaemon(true);
        return t;
      }) : null;
    }

    /**
     * Resolves the records {@code [from, to)} after the ones before them; {@code total} is for the
     * progress bar.
     */
    void submit(int from, int to, long total) {
      List<Touchpoint> touchpoints = new ArrayList<>(to - from);
      for (MappedRecord r : records.subList(from, to)) {
        touchpoints.add(r.touchpoint());
      }
      Runnable work = () -> {
        BatchResult result = resolver.resolveAll(touchpoints);
        for (Problem p : result.problems()) {
          problems.add(texts.of(p));
        }
        resolved += touchpoints.size();
        if (total > 0) {
          progress.update("resolving", resolved, total);
        }
      };
      if (thread == null) {
        work.run();
        dropTouchpoints(from, to);
        return;
      }
      await();
      runningFrom = from;
      runningTo = to;
      runningProblems = problems.size();
      running = thread.submit(work);
    }

    /**
     * Once a chunk is resolved, its records stop holding their touchpoints (the resolver holds
     * them), but for those it refused: they are resolved again without the offending values.
     */
    private void dropTouchpoints(int from, int to) {
      Set<String> refused = new java.util.HashSet<>();
      for (Problem p : problems.subList(runningProblems, problems.size())) {
        if (refuses(p)) {
          refused.add(p.touchpointId());
        }
      }
      records.dropTouchpoints(from, to, resolver, refused);
      runningProblems = problems.size();
    }

    private static boolean refuses(Problem p) {
      return p.reason() == OmniIdException.Reason.CONFLICTING_EXCLUSIVE_VALUES
          || p.reason() == OmniIdException.Reason.DUPLICATE_TOUCHPOINT;
    }

    private void await() {
      if (running == null) {
        return;
      }
      try {
        running.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CliException("interrupted while resolving", e);
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        if (e.getCause() instanceof Error err) {
          throw err;
        }
        throw new IllegalStateException(e.getCause());
      } finally {
        running = null;
      }
      dropTouchpoints(runningFrom, runningTo);
    }

    /** Stops the thread after a failure elsewhere, without waiting for its chunk. */
    void abandon() {
      if (thread != null) {
        thread.shutdownNow();
      }
    }

    /**
     * Waits for the last chunk, then reports every problem as a warning of its record (in the
     * order found) and resolves the refused records without their offending values.
     */
    void finish(Read read, List<Warning> warnings) {
      try {
        await();
      } finally {
        if (thread != null) {
          thread.shutdown();
        }
      }
      List<Problem> refused = new ArrayList<>();
      for (Problem p : problems) {
        if (refuses(p)) {
          refused.add(p);
        } else {
          warnings.add(texts.of(warning(read.firstOf(p.touchpointId()), p)));
        }
      }
      for (Problem p : refused) {
        resolveWithout(resolver, read.firstOf(p.touchpointId()), p, warnings);
      }
    }
  }

  /** One copy of each text while there are few of them. Not thread-safe. */
  static final class Texts {
    private static final int MAX = 10_000;
    private final Map<String, String> held = new HashMap<>();

    String of(String text) {
      if (held.size() >= MAX) {
        String had = held.get(text);
        return had != null ? had : text;
      }
      String had = held.putIfAbsent(text, text);
      return had != null ? had : text;
    }

    Problem of(Problem p) {
      String field = of(p.field());
      String detail = of(p.detail());
      return field == p.field() && detail == p.detail() ? p
          : new Problem(p.touchpointId(), field, p.reason(), detail, p.identifierIndex());
    }

    Warning of(Warning w) {
      String column = of(w.column());
      String reason = of(w.reason());
      return column == w.column() && reason == w.reason() ? w
          : new Warning(w.row(), w.recordId(), column, w.maskedValue(), reason, w.rejected());
    }
  }

  /**
   * An input file read through its mapping, not yet resolved.
   *
   * @param mapping the mapping
   * @param region the default region chosen
   * @param monthFirst whether dates are read month first (region US)
   * @param records the records in input order (unreadable ones left out: see {@code warnings})
   * @param warnings every problem found while reading
   * @param rejected records lost whole because nothing could be read from them
   */
  record Read(Mapping mapping, String region, boolean monthFirst, RecordList records,
      List<Warning> warnings, long rejected, IdIndex firstById,
      Map<String, Integer> shadowed) {
    Read(Mapping mapping, String region, boolean monthFirst, RecordList records,
        List<Warning> warnings, long rejected) {
      this(mapping, region, monthFirst, records, warnings, rejected,
          new IdIndex(records::touchpointId), Map.of());
    }

    /**
     * The first record whose touchpoint has this id (null when none), from the index the read
     * kept: no second map of every record.
     */
    MappedRecord firstOf(String touchpointId) {
      Integer shadowing = shadowed.get(touchpointId);
      int at = shadowing != null ? shadowing : firstById.get(touchpointId);
      return at < 0 ? null : records.get(at);
    }
  }

  /**
   * What reading a file needs before its first record: the mapping, the region and the mapper.
   */
  record Source(Mapping mapping, String region, boolean monthFirst, TouchpointMapper mapper,
      PhoneNormalizer phones) {}

  /** The mapping, region and mapper of an input, checked before anything is read. */
  static Source source(Settings settings) {
    Mapping mapping = mapping(settings.mapping(), settings.preset());
    String region = region(settings.region().or(mapping::defaultRegion).orElse(FALLBACK_REGION));
    // US files write dates month first; elsewhere day first is the norm.
    boolean monthFirst = region.equals("US");
    TouchpointMapper mapper = TouchpointMapper.of(mapping,
        monthFirst ? TouchpointMapper.DateOrder.MONTH_FIRST : TouchpointMapper.DateOrder.DAY_FIRST);
    PhoneNormalizer phones;
    try {
      phones = PhoneNormalizer.forRegion(region);
    } catch (OmniIdException e) {
      throw refused(e);
    }
    return new Source(mapping, region, monthFirst, mapper, phones);
  }

  /** Records mapped at once on the mapping pool: enough to keep its threads busy. */
  static final int MAP_BATCH = 4_096;

  /**
   * The pool records are mapped on (parsing dates, checking phones): its own, so that the
   * resolver's batches keep the common pool.
   */
  private static final java.util.concurrent.ForkJoinPool MAPPING =
      new java.util.concurrent.ForkJoinPool(Runtime.getRuntime().availableProcessors(), pool -> {
        java.util.concurrent.ForkJoinWorkerThread t =
            java.util.concurrent.ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        t.setName("omniid-map-" + t.getPoolIndex());
        t.setDaemon(true);
        return t;
      }, null, false);

  /** A default region as given on the command line, checked and upper-cased. */
  static String region(String region) {
    return region(region, "--default-region");
  }

  /**
   * A default region, checked and upper-cased: two letters that libphonenumber knows as a region
   * (it reads every phone without a country code in it), else a usage problem naming
   * {@code option}. Checked here, before anything is read, so that the mistake is one line and
   * not an exception from the resolver's builder.
   */
  static String region(String region, String option) {
    String upper = region.strip().toUpperCase(java.util.Locale.ROOT);
    if (!upper.matches("[A-Z]{2}")) {
      throw new CliException(option + " must be " + REGION_FORM);
    }
    if (!knownRegion(upper)) {
      throw new CliException(option + " " + upper + " is not a region libphonenumber knows; give "
          + REGION_FORM);
    }
    return upper;
  }

  /** The valid form of a default region, for messages. */
  static final String REGION_FORM = "an ISO 3166 alpha-2 region code such as US, ES or GB";

  /** Whether libphonenumber knows {@code upperCaseRegion} (two letters) as a region. */
  static boolean knownRegion(String upperCaseRegion) {
    try {
      PhoneNormalizer.forRegion(upperCaseRegion, 0);
      return true;
    } catch (IllegalArgumentException e) { // OmniIdException is one; a bare one is refused too
      return false;
    }
  }

  /**
   * A configuration the resolver's builder refused (a value the checks above let through) as a
   * usage problem: one line naming the setting, never a stack trace.
   */
  static CliException refused(OmniIdException e) {
    return new CliException("the resolver refuses this configuration: " + e.field() + " "
        + e.detail(), e);
  }

  /**
   * Reads every record of the input through the mapping. A record whose id repeats an earlier
   * record's with other content gets the touchpoint id {@code ID#ROW}.
   */
  static Read read(Settings settings, Progress progress) {
    return read(settings, source(settings), progress, null, new RecordList());
  }

  /**
   * Reads every record; with {@code resolving} not null, each full chunk of {@link #CHUNK}
   * records (and the rest at the end) is handed to it as soon as it is read. Records are mapped
   * {@link #MAP_BATCH} at a time on the mapping pool, and taken in input order.
   */
  static Read read(Settings settings, Source source, Progress progress, Chunks resolving,
      RecordList records) {
    Mapping mapping = source.mapping();
    TouchpointMapper mapper = source.mapper();
    PhoneNormalizer phones = source.phones();
    Format format = settings.format().orElse(Format.of(settings.input()));
    long size = size(settings.input());

    List<Warning> warnings = new ArrayList<>();
    IdIndex firstById = new IdIndex(records::touchpointId);
    // A renamed record's id that an earlier record already has: the earlier one stays the first.
    Map<String, Integer> shadowed = new HashMap<>();
    Set<String> seenColumns = new LinkedHashSet<>();
    long rejected = 0;
    int handedOver = 0;
    try (RecordReader reader = open(settings.input(), format)) {
      if (format == Format.CSV) {
        requireColumns(mapper, reader.header(), settings.input(), true);
      }
      List<InputRecord> batch = new ArrayList<>(MAP_BATCH);
      boolean more = true;
      while (more) {
        batch.clear();
        Optional<InputRecord> next = Optional.empty();
        while (batch.size() < MAP_BATCH && (next = reader.next()).isPresent()) {
          batch.add(next.get());
        }
        more = next.isPresent();
        Mapped[] mapped = map(batch, mapper, phones);
        for (int i = 0; i < batch.size(); i++) {
          InputRecord r = batch.get(i);
          if (!r.readable()) {
            rejected++;
            r.problems().forEach(p -> warnings.add(new Warning(r.row(), "", p.column(), "", p.reason(), true)));
            continue;
          }
          if (format == Format.JSONL) {
            seenColumns.addAll(r.values().keySet());
          }
          MappedRecord m = mapped[i].record();
          warnings.addAll(m.warnings());
          warnings.addAll(mapped[i].unverified());
          int first = firstById.putIfAbsent(m.touchpoint().id(), records.size());
          if (first >= 0 && !records.get(first).touchpoint().equals(m.touchpoint())) {
            // Same id, other content: resolved as a record of its own, written under its own id.
            Touchpoint t = m.touchpoint();
            String internal = t.id() + "#" + r.row();
            warnings.add(new Warning(r.row(), m.recordId(), mapping.idColumn(), "",
                "repeats the id of row " + records.get(first).row() + " with other content:"
                    + " resolved as a separate record", false));
            m = new MappedRecord(m.row(), m.recordId(), new Touchpoint(internal, t.channel(),
                t.timestamp(), t.eventKind(), t.identifiers(), t.attributes(), t.payload()),
                m.identifierColumns(), m.warnings());
            int earlier = firstById.put(internal, records.size());
            if (earlier >= 0) {
              shadowed.putIfAbsent(internal, earlier);
            }
          }
          records.add(m);
          if ((records.size() & 1023) == 0) {
            progress.update("reading", reader.position(), size);
          }
        }
        if (resolving != null && records.size() - handedOver >= CHUNK) {
          int to = handedOver + (records.size() - handedOver) / CHUNK * CHUNK;
          for (; handedOver < to; handedOver += CHUNK) {
            resolving.submit(handedOver, handedOver + CHUNK, -1);
          }
        }
      }
    } catch (UncheckedIOException e) {
      throw new CliException(e.getMessage(), e);
    }
    if (format == Format.JSONL && !records.isEmpty()) {
      requireColumns(mapper, seenColumns, settings.input(), false);
    }
    if (resolving != null && handedOver < records.size()) {
      resolving.submit(handedOver, records.size(), records.size());
    }

    return new Read(mapping, source.region(), source.monthFirst(), records, warnings, rejected,
        firstById, shadowed);
  }

  /** A record mapped, and the warnings about its phones that libphonenumber cannot validate. */
  private record Mapped(MappedRecord record, List<Warning> unverified) {}

  /** Maps the readable records of a batch on the mapping pool; null where unreadable. */
  private static Mapped[] map(List<InputRecord> batch, TouchpointMapper mapper,
      PhoneNormalizer phones) {
    Mapped[] out = new Mapped[batch.size()];
    // One reason string for the batch's warnings: on 5 M rows some 200,000 phones are unverified,
    // and a copy of these 300 characters each was 80 MB of the heap.
    String unverifiedReason = unverifiedReason(phones);
    java.util.function.IntConsumer one = i -> {
      InputRecord r = batch.get(i);
      if (r.readable()) {
        MappedRecord m = mapper.map(r);
        List<Warning> unverified = new ArrayList<>(0);
        unverifiedPhones(m, phones, unverifiedReason, unverified);
        out[i] = new Mapped(m, unverified);
      }
    };
    if (batch.size() < 64) {
      for (int i = 0; i < batch.size(); i++) {
        one.accept(i);
      }
    } else {
      MAPPING.submit(() -> java.util.stream.IntStream.range(0, batch.size()).parallel()
          .forEach(one)).join();
    }
    return out;
  }

  /**
   * Tells of each phone that libphonenumber cannot validate (a range its metadata does not list, a
   * national number of another country read in this region): it is kept, and links records with
   * the same digits, but the user should know it was not verified. Refused phones are told of by
   * the resolver.
   */
  private static String unverifiedReason(PhoneNormalizer phones) {
    return "is not a number libphonenumber can"
        + " validate (a national number is read in the record's country, else in region "
        + phones.defaultRegion() + "): kept as unverified, it links records with the same"
        + " digits and is scored against full numbers";
  }

  private static void unverifiedPhones(MappedRecord m, PhoneNormalizer phones, String reason,
      List<Warning> warnings) {
    List<Identifier> identifiers = m.touchpoint().identifiers();
    for (int i = 0; i < identifiers.size(); i++) {
      Identifier identifier = identifiers.get(i);
      if (!identifier.type().equals(IdentifierType.PHONE)) {
        continue;
      }
      String normalized;
      try {
        normalized = phones.normalize(identifier.value(), m.touchpoint());
      } catch (OmniIdException e) {
        continue;
      }
      if (PhoneNormalizer.form(normalized) == PhoneNormalizer.Form.UNVERIFIED) {
        warnings.add(new Warning(m.row(), m.recordId(), m.identifierColumns().get(i),
            Warning.mask(identifier.raw()), reason, false));
      }
    }
  }

  private static long size(Path input) {
    if (Output.standard(input)) {
      return 0; // unknown: the bar stays at 0% while standard input is read
    }
    try {
      return Files.size(input);
    } catch (IOException e) {
      return 0; // RecordReader.open reports the file problem with its name
    }
  }

  private static void requireColumns(TouchpointMapper mapper, java.util.Collection<String> available,
      Path input, boolean header) {
    List<String> missing = mapper.missingColumns(available);
    if (missing.isEmpty()) {
      return;
    }
    String first = missing.get(0);
    String column = first.substring(first.indexOf('"') + 1, first.indexOf('"', first.indexOf('"') + 1));
    String hint = closest(column, available).map(c -> "; did you mean \"" + c + "\"?")
        .orElse("");
    throw new CliException("input " + input + ": " + first
        + (header ? " is not in the header" : " appears in no line") + hint
        + (missing.size() > 1 ? " (" + (missing.size() - 1) + " more missing)" : ""));
  }

  /** A close match for a missing column (same name but for case or spaces), for the error message. */
  static Optional<String> closest(String column, java.util.Collection<String> available) {
    String folded = column.replaceAll("[\\s_-]", "").toLowerCase(java.util.Locale.ROOT);
    return available.stream()
        .filter(a -> a.replaceAll("[\\s_-]", "").toLowerCase(java.util.Locale.ROOT).equals(folded)).findFirst();
  }

  /** The presets of {@link Mapping#preset(String)}, for the options' help (a constant there). */
  static final String PRESET_NAMES = "shopify-customers, shopify-orders, magento-customers,"
      + " hubspot-contacts, salesforce-contacts, klaviyo-profiles";

  /**
   * The mapping a command was given: the file of {@code --mapping} or the built-in preset of
   * {@code --preset}, exactly one of them.
   */
  static Mapping mapping(Path file, Optional<String> preset) {
    if (preset.isPresent() == (file != null)) {
      throw new CliException("give either --mapping FILE or --preset NAME (" + PRESET_NAMES + ")");
    }
    if (preset.isEmpty()) {
      return mapping(file);
    }
    try {
      return Mapping.preset(preset.get());
    } catch (IllegalArgumentException e) {
      throw new CliException("--preset: " + e.getMessage(), e);
    }
  }

  /** Reads a mapping file; a bad one is a usage problem naming the file and key. */
  static Mapping mapping(Path file) {
    try {
      return Mapping.read(file);
    } catch (OmniIdException e) {
      throw new CliException(e.field() + ": " + e.detail(), e);
    } catch (UncheckedIOException e) {
      throw new CliException(e.getMessage(), e);
    }
  }

  /** Opens the input ({@code -} is standard input); a file that cannot be read is a usage problem. */
  static RecordReader open(Path input, Format format) {
    try {
      return Output.standard(input) ? RecordReader.open(System.in, "standard input", format)
          : RecordReader.open(input, format);
    } catch (OmniIdException e) {
      throw new CliException(e.field() + ": " + e.detail(), e);
    } catch (UncheckedIOException e) {
      throw new CliException(e.getMessage(), e);
    }
  }

  /**
   * How many touchpoints the resolver is told to expect: {@code --expected-records} when set, else
   * the input's lines, counted before anything is resolved (a CSV's header and a blank line count
   * too: the prior only needs the size), else 0 (standard input, or a file that cannot be read,
   * which reading then reports): the default model's own size.
   */
  static long expectedTouchpoints(Settings settings) {
    if (settings.expectedRecords().isPresent()) {
      return settings.expectedRecords().get();
    }
    Path input = settings.input();
    if (input == null || input.toString().equals("-") || !Files.isRegularFile(input)) {
      return 0;
    }
    try (java.io.InputStream in = Files.newInputStream(input)) {
      byte[] buffer = new byte[1 << 16];
      long lines = 0;
      int last = '\n';
      for (int n; (n = in.read(buffer)) > 0; ) {
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n') {
            lines++;
          }
        }
        last = buffer[n - 1];
      }
      return last == '\n' ? lines : lines + 1;
    } catch (IOException e) {
      return 0;
    }
  }

  private static IdentityResolver resolver(Mapping mapping, String region, boolean monthFirst,
      Settings settings, List<MappedRecord> records, long expected) {
    try {
      return configuredResolver(mapping, region, monthFirst, settings, records, expected);
    } catch (OmniIdException e) {
      throw refused(e);
    }
  }

  private static IdentityResolver configuredResolver(Mapping mapping, String region,
      boolean monthFirst, Settings settings, List<MappedRecord> records, long expected) {
    Optional<MatchModel> model = personModel(region, monthFirst, settings, records, expected);
    // The mapping's part is Mapping.configure, which the Spark job uses too.
    return mapping.configure(resolverBuilder(region, monthFirst, model, Map.of(), Set.of(),
        Set.of(), expected)).build();
  }

  /** OmniID's default model, its prior following {@code expected} touchpoints when above 0. */
  static MatchModel defaultModel(String region, boolean monthFirst, long expected) {
    return expected > 0 ? OmniId.defaultMatchModel(region, monthFirst, expected)
        : OmniId.defaultMatchModel(region, monthFirst);
  }

  /**
   * The persons' match model the options ask for ({@code --threshold}, {@code --estimate}), or
   * empty for OmniID's default; its prior follows {@code expected} touchpoints when above 0.
   */
  static Optional<MatchModel> personModel(String region, boolean monthFirst, Settings settings,
      List<MappedRecord> records, long expected) {
    Optional<MatchModel> model = Optional.empty();
    if (settings.threshold().isPresent() || settings.estimate()) {
      MatchModel m = defaultModel(region, monthFirst, expected);
      if (settings.estimate() && !records.isEmpty()) {
        m = OmniId.estimate(m, records.stream().map(MappedRecord::touchpoint).toList()).model();
      }
      if (settings.threshold().isPresent()) {
        m = m.toBuilder().matchThreshold(settings.threshold().get()).build();
      }
      model = Optional.of(m);
    }
    return model;
  }

  /** The identifier types a mapping compares as written ({@code "normalize": false}). */
  static Set<IdentifierType> asWritten(Mapping mapping) {
    return mapping.typesComparedAsWritten();
  }

  /** The identifier types a mapping declares personal ({@code "personal": true}). */
  static Set<IdentifierType> personal(Mapping mapping) {
    return mapping.personalTypes();
  }

  /** The identifier policies a mapping sets, by type, in mapping order. */
  static Map<IdentifierType, IdentifierPolicy> policies(Mapping mapping) {
    return mapping.identifierPolicies();
  }

  /**
   * A builder with OmniID's defaults for {@code region}: what every command resolves with. The
   * journal commands add their journal to it.
   */
  static ResolverBuilder resolverBuilder(String region, boolean monthFirst, Optional<MatchModel> model,
      Map<IdentifierType, IdentifierPolicy> policies, Set<IdentifierType> asWritten,
      Set<IdentifierType> personal, long expected) {
    OmniId.Builder builder = OmniId.resolverBuilder().defaultRegion(region);
    if (expected > 0) {
      builder.expectedTouchpoints(expected);
    }
    if (monthFirst) {
      builder.monthFirstDates();
    }
    model.ifPresent(builder::matchModel);
    // The CLI reads the touchpoints it resolved back from the resolver (RecordList): kept encoded,
    // a file of 5 M records fits in 8 GB of heap.
    ResolverBuilder rb = builder.toResolverBuilder().compactTouchpoints(true);
    policies.forEach(rb::identifierPolicy);
    asWritten.forEach(type -> rb.normalizer(type, Normalizer.identity()));
    personal.forEach(rb::personalIdentifier);
    return rb;
  }

  /**
   * A record that carries two different values of an exclusive type (two customer ids) is refused
   * whole by the resolver; here the second value is dropped and reported, and the record resolved
   * on the rest, so that it still lands in a profile.
   *
   * @return whether it was resolved: false only if its id is taken with other content
   */
  static boolean resolveWithout(IdentityResolver resolver, MappedRecord record, Problem problem,
      List<Warning> warnings) {
    return resolveWithout(t -> resolver.resolve(t).problems(), record, problem, warnings);
  }

  /**
   * Resolves a touchpoint and gives its problems, each naming the touchpoint's own identifier
   * index; throws the {@link OmniIdException} that refuses it whole.
   */
  @FunctionalInterface
  interface Resolving {
    List<Problem> resolve(Touchpoint touchpoint);
  }

  /** {@link #resolveWithout(IdentityResolver, MappedRecord, Problem, List)} for any resolving. */
  static boolean resolveWithout(Resolving resolver, MappedRecord record, Problem problem,
      List<Warning> warnings) {
    Touchpoint t = record.touchpoint();
    List<Identifier> identifiers = new ArrayList<>(t.identifiers());
    List<String> columns = new ArrayList<>(record.identifierColumns());
    Problem p = problem;
    while (true) {
      int index = p.identifierIndex().orElse(-1);
      if (index >= 0 && index < identifiers.size()) {
        warnings.add(new Warning(record.row(), record.recordId(), columns.get(index),
            Warning.mask(identifiers.get(index).raw()), p.detail() + " in one record: ignored", false));
        identifiers.remove(index);
        columns.remove(index);
      } else {
        warnings.add(new Warning(record.row(), record.recordId(), "", "", p.detail()
            + ": the record is resolved without identifiers", false));
        identifiers.clear();
        columns.clear();
      }
      Touchpoint retry = new Touchpoint(t.id(), t.channel(), t.timestamp(), t.eventKind(),
          identifiers, t.attributes(), t.payload());
      try {
        MappedRecord narrowed = new MappedRecord(record.row(), record.recordId(), retry, columns,
            record.warnings());
        resolver.resolve(retry).forEach(q -> warnings.add(warning(narrowed, q)));
        return true;
      } catch (OmniIdException e) {
        if (e.reason() == OmniIdException.Reason.DUPLICATE_TOUCHPOINT) {
          // The id is taken with other content (a journal's earlier ingest): narrowing cannot help.
          warnings.add(new Warning(record.row(), record.recordId(), "", "", e.detail()
              + ": not resolved", true));
          return false;
        }
        p = Problem.of(t.id(), e);
      }
    }
  }

  /** A resolver problem as a warning: the identifier's column and masked value, the reason. */
  static Warning warning(MappedRecord record, Problem problem) {
    return record.warning(problem);
  }
}
