package dev.omniid.cli;

import dev.omniid.connect.MappedRecord;
import dev.omniid.connect.Warning;
import dev.omniid.core.AttributeKey;
import dev.omniid.core.Identifier;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.IdentityResolver;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.RandomAccess;
import java.util.Set;

/**
 * The records of a read, in input order. Once a record's touchpoint is resolved the list keeps
 * only what the outputs name it by (row, record id, touchpoint id, identifier columns, warnings)
 * and reads the touchpoint back from the resolver, which keeps it compactly
 * ({@link dev.omniid.core.ResolverBuilder#compactTouchpoints}): a file of millions of records is
 * held once, not as the reader's objects beside the resolver's. Not thread-safe: the reading
 * thread adds and drops, and reads while the resolving thread works on records not dropped.
 */
final class RecordList extends AbstractList<MappedRecord> implements RandomAccess {
  private static final int PAGE_BITS = 12;
  private static final int PAGE = 1 << PAGE_BITS;

  /** A page of records, field by field: 28 bytes a record once its touchpoint is dropped. */
  private static final class Page {
    final long[] rows = new long[PAGE];
    final String[] recordIds = new String[PAGE];
    final String[] touchpointIds = new String[PAGE];
    final Object[] columns = new Object[PAGE];
    final Object[] warnings = new Object[PAGE];
    /** The record whole while its touchpoint is kept; null once dropped. */
    final MappedRecord[] whole = new MappedRecord[PAGE];
  }

  private final List<Page> pages = new ArrayList<>();
  private int size;
  /** Every identifier type and attribute key the records carry: questions about all of them are
   * answered without reading a touchpoint back when no record carries what is asked for. */
  private final Set<IdentifierType> identifierTypes = new HashSet<>();
  private final Set<AttributeKey> attributeKeys = new HashSet<>();
  /** Where dropped touchpoints are read back from; null until one is dropped. */
  private IdentityResolver resolver;

  @Override
  public boolean add(MappedRecord record) {
    int at = size & (PAGE - 1);
    if (at == 0) {
      pages.add(new Page());
    }
    Page page = pages.get(size >>> PAGE_BITS);
    page.rows[at] = record.row();
    page.recordIds[at] = record.recordId();
    page.touchpointIds[at] = record.touchpoint().id();
    page.columns[at] = record.identifierColumns();
    page.warnings[at] = record.warnings();
    page.whole[at] = record;
    for (Identifier identifier : record.touchpoint().identifiers()) {
      identifierTypes.add(identifier.type());
    }
    attributeKeys.addAll(record.touchpoint().attributes().keySet());
    size++;
    modCount++;
    return true;
  }

  @Override
  public int size() {
    return size;
  }

  /**
   * The record at {@code index}: the one added while its touchpoint is kept, else one equal to it
   * whose touchpoint is read back from the resolver.
   */
  @Override
  @SuppressWarnings("unchecked")
  public MappedRecord get(int index) {
    Page page = page(index);
    int at = index & (PAGE - 1);
    MappedRecord whole = page.whole[at];
    if (whole != null) {
      return whole;
    }
    String id = page.touchpointIds[at];
    return new MappedRecord(page.rows[at], page.recordIds[at], resolver.touchpoint(id)
        .orElseThrow(() -> new IllegalStateException("row " + page.rows[at]
            + ": the resolver no longer holds the record's touchpoint")),
        (List<String>) page.columns[at], (List<Warning>) page.warnings[at]);
  }

  /** Whether a record carries an identifier of one of {@code types} or one of {@code keys}. */
  boolean carriesAny(Set<IdentifierType> types, Set<AttributeKey> keys) {
    return types.stream().anyMatch(identifierTypes::contains)
        || keys.stream().anyMatch(attributeKeys::contains);
  }

  /** The record id at {@code index}, without reading its touchpoint. */
  String recordId(int index) {
    return page(index).recordIds[index & (PAGE - 1)];
  }

  /** The touchpoint id at {@code index}, without reading its touchpoint. */
  String touchpointId(int index) {
    return page(index).touchpointIds[index & (PAGE - 1)];
  }

  /** The row at {@code index}. */
  long row(int index) {
    return page(index).rows[index & (PAGE - 1)];
  }

  /**
   * Drops the touchpoints of the records in {@code [from, to)}, which {@code resolver} has just
   * resolved (and is not resolving anything else: its lock is free), but those of {@code kept}
   * (touchpoint ids it refused, or holds with other content) and any it does not hold.
   */
  void dropTouchpoints(int from, int to, IdentityResolver resolver, Set<String> kept) {
    this.resolver = resolver;
    for (int i = from; i < to; i++) {
      Page page = page(i);
      int at = i & (PAGE - 1);
      String id = page.touchpointIds[at];
      if (!kept.contains(id) && resolver.profileIdOf(id).isPresent()) {
        page.whole[at] = null;
      }
    }
  }

  private Page page(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("index " + index + ", size " + size);
    }
    return pages.get(index >>> PAGE_BITS);
  }
}
