package dev.omniid.cli;

import dev.omniid.connect.MappedRecord;
import dev.omniid.connect.Mapping;
import dev.omniid.connect.Warning;
import dev.omniid.core.AccountBatchResult;
import dev.omniid.core.AccountResolution;
import dev.omniid.core.AccountResolver;
import dev.omniid.core.Identifier;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.MatchModel;
import dev.omniid.core.OmniIdException;
import dev.omniid.core.Problem;
import dev.omniid.core.ResolverBuilder;
import dev.omniid.core.Touchpoint;
import dev.omniid.matching.OmniId;
import dev.omniid.matching.Organisations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * {@code resolve --accounts}: the input read as {@link Pipeline} reads it, resolved into accounts
 * (the organisations the records name) and contacts (the persons who acted) by the
 * {@link AccountResolver} of {@link OmniId#accountResolverBuilder()}, each side configured by the
 * mapping as the persons-only resolver is.
 *
 * <p>The account resolver splits each touchpoint in two parts, and a problem of a part counts
 * that part's identifiers; the problems are mapped back here to the record's own identifiers, so
 * that the rejects file names the column a refused value came from.
 */
final class AccountsPipeline {
  private AccountsPipeline() {}

  static Pipeline.Result run(Pipeline.Settings settings, Progress progress) {
    Pipeline.Read read = Pipeline.read(settings, progress);
    AccountResolver accounts = resolver(read, settings);
    List<Warning> warnings = read.warnings();
    resolve(accounts, read.records(), warnings, progress);
    return new Pipeline.Result(accounts.persons(), read.records(), warnings, read.rejected(),
        read.region(), Optional.of(accounts));
  }

  private static AccountResolver resolver(Pipeline.Read read, Pipeline.Settings settings) {
    try {
      long expected = settings.expectedRecords().orElse((long) Math.max(1, read.records().size()));
      OmniId.AccountBuilder builder = OmniId.accountResolverBuilder().defaultRegion(read.region())
          .expectedTouchpoints(expected);
      if (read.monthFirst()) {
        builder.monthFirstDates();
      }
      Optional<MatchModel> model = Pipeline.personModel(read.region(), read.monthFirst(), settings,
          read.records(), expected);
      ResolverBuilder persons = builder.toPersonsBuilder();
      model.ifPresent(persons::matchModel);
      Mapping mapping = read.mapping();
      // The mapping's policies, personal types and types compared as written apply on the side
      // their type goes to; on the other side they name a type it never sees.
      return builder.toAccountResolverBuilder()
          .persons(mapping.configure(persons))
          .organisations(mapping.configure(builder.toOrganisationsBuilder()))
          .build();
    } catch (OmniIdException e) {
      throw Pipeline.refused(e);
    }
  }

  private static void resolve(AccountResolver accounts, List<MappedRecord> records,
      List<Warning> warnings, Progress progress) {
    Map<String, MappedRecord> byTouchpoint = new HashMap<>(records.size() * 2);
    for (MappedRecord r : records) {
      byTouchpoint.putIfAbsent(r.touchpoint().id(), r);
    }
    List<Problem> refused = new ArrayList<>();
    for (int from = 0; from < records.size(); from += Pipeline.CHUNK) {
      List<Touchpoint> chunk = records.subList(from, Math.min(records.size(), from + Pipeline.CHUNK))
          .stream().map(MappedRecord::touchpoint).toList();
      AccountBatchResult result = accounts.resolveAll(chunk);
      List<Problem> contacts = result.contacts().problems();
      List<Problem> organisations = result.accounts().problems();
      for (Problem p : result.problems()) {
        MappedRecord record = byTouchpoint.get(p.touchpointId());
        Problem own = record == null ? p
            : onRecord(p, record.touchpoint(), organisations.contains(p) ? Side.ORGANISATION
                : contacts.contains(p) ? Side.PERSON : Side.WHOLE);
        if (p.reason() == OmniIdException.Reason.CONFLICTING_EXCLUSIVE_VALUES
            || p.reason() == OmniIdException.Reason.DUPLICATE_TOUCHPOINT) {
          refused.add(own);
        } else if (record != null) {
          warnings.add(record.warning(own));
        }
      }
      progress.update("resolving", Math.min(records.size(), from + Pipeline.CHUNK), records.size());
    }
    for (Problem p : refused) {
      MappedRecord record = byTouchpoint.get(p.touchpointId());
      if (record != null) {
        Pipeline.resolveWithout(t -> resolveOne(accounts, t), record, p, warnings);
      }
    }
  }

  /**
   * Resolves one touchpoint, its problems and its refusal naming the touchpoint's own
   * identifiers.
   */
  private static List<Problem> resolveOne(AccountResolver accounts, Touchpoint t) {
    AccountResolution r;
    try {
      r = accounts.resolve(t);
    } catch (OmniIdException e) {
      Problem p = onRecord(Problem.of(t.id(), e), t, Side.UNKNOWN);
      throw p.identifierIndex().isPresent()
          ? new OmniIdException(e.reason(), e.field(), e.detail(), p.identifierIndex().getAsInt())
          : e;
    }
    List<Problem> problems = new ArrayList<>();
    r.contact().ifPresent(c -> c.problems().forEach(p -> problems.add(onRecord(p, t, Side.PERSON))));
    r.account().ifPresent(a -> a.problems().forEach(p -> problems.add(
        onRecord(p, t, Side.ORGANISATION))));
    return problems;
  }

  /** Which part of a touchpoint a problem's identifier index counts in. */
  enum Side {
    /** The person part: the identifiers of no organisation type. */
    PERSON,
    /** The organisation part: the identifiers of an organisation type. */
    ORGANISATION,
    /** The whole touchpoint (a problem of the batch, not of a side). */
    WHOLE,
    /** A side's refusal, which does not say which side: read off the identifier's type. */
    UNKNOWN
  }

  /**
   * A problem of one part of {@code t}, its identifier index mapped to {@code t}'s own
   * identifiers.
   */
  static Problem onRecord(Problem p, Touchpoint t, Side side) {
    if (p.identifierIndex().isEmpty() || side == Side.WHOLE) {
      return p;
    }
    int index = p.identifierIndex().getAsInt();
    Set<IdentifierType> types = Organisations.identifierTypes();
    int person = nth(t, index, false, types);
    int organisation = nth(t, index, true, types);
    int own = switch (side) {
      case PERSON -> person;
      case ORGANISATION -> organisation;
      default -> {
        // A refusal (two tax ids in one record) is an exception of the side that refused, which
        // says the identifier's type only in its field, "identifiers[0] (tax_id)".
        if (person < 0 || organisation < 0) {
          yield Math.max(person, organisation);
        }
        String type = t.identifiers().get(organisation).type().name();
        yield p.field().endsWith("(" + type + ")") ? organisation : person;
      }
    };
    return new Problem(p.touchpointId(), p.field(), p.reason(), p.detail(),
        own < 0 ? OptionalInt.empty() : OptionalInt.of(own));
  }

  /** The position in {@code t} of the {@code n}-th identifier of one side, or -1. */
  private static int nth(Touchpoint t, int n, boolean organisation, Set<IdentifierType> types) {
    List<Identifier> identifiers = t.identifiers();
    int seen = 0;
    for (int i = 0; i < identifiers.size(); i++) {
      if (types.contains(identifiers.get(i).type()) == organisation && seen++ == n) {
        return i;
      }
    }
    return -1;
  }
}
