package dev.omniid.core;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32C;

/**
 * The files of a journal directory and their framing.
 *
 * <pre>
 * journal-GGGGGGGGGGGGGGGG.omni   header, then frames appended one per change
 * snapshot-GGGGGGGGGGGGGGGG.omni  header, touchpoint frames, rule frames, partition frames,
 *                                 edge frames (with a match model), the anchors frame, an END
 *                                 frame
 * omniid.lock                     empty; locked while a resolver owns the directory
 * header  = "OMNI" kind('J' or 'S') version 0 0 generation(8 bytes, big-endian)
 * frame   = length(4) crc32c(4) payload(length bytes)   (CRC over the length bytes and payload)
 * </pre>
 *
 * Version 1 files are clear. Version 2 files are sealed with a {@link JournalKey}: every payload is
 * nonce(12) AES-GCM(record) tag(16), and the first frame after the header is the key check, the
 * sealed {@link #KEY_CHECK} text, written and forced with the header, so that a wrong key is told
 * at once even from a journal without records.
 *
 * Generation G's journal holds the changes after generation G's snapshot (generation 0 has no
 * snapshot). Compaction writes snapshot G+1 (temporary file, force, atomic rename), creates
 * journal G+1, then deletes generation G; recovery deletes whatever an interrupted compaction left
 * behind.
 *
 * <p>The files hold customer data in clear, so on a POSIX file system every file is created
 * owner-only ({@code rw-------}) and the directory {@code rwx------}, whatever the process's umask:
 * a file is created with at most those permissions and then set to exactly them, so it is never
 * readable by others, not even for a moment. On a file system without POSIX permissions (Windows)
 * the files inherit the directory's access control list; nothing is changed there.
 */
final class JournalFiles {
  static final int HEADER = 16;
  static final byte JOURNAL = 'J';
  static final byte SNAPSHOT = 'S';
  static final byte VERSION = 1;
  static final byte SEALED_VERSION = 2;
  static final byte[] KEY_CHECK = "OmniID journal key check".getBytes(StandardCharsets.US_ASCII);
  static final String LOCK = "omniid.lock";
  static final String SUFFIX = ".omni";
  static final String TEMP_SUFFIX = ".omni.tmp";
  /** How many profiles one PARTITION record of a snapshot holds at most. */
  static final int PROFILES_PER_RECORD = 1024;
  /** How many scored edges one EDGES record of a snapshot holds at most (about 50 kB). */
  static final int EDGES_PER_RECORD = 4096;
  /** How many encoded bytes to gather before writing them out. */
  static final int WRITE_CHUNK = 1 << 20;

  static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
  static final Set<PosixFilePermission> OWNER_DIRECTORY =
      PosixFilePermissions.fromString("rwx------");
  // The one logger name of all of OmniID's messages, the public type an application configures.
  private static final System.Logger LOG = System.getLogger(IdentityResolver.class.getName());

  private JournalFiles() {}

