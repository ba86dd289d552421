package dev.omniid.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The binary form of journal and snapshot records: a type byte, then the fields. Compact
 * (variable-length integers, one byte for the well-known channels, event kinds, identifier types
 * and attribute keys) and exact: any {@link Touchpoint}, including strings with unpaired
 * surrogates, decodes to an equal one.
 *
 * <p>Strings are written as their UTF-16 length, then each UTF-16 unit encoded on its own as in
 * UTF-8 (1 to 3 bytes; a surrogate pair takes 6). An ASCII value is therefore stored as its own
 * bytes.
 *
 * <p>The tables of well-known names are part of the format: append to them, never reorder.
 *
 * <p>A touchpoint with a time is a {@link #TOUCHPOINT} record, one without is an
 * {@link #UNTIMED_TOUCHPOINT} record: the same fields without the time. The untimed record type
 * was added when the time became optional; a new type rather than a flag inside the old record, so
 * that a file of timed touchpoints is byte for byte what earlier builds wrote (and read), every
 * file they wrote reads unchanged, and an earlier build stops on an untimed record with "unknown
 * record type" instead of misreading it.
 */
final class JournalCodec {
  static final byte TOUCHPOINT = 1;
  static final byte REMOVE = 2;
  static final byte NEVER_LINK = 3;
  static final byte ALLOW_LINK = 4;
  static final byte SPLIT = 5;
  static final byte FORGET = 6;
  static final byte END = 7;
  /** Profile ids with their anchor touchpoints, and the next id (snapshots). */
  static final byte ANCHORS = 8;
  /** The count of the touchpoint records that follow and were resolved as one batch. */
  static final byte BATCH = 9;
  /** A touchpoint without a time: a {@link #TOUCHPOINT} record without its two time fields. */
  static final byte UNTIMED_TOUCHPOINT = 10;
  /**
   * Settled profiles of a snapshot, a run of them per record: for each, a flags byte
   * ({@link #CLEAN}) and its members as indexes into the snapshot's touchpoint records, in
   * touchpoint-id order, each written as the zigzag difference from the one before. Written after
   * the touchpoints and rules; a snapshot with them ends with an END record that carries the
   * profile count and the configuration's fingerprint.
   */
  static final byte PARTITION = 11;
  /** A {@link #PARTITION} profile's flag: it is clean (see {@link Cluster}). */
  static final int CLEAN = 1;
  /**
   * Scored edges of a snapshot, a run of them per record, in the order of
   * {@link Settled.Edges}: for each, the position of its later touchpoint as the
   * difference from the edge before (from 0 in each record), how far before it the earlier one
   * is, the weight's eight IEEE 754 bytes (exact), and its support count shifted left by one with
   * {@link #VOUCHES} in the low bit. Written after the partition records; the END record of a
   * snapshot with them carries the edge count after the fingerprint, so that a snapshot without
   * it (no scored side, or an earlier build) is told from one with no edge, and a missing record
   * from a whole file. An earlier build stops at the first one with "unknown record type".
   */
  static final byte EDGES = 12;
  /** An {@link #EDGES} edge's flag: it agrees on an identifier that names one person. */
  static final int VOUCHES = 1;

  private static final List<String> CHANNELS = List.of("store", "web", "mobile_app",
      "call_center", "email", "sms", "whatsapp", "messenger", "social", "marketplace", "sales_rep",
      "catalog");
  private static final List<String> EVENTS = List.of("unspecified", "visit", "view", "try_on",
      "cart", "purchase", "return", "inquiry", "message", "survey", "signup", "login");
  private static final List<String> TYPES = List.of("customer_id", "national_id", "passport",
      "loyalty_id", "email", "phone", "social_handle", "device_id", "cookie_id");
  private static final List<String> KEYS = List.of("given_name", "family_name", "full_name",
      "birth_date", "address", "address_line", "city", "region", "postal_code", "country");
  private static final Map<String, Integer> CHANNEL_CODES = codes(CHANNELS);
  private static final Map<String, Integer> EVENT_CODES = codes(EVENTS);
  private static final Map<String, Integer> TYPE_CODES = codes(TYPES);
  private static final Map<String, Integer> KEY_CODES = codes(KEYS);
  /** The keys of {@link #KEYS}, made once: a restart reads millions of them. */
  private static final List<AttributeKey> KEY_OBJECTS =
      KEYS.stream().map(AttributeKey::of).toList();

  /** A frame: a 4-byte payload length, a 4-byte CRC32C, the payload. */
  static final int FRAME_HEADER = 8;

  private JournalCodec() {}

  static void putInt(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }

  static int getInt(byte[] b, int at) {
    return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8
        | (b[at + 3] & 0xFF);
  }

  /** The CRC32C a frame stores for this length and payload. */
  static int frameChecksum(java.util.zip.CRC32C crc, byte[] header, byte[] payload, int length) {
    crc.reset();
    crc.update(header, 0, 4);
    crc.update(payload, 0, length);
    return (int) crc.getValue();
  }

  private static Map<String, Integer> codes(List<String> names) {
    Map<String, Integer> out = new java.util.HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      out.put(names.get(i), i + 1);
    }
    return Map.copyOf(out);
  }

  /** A record that passed its checksum but cannot be decoded: a bug or a newer format. */
  static final class MalformedRecordException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedRecordException(String message) {
      super(message);
    }

    MalformedRecordException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  // ---------------------------------------------------------------- encoding

  /** A growable byte buffer with the format's primitives. Not thread-safe. */
  static final class Out {
    byte[] bytes;
    int size;
    private final java.util.zip.CRC32C crc = new java.util.zip.CRC32C();

    /** Seals every frame's payload when the journal is encrypted; null for clear frames. */
    private final JournalKey.Sealer sealer;
    private byte[] plain = new byte[0];

    Out(int capacity) {
      this(capacity, null);
    }

    Out(int capacity, JournalKey key) {
      bytes = new byte[capacity];
      sealer = key == null ? null : key.new Sealer();
    }

    void clear() {
      size = 0;
    }

    /** Reserves a frame header; returns where the frame starts, for {@link #endFrame}. */
    int beginFrame() {
      ensure(FRAME_HEADER);
      int start = size;
      size += FRAME_HEADER;
      return start;
    }

    /**
     * Fills the header of the frame started at {@code start}: the payload's length, then the
     * CRC32C of those four length bytes and the payload.
     */
    void endFrame(int start) {
      int length = size - start - FRAME_HEADER;
      if (sealer != null) {
        // The payload is replaced by its sealed form; the CRC then covers the sealed bytes, so a
        // torn or damaged frame is told from a wrong key before decryption.
        if (plain.length < length) {
          plain = new byte[Math.max(length, plain.length * 2)];
        }
        System.arraycopy(bytes, start + FRAME_HEADER, plain, 0, length);
        ensure(JournalKey.OVERHEAD);
        sealer.seal(plain, 0, length, bytes, start + FRAME_HEADER);
        length += JournalKey.OVERHEAD;
        size = start + FRAME_HEADER + length;
      }
      putInt(bytes, start, length);
      crc.reset();
      crc.update(bytes, start, 4);
      crc.update(bytes, start + FRAME_HEADER, length);
      putInt(bytes, start + 4, (int) crc.getValue());
    }

    private void ensure(int more) {
      if (size + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
      }
    }

    void writeByte(int b) {
      ensure(1);
      bytes[size++] = (byte) b;
    }

    void writeInt(int v) {
      ensure(4);
      bytes[size++] = (byte) (v >>> 24);
      bytes[size++] = (byte) (v >>> 16);
      bytes[size++] = (byte) (v >>> 8);
      bytes[size++] = (byte) v;
    }

    void writeLong(long v) {
      writeInt((int) (v >>> 32));
      writeInt((int) v);
    }

    void writeVarLong(long v) {
      ensure(10);
      while ((v & ~0x7FL) != 0) {
        bytes[size++] = (byte) ((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      bytes[size++] = (byte) v;
    }

    void writeString(String s) {
      int n = s.length();
      writeVarLong(n);
      ensure(3 * n);
      byte[] b = bytes;
      int p = size;
      for (int i = 0; i < n; i++) {
        char c = s.charAt(i);
        if (c < 0x80) {
          b[p++] = (byte) c;
        } else if (c < 0x800) {
          b[p++] = (byte) (0xC0 | (c >> 6));
          b[p++] = (byte) (0x80 | (c & 0x3F));
        } else {
          b[p++] = (byte) (0xE0 | (c >> 12));
          b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
          b[p++] = (byte) (0x80 | (c & 0x3F));
        }
      }
      size = p;
    }

    void writeName(String name, Map<String, Integer> table) {
      Integer code = table.get(name);
      if (code != null) {
        writeVarLong(code);
      } else {
        writeVarLong(0);
        writeString(name);
      }
    }
  }

  /** Whether a record of this type is a touchpoint, to be read by {@link #readTouchpoint}. */
  static boolean isTouchpoint(int type) {
    return type == TOUCHPOINT || type == UNTIMED_TOUCHPOINT;
  }

  static void touchpoint(Out out, Touchpoint t) {
    out.writeByte(t.timestamp().isPresent() ? TOUCHPOINT : UNTIMED_TOUCHPOINT);
    out.writeString(t.id());
    touchpointFields(out, t);
  }

  /** A touchpoint record's fields after its id. */
  private static void touchpointFields(Out out, Touchpoint t) {
    Instant time = t.timestamp().orElse(null);
    out.writeName(t.channel().name(), CHANNEL_CODES);
    if (time != null) {
      long seconds = time.getEpochSecond();
      out.writeVarLong((seconds << 1) ^ (seconds >> 63));
      out.writeVarLong(time.getNano());
    }
    out.writeName(t.eventKind().name(), EVENT_CODES);
    List<Identifier> identifiers = t.identifiers();
    out.writeVarLong(identifiers.size());
    for (Identifier identifier : identifiers) {
      out.writeName(identifier.type().name(), TYPE_CODES);
      boolean plain = identifier.value().equals(identifier.raw().strip());
      out.writeByte(plain ? 0 : 1);
      out.writeString(identifier.raw());
      if (!plain) {
        out.writeString(identifier.value());
      }
    }
    out.writeVarLong(t.attributes().size());
    for (Map.Entry<AttributeKey, String> e : t.attributes().entrySet()) {
      out.writeName(e.getKey().name(), KEY_CODES);
      out.writeString(e.getValue());
    }
    out.writeVarLong(t.payload().size());
    for (Map.Entry<String, String> e : t.payload().entrySet()) {
      out.writeString(e.getKey());
      out.writeString(e.getValue());
    }
  }

  /** Each thread's buffer for {@link #stored}: a touchpoint is encoded, then copied out. */
  private static final ThreadLocal<Out> STORING = ThreadLocal.withInitial(() -> new Out(256));

  /**
   * A touchpoint as the merge graph keeps it: its record without the id (which the node holds),
   * the record type first. One array instead of a dozen objects (the touchpoint, its time, its
   * maps and lists, its identifiers, their strings): on a file of millions of records, a fifth of
   * the heap and most of what each young collection copies.
   */
  static byte[] stored(Touchpoint t) {
    Out out = STORING.get();
    out.clear();
    out.writeByte(t.timestamp().isPresent() ? TOUCHPOINT : UNTIMED_TOUCHPOINT);
    touchpointFields(out, t);
    return Arrays.copyOf(out.bytes, out.size);
  }

  /**
   * The raw form of the identifier at {@code index} of a touchpoint {@link #stored} kept, read
   * without decoding the rest: evidence names one identifier of each touchpoint it is about.
   */
  static String storedIdentifierRaw(byte[] stored, int index) {
    In in = new In(stored, 0, stored.length);
    int type = in.readByte();
    in.skipName();
    if (type == TOUCHPOINT) {
      in.readVarLong();
      in.readVarLong();
    }
    in.skipName();
    int n = in.readCount(Touchpoint.MAX_IDENTIFIERS);
    if (index < 0 || index >= n) {
      throw new IndexOutOfBoundsException("identifier " + index + " of " + n);
    }
    for (int i = 0; ; i++) {
      in.skipName();
      int flag = in.readByte();
      if (i == index) {
        return in.readString();
      }
      in.skipString();
      if (flag == 1) {
        in.skipString();
      }
    }
  }

  /** The touchpoint {@link #stored} kept, equal to the one it was given. */
  static Touchpoint fromStored(String id, byte[] stored) {
    In in = new In(stored, 0, stored.length);
    return touchpointFields(in, in.readByte(), id);
  }

  static void ids(Out out, byte type, List<String> ids) {
    out.writeByte(type);
    out.writeVarLong(ids.size());
    for (String id : ids) {
      out.writeString(id);
    }
  }

  static void remove(Out out, String id) {
    out.writeByte(REMOVE);
    out.writeString(id);
  }

  static void pair(Out out, byte type, String a, String b) {
    out.writeByte(type);
    out.writeString(a);
    out.writeString(b);
  }

  static void split(Out out, List<String> side, List<String> rest) {
    out.writeByte(SPLIT);
    out.writeVarLong(side.size());
    for (String id : side) {
      out.writeString(id);
    }
    out.writeVarLong(rest.size());
    for (String id : rest) {
      out.writeString(id);
    }
  }

  static void anchors(Out out, ProfileIds.Anchors anchors) {
    out.writeByte(ANCHORS);
    out.writeVarLong(anchors.nextProfileId());
    out.writeVarLong(anchors.anchors().size());
    for (Map.Entry<Long, String> e : anchors.anchors().entrySet()) {
      out.writeVarLong(e.getKey());
      out.writeString(e.getValue());
    }
  }

  static ProfileIds.Anchors readAnchors(In in) {
    long next = in.readVarLong();
    long count = in.readVarLong();
    java.util.TreeMap<Long, String> anchors = new java.util.TreeMap<>();
    for (long i = 0; i < count; i++) {
      long id = in.readVarLong();
      if (id <= 0 || id >= next || anchors.put(id, in.readString()) != null) {
        throw new MalformedRecordException("an anchored profile id is out of range or repeated");
      }
    }
    return new ProfileIds.Anchors(next, anchors);
  }

  static void batch(Out out, int count) {
    out.writeByte(BATCH);
    out.writeVarLong(count);
  }

  /** What {@link #end} writes for a snapshot that stores no scored edges. */
  static final long NO_EDGES = -1;

  /**
   * The END of a snapshot: its record counts, the fingerprint its profiles hold under, then the
   * count of its scored edges unless it is {@link #NO_EDGES} (then the bytes an earlier build
   * wrote).
   */
  static void end(Out out, long touchpoints, long rules, long profiles, long fingerprint,
      long edges) {
    out.writeByte(END);
    out.writeVarLong(touchpoints);
    out.writeVarLong(rules);
    out.writeVarLong(profiles);
    out.writeLong(fingerprint);
    if (edges != NO_EDGES) {
      out.writeVarLong(edges);
    }
  }

  /** Writes edges {@code from} to {@code to} (exclusive) as one {@link #EDGES} record. */
  static void edges(Out out, Settled.Edges edges, int from, int to) {
    out.writeByte(EDGES);
    out.writeVarLong(to - from);
    int previous = 0;
    for (int k = from; k < to; k++) {
      int later = edges.later()[k];
      out.writeVarLong(later - previous);
      out.writeVarLong(later - edges.earlier()[k]);
      out.writeLong(Double.doubleToRawLongBits(edges.weights()[k]));
      out.writeVarLong((long) edges.supports()[k] << 1 | (edges.vouches()[k] ? VOUCHES : 0));
      previous = later;
    }
  }

  /**
   * Reads an {@link #EDGES} record into {@code into}, checking each end against the
   * {@code touchpoints} read before it, that the later end never goes back, and that each edge
   * has support and a weight.
   */
  static void readEdges(In in, int touchpoints, Settled.Edges.Reader into) {
    int count = in.readCount(Integer.MAX_VALUE);
    long later = 0;
    for (int k = 0; k < count; k++) {
      later += in.readVarLong();
      long gap = in.readVarLong();
      if (later < 0 || later >= touchpoints || gap <= 0 || gap > later) {
        throw new MalformedRecordException("an edge names touchpoints " + later + " and "
            + (later - gap) + " of " + touchpoints);
      }
      double weight = Double.longBitsToDouble(in.readLong());
      long flags = in.readVarLong();
      long support = flags >>> 1;
      if (Double.isNaN(weight) || support <= 0 || support > Integer.MAX_VALUE) {
        throw new MalformedRecordException("an edge has weight " + weight + " and support "
            + support);
      }
      if (!into.add((int) later, (int) (later - gap), weight, (int) support,
          (flags & VOUCHES) != 0)) {
        throw new MalformedRecordException("an edge comes after one of a later touchpoint");
      }
    }
  }

  /**
   * Writes profiles {@code from} to {@code to} (exclusive) of a settled partition as one
   * {@link #PARTITION} record.
   */
  static void partition(Out out, Settled settled, int from, int to) {
    out.writeByte(PARTITION);
    out.writeVarLong(to - from);
    for (int c = from; c < to; c++) {
      int start = settled.starts()[c];
      int end = settled.starts()[c + 1];
      out.writeByte(settled.clean()[c] ? CLEAN : 0);
      out.writeVarLong(end - start);
      int previous = 0;
      for (int i = start; i < end; i++) {
        long delta = (long) settled.members()[i] - previous;
        out.writeVarLong((delta << 1) ^ (delta >> 63));
        previous = settled.members()[i];
      }
    }
  }

  /**
   * Reads a {@link #PARTITION} record's profiles into {@code into}, checking each member against
   * the {@code touchpoints} read before it and that no touchpoint is in two profiles.
   */
  static void readPartition(In in, int touchpoints, Settled.Reader into) {
    int count = in.readCount(Integer.MAX_VALUE);
    for (int c = 0; c < count; c++) {
      int flags = in.readByte();
      if ((flags & ~CLEAN) != 0) {
        throw new MalformedRecordException("a profile has unknown flags " + flags);
      }
      int size = in.readCount(touchpoints);
      if (size == 0) {
        throw new MalformedRecordException("a profile has no member");
      }
      into.startProfile((flags & CLEAN) != 0, size);
      long previous = 0;
      for (int i = 0; i < size; i++) {
        long zigzag = in.readVarLong();
        long member = previous + ((zigzag >>> 1) ^ -(zigzag & 1));
        if (member < 0 || member >= touchpoints) {
          throw new MalformedRecordException("a profile names touchpoint " + member + " of "
              + touchpoints);
        }
        if (!into.add((int) member)) {
          throw new MalformedRecordException("touchpoint " + member + " is in two profiles");
        }
        previous = member;
      }
    }
  }

  // ---------------------------------------------------------------- decoding

  /** Reads one record's fields. Every read checks its bounds. Not thread-safe. */
  static final class In {
    private final byte[] bytes;
    private int pos;
    private final int end;

    In(byte[] bytes, int offset, int length) {
      this.bytes = bytes;
      this.pos = offset;
      this.end = offset + length;
    }

    boolean atEnd() {
      return pos == end;
    }

    int readByte() {
      if (pos >= end) {
        throw new MalformedRecordException("record ends early");
      }
      return bytes[pos++] & 0xFF;
    }

    long readLong() {
      long v = 0;
      for (int i = 0; i < 8; i++) {
        v = v << 8 | readByte();
      }
      return v;
    }

    long readVarLong() {
      long v = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        int b = readByte();
        v |= (long) (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          return v;
        }
      }
      throw new MalformedRecordException("variable-length integer too long");
    }

    int readCount(int max) {
      long n = readVarLong();
      if (n < 0 || n > max) {
        throw new MalformedRecordException("count " + n + " out of range");
      }
      return (int) n;
    }

    String readString() {
      int n = readCount(end - pos);
      // Most ids and values are ASCII: one byte a unit, copied once into a compact string.
      int stop = pos + n;
      int at = pos;
      while (at < stop && bytes[at] >= 0) {
        at++;
      }
      if (at == stop) {
        String ascii = new String(bytes, pos, n, java.nio.charset.StandardCharsets.ISO_8859_1);
        pos = stop;
        return ascii;
      }
      char[] chars = new char[n];
      for (int i = 0; i < n; i++) {
        int c = readByte();
        if (c < 0x80) {
          chars[i] = (char) c;
        } else if ((c & 0xE0) == 0xC0) {
          chars[i] = (char) (((c & 0x1F) << 6) | continuation());
        } else if ((c & 0xF0) == 0xE0) {
          int c2 = continuation();
          chars[i] = (char) (((c & 0x0F) << 12) | (c2 << 6) | continuation());
        } else {
          throw new MalformedRecordException("bad string byte");
        }
      }
      return new String(chars);
    }

    private int continuation() {
      int c = readByte();
      if ((c & 0xC0) != 0x80) {
        throw new MalformedRecordException("bad string continuation byte");
      }
      return c & 0x3F;
    }

    String readName(List<String> table) {
      int code = readCount(table.size());
      return code == 0 ? readString() : table.get(code - 1);
    }

    /** Passes over a name written by {@link Out#writeName}. */
    void skipName() {
      if (readVarLong() == 0) {
        skipString();
      }
    }

    /** Passes over a string: its units, each one to three bytes, lead bytes told apart. */
    void skipString() {
      int n = readCount(end - pos);
      for (int i = 0; i < n; i++) {
        int c = readByte();
        if (c >= 0xE0) {
          pos += 2;
        } else if (c >= 0xC0) {
          pos += 1;
        }
      }
      if (pos > end) {
        throw new MalformedRecordException("record ends early");
      }
    }
  }

  /**
   * Decodes the body of a touchpoint record (after its type byte, which says whether it holds a
   * time: {@link #TOUCHPOINT} or {@link #UNTIMED_TOUCHPOINT}).
   */
  static Touchpoint readTouchpoint(In in, int recordType) {
    return touchpointFields(in, recordType, null);
  }

  /** A touchpoint record's fields after its type byte; its id is read first when null. */
  private static Touchpoint touchpointFields(In in, int recordType, String knownId) {
    if (!isTouchpoint(recordType)) {
      throw new MalformedRecordException("record type " + recordType + " is not a touchpoint");
    }
    try {
      String id = knownId != null ? knownId : in.readString();
      Channel channel = Channel.of(in.readName(CHANNELS));
      Instant timestamp = null;
      if (recordType == TOUCHPOINT) {
        long zigzag = in.readVarLong();
        long seconds = (zigzag >>> 1) ^ -(zigzag & 1);
        long nanos = in.readVarLong();
        if (nanos < 0 || nanos > 999_999_999L) {
          throw new MalformedRecordException("nanoseconds out of range");
        }
        timestamp = Instant.ofEpochSecond(seconds, nanos);
      }
      EventKind event = EventKind.of(in.readName(EVENTS));
      int n = in.readCount(Touchpoint.MAX_IDENTIFIERS);
      List<Identifier> identifiers = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        IdentifierType type = IdentifierType.of(in.readName(TYPES));
        int flag = in.readByte();
        String raw = in.readString();
        if (flag == 0) {
          identifiers.add(Identifier.of(type, raw));
        } else if (flag == 1) {
          identifiers.add(new Identifier(type, in.readString(), raw));
        } else {
          throw new MalformedRecordException("bad identifier flag");
        }
      }
      int a = in.readCount(Integer.MAX_VALUE);
      Map<AttributeKey, String> attributes = a == 0 ? Map.of() : new LinkedHashMap<>();
      for (int i = 0; i < a; i++) {
        int code = in.readCount(KEYS.size());
        AttributeKey key = code == 0 ? AttributeKey.of(in.readString()) : KEY_OBJECTS.get(code - 1);
        attributes.put(key, in.readString());
      }
      int p = in.readCount(Touchpoint.MAX_PAYLOAD_ENTRIES);
      Map<String, String> payload = p == 0 ? Map.of() : new LinkedHashMap<>();
      for (int i = 0; i < p; i++) {
        payload.put(in.readString(), in.readString());
      }
      return new Touchpoint(id, channel, timestamp, event, identifiers, attributes, payload);
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      // OmniIdException is an IllegalArgumentException: a field the model refuses.
      throw new MalformedRecordException("record holds an invalid touchpoint ("
          + e.getClass().getSimpleName() + ")", e);
    }
  }

  static List<String> readIds(In in) {
    int n = in.readCount(Integer.MAX_VALUE);
    List<String> ids = new ArrayList<>(Math.min(n, 1024));
    for (int i = 0; i < n; i++) {
      ids.add(in.readString());
    }
    return ids;
  }
}