  static boolean posix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /** The attributes to create a journal file with: owner-only where the file system has them. */
  static FileAttribute<?>[] ownerOnly(Path path) {
    return posix(path)
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_FILE)}
        : new FileAttribute<?>[0];
  }

  /**
   * Sets a file of the journal to exactly owner read and write: the umask may have taken bits off
   * the permissions it was created with, and a file written by an older build may be wider.
   */
  static void restrictFile(Path path) throws IOException {
    if (posix(path) && !Files.getPosixFilePermissions(path).equals(OWNER_FILE)) {
      Files.setPosixFilePermissions(path, OWNER_FILE);
    }
  }

  /**
   * Creates the journal directory (and any missing parent) owner-only, and makes an existing one
   * owner-only too: the directory belongs to the resolver. If the process may not change an
   * existing directory's permissions (it is not its owner), it logs a warning and goes on; the
   * files themselves stay owner-only.
   */
  static void createDirectory(Path directory) throws IOException {
    if (!posix(directory)) {
      Files.createDirectories(directory);
      return;
    }
    if (!Files.isDirectory(directory)) {
      Path parent = directory.toAbsolutePath().getParent();
      if (parent != null && !Files.isDirectory(parent)) {
        createDirectory(parent);
      }
      try {
        Files.createDirectory(directory,
            PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
      } catch (java.nio.file.FileAlreadyExistsException e) {
        if (!Files.isDirectory(directory)) {
          throw e;
        }
      }
    }
    if (!Files.getPosixFilePermissions(directory).equals(OWNER_DIRECTORY)) {
      try {
        Files.setPosixFilePermissions(directory, OWNER_DIRECTORY);
      } catch (IOException e) {
        LOG.log(System.Logger.Level.WARNING, "cannot make the journal directory owner-only ("
            + e.getMessage() + "); its files are owner-only");
      }
    }
  }

  /** Opens a new file of the journal, created owner-only (it must not exist). */
  static FileChannel createFile(Path path, StandardOpenOption... more) throws IOException {
    java.util.Set<java.nio.file.OpenOption> options = new java.util.HashSet<>();
    options.add(StandardOpenOption.CREATE_NEW);
    options.add(StandardOpenOption.WRITE);
    options.addAll(java.util.List.of(more));
    FileChannel channel = FileChannel.open(path, options, ownerOnly(path));
    try {
      restrictFile(path);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    return channel;
  }

  static String journalName(long generation) {
    return String.format(Locale.ROOT, "journal-%016x%s", generation, SUFFIX);
  }

  static String snapshotName(long generation) {
    return String.format(Locale.ROOT, "snapshot-%016x%s", generation, SUFFIX);
  }

  /** The generation in a journal or snapshot file name, or -1 if the name is neither. */
  static long generationOf(String name, String prefix) {
    if (!name.startsWith(prefix) || !name.endsWith(SUFFIX)
        || name.length() != prefix.length() + 16 + SUFFIX.length()) {
      return -1;
    }
    try {
      return Long.parseUnsignedLong(name.substring(prefix.length(), prefix.length() + 16), 16);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static byte[] header(byte kind, long generation, JournalKey key) {
    ByteBuffer b = ByteBuffer.allocate(HEADER);
    b.put("OMNI".getBytes(StandardCharsets.US_ASCII)).put(kind)
        .put(key == null ? VERSION : SEALED_VERSION).put((byte) 0)
        .put((byte) 0).putLong(generation);
    return b.array();
  }

  /**
   * Checks a file's header against what the resolver expects, and whether it is sealed as the
   * resolver's key says.
   *
   * @throws OmniIdException {@code INVALID_VALUE} on {@code journalKey} if the file is sealed and
   *     there is no key, or clear and there is one
   */
  static void checkHeader(byte[] h, byte kind, long generation, String file, JournalKey key)
      throws IOException {
    ByteBuffer b = ByteBuffer.wrap(h);
    byte[] magic = new byte[4];
    b.get(magic);
    if (!"OMNI".equals(new String(magic, StandardCharsets.US_ASCII)) || b.get() != kind) {
      throw new IOException(file + " is not an OmniID " + (kind == JOURNAL ? "journal" : "snapshot"));
    }
    byte version = b.get();
    if (version != VERSION && version != SEALED_VERSION) {
      throw new IOException(file + " has format version " + version + "; this build reads "
          + VERSION + " and " + SEALED_VERSION);
    }
    if (version == SEALED_VERSION && key == null) {
      throw new OmniIdException(OmniIdException.Reason.INVALID_VALUE, "journalKey", file
          + " is encrypted: build with the JournalKey that wrote it");
    }
    if (version == VERSION && key != null) {
      throw new OmniIdException(OmniIdException.Reason.INVALID_VALUE, "journalKey", file
          + " is not encrypted: build without a JournalKey (a clear journal is not encrypted in"
          + " place)");
    }
    b.get();
    b.get();
    if (b.getLong() != generation) {
      throw new IOException(file + " names another generation in its header");
    }
  }

  static void writeFully(FileChannel channel, byte[] bytes, int offset, int length)
      throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  /** Forces a directory's entries (creations, renames, deletions) where the platform allows. */
  static void syncDirectory(Path directory) throws IOException {
    FileChannel channel;
    try {
      channel = FileChannel.open(directory, StandardOpenOption.READ);
    } catch (IOException e) {
      return; // A platform that cannot open a directory (Windows) orders its metadata itself.
    }
    try (channel) {
      channel.force(true);
    }
  }

  // ---------------------------------------------------------------- appending

  /** The open journal of the current generation, appended to at its end. Not thread-safe. */
  static final class Appender implements Closeable {
    final Path path;
    final FileChannel channel;
    long size;
    long records;

    private Appender(Path path, FileChannel channel, long size) {
      this.path = path;
      this.channel = channel;
      this.size = size;
    }

    /**
     * Creates a journal holding only its header (and its key check when sealed), forced, with its
     * directory entry.
     */
    static Appender create(Path directory, long generation, JournalKey key) throws IOException {
      Path path = directory.resolve(journalName(generation));
      FileChannel channel = createFile(path, StandardOpenOption.READ);
      try {
        byte[] header = start(JOURNAL, generation, key);
        writeFully(channel, header, 0, header.length);
        channel.force(true);
        syncDirectory(directory);
        return new Appender(path, channel, header.length);
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
    }

    /** Opens a recovered journal whose whole frames end at {@code size}. */
    static Appender reopen(Path path, long size, long records) throws IOException {
      FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE,
          StandardOpenOption.READ);
      channel.position(size);
      Appender appender = new Appender(path, channel, size);
      appender.records = records;
      return appender;
    }

    /** Writes whole frames, in one call to the operating system when they fit a chunk. */
    void write(JournalCodec.Out frames, int count) throws IOException {
      writeFully(channel, frames.bytes, 0, frames.size);
      size += frames.size;
      records += count;
    }

    void force() throws IOException {
      channel.force(false);
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }

  /** A file's first bytes: its header, then the key check when it is sealed. */
  static byte[] start(byte kind, long generation, JournalKey key) {
    byte[] header = header(kind, generation, key);
    if (key == null) {
      return header;
    }
    JournalCodec.Out out = new JournalCodec.Out(HEADER + 64, key);
    System.arraycopy(header, 0, out.bytes, 0, HEADER);
    out.size = HEADER;
    int at = out.beginFrame();
    for (byte b : KEY_CHECK) {
      out.writeByte(b);
    }
    out.endFrame(at);
    return java.util.Arrays.copyOf(out.bytes, out.size);
  }

  // ---------------------------------------------------------------- snapshots

  /** Writes out what {@code out} gathered once it holds a chunk, and starts it again. */
  private static void writeWhenFull(FileChannel channel, JournalCodec.Out out)
      throws IOException {
    if (out.size >= WRITE_CHUNK) {
      writeFully(channel, out.bytes, 0, out.size);
      out.clear();
    }
  }

  /**
   * Writes the snapshot of generation {@code generation}: to a temporary file, forced, then renamed
   * into place atomically and the directory forced.
   *
   * @return the snapshot's size in bytes
   */
  static long writeSnapshot(Path directory, long generation, JournalState state,
      ProfileIds.Anchors anchors, Settled settled, long fingerprint,
      JournalKey key) throws IOException {
    String name = snapshotName(generation);
    Path temp = directory.resolve(name.substring(0, name.length() - SUFFIX.length())
        + TEMP_SUFFIX);
    Path target = directory.resolve(name);
    long size;
    // A temporary file left by a crash may be older and wider: start a new one, owner-only.
    Files.deleteIfExists(temp);
    try (FileChannel channel = createFile(temp)) {
      byte[] header = start(SNAPSHOT, generation, key);
      writeFully(channel, header, 0, header.length);
      JournalCodec.Out out = new JournalCodec.Out(WRITE_CHUNK + (WRITE_CHUNK >> 2), key);
      for (Touchpoint t : state.touchpoints.values()) {
        int start = out.beginFrame();
        JournalCodec.touchpoint(out, t);
        out.endFrame(start);
        writeWhenFull(channel, out);
      }
      java.util.List<String[]> pairs = state.rulePairs();
      for (String[] pair : pairs) {
        int start = out.beginFrame();
        JournalCodec.pair(out, JournalCodec.NEVER_LINK, pair[0], pair[1]);
        out.endFrame(start);
        writeWhenFull(channel, out);
      }
      for (int from = 0; from < settled.profiles(); from += PROFILES_PER_RECORD) {
        int start = out.beginFrame();
        JournalCodec.partition(out, settled, from,
            Math.min(from + PROFILES_PER_RECORD, settled.profiles()));
        out.endFrame(start);
        writeWhenFull(channel, out);
      }
      Settled.Edges edges = settled.edges();
      for (int from = 0; edges != null && from < edges.size(); from += EDGES_PER_RECORD) {
        int start = out.beginFrame();
        JournalCodec.edges(out, edges, from, Math.min(from + EDGES_PER_RECORD, edges.size()));
        out.endFrame(start);
        writeWhenFull(channel, out);
      }
      int at = out.beginFrame();
      JournalCodec.anchors(out, anchors);
      out.endFrame(at);
      int start = out.beginFrame();
      JournalCodec.end(out, state.touchpoints.size(), pairs.size(), settled.profiles(),
          fingerprint, edges == null ? JournalCodec.NO_EDGES : edges.size());
      out.endFrame(start);
      writeFully(channel, out.bytes, 0, out.size);
      channel.force(true);
      size = channel.size();
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    syncDirectory(directory);
    return size;
  }

  // ---------------------------------------------------------------- reading

  /** What {@link FrameReader#next()} found. */
  enum Step { FRAME, END, TORN, CORRUPT }

  /** Reads the frames of a file in order, checking each. Not thread-safe. */
  static final class FrameReader implements Closeable {
    private final InputStream in;
    private final long fileSize;
    private final CRC32C crc = new CRC32C();
    private final byte[] frameHeader = new byte[JournalCodec.FRAME_HEADER];
    private final JournalKey.Sealer sealer;
    private final String name;
    /** A sealed frame as read, before it is opened into {@link #payload}. */
    private byte[] sealed = new byte[256];
    /** Where the next frame starts (after {@link Step#FRAME}), or the damaged one starts. */
    long offset;
    byte[] payload = new byte[256];
    int length;
    /** Why the last step was {@link Step#TORN} or {@link Step#CORRUPT}. */
    String problem;

    /**
     * Opens a file and checks its header and, when sealed, its key check.
     *
     * @throws OmniIdException {@code INVALID_VALUE} on {@code journalKey} if the file is sealed
     *     under another key, sealed without a key given, or clear with one
     */
    FrameReader(Path path, byte kind, long generation, JournalKey key) throws IOException {
      this.fileSize = Files.size(path);
      this.name = path.getFileName().toString();
      this.sealer = key == null ? null : key.new Sealer();
      this.in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
      this.offset = 0;
      if (fileSize < HEADER) {
        offset = -1; // A header cut short: the caller decides.
        return;
      }
      byte[] header = in.readNBytes(HEADER);
      try {
        checkHeader(header, kind, generation, name, key);
      } catch (IOException | RuntimeException e) {
        in.close();
        throw e;
      }
      offset = HEADER;
      if (sealer != null) {
        Step step;
        try {
          step = next();
        } catch (IOException | RuntimeException e) {
          in.close();
          throw e;
        }
        if (step == Step.TORN || step == Step.END) {
          offset = -1; // The key check was written with the header: torn like a header.
        } else if (step == Step.CORRUPT) {
          in.close();
          throw new IOException(name + " has a damaged key check: " + problem);
        } else if (!java.util.Arrays.equals(payload, 0, length, KEY_CHECK, 0, KEY_CHECK.length)) {
          in.close();
          throw new IOException(name + " has no key check after its header");
        }
      }
    }

    /** Whether the file is too short to hold its header. */
    boolean headerTorn() {
      return offset < 0;
    }

    long fileSize() {
      return fileSize;
    }

    Step next() throws IOException {
      long left = fileSize - offset;
      if (left == 0) {
        return Step.END;
      }
      if (left < JournalCodec.FRAME_HEADER) {
        problem = "the file ends inside a frame header";
        return Step.TORN;
      }
      if (in.readNBytes(frameHeader, 0, frameHeader.length) != frameHeader.length) {
        throw new IOException("the file shrank while it was read");
      }
      int len = JournalCodec.getInt(frameHeader, 0);
      int stored = JournalCodec.getInt(frameHeader, 4);
      if (len <= 0) {
        problem = "a frame with length " + len;
        return Step.CORRUPT;
      }
      if (len > left - JournalCodec.FRAME_HEADER) {
        problem = "a frame of " + len + " bytes runs past the end of the file";
        return Step.TORN;
      }
      if (payload.length < len) {
        payload = new byte[Math.max(len, payload.length * 2)];
      }
      byte[] into = payload;
      if (sealer != null) {
        if (sealed.length < len) {
          sealed = new byte[Math.max(len, sealed.length * 2)];
        }
        into = sealed;
      }
      if (in.readNBytes(into, 0, len) != len) {
        throw new IOException("the file shrank while it was read");
      }
      if (JournalCodec.frameChecksum(crc, frameHeader, into, len) != stored) {
        problem = "a frame of " + len + " bytes fails its CRC32C";
        return Step.CORRUPT;
      }
      length = len;
      if (sealer != null) {
        // The CRC holds, so these are the bytes written: failing GCM is another key (on the key
        // check) or bytes altered on purpose, never a crash.
        length = sealer.open(sealed, len, payload);
        if (length < 0) {
          if (offset == HEADER) {
            throw new OmniIdException(OmniIdException.Reason.INVALID_VALUE, "journalKey", name
                + " was encrypted with another key");
          }
          throw new IOException(name + " has a record at offset " + offset
              + " that fails its AES-GCM authentication: it was altered");
        }
      }
      offset += JournalCodec.FRAME_HEADER + len;
      return Step.FRAME;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /** Lists the journal and snapshot generations present in a directory. */
  static void scan(Path directory, Map<Long, Path> journals, Map<Long, Path> snapshots,
      java.util.List<Path> temporary) throws IOException {
    try (var files = Files.list(directory)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        String name = p.getFileName().toString();
        long j = generationOf(name, "journal-");
        long s = generationOf(name, "snapshot-");
        if (j >= 0) {
          journals.put(j, p);
        } else if (s >= 0) {
          snapshots.put(s, p);
        } else if (name.endsWith(TEMP_SUFFIX)) {
          temporary.add(p);
        }
      }
    }
  }
}
