package dev.omniid.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The journal's binary codec and framing on random touchpoints: exact round trips, checked frames. */
class JournalCodecPropertiesTest {

  static LongStream seeds() {
    return LongStream.range(0, 500).map(i -> 0xC0DE_0000L + i);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void anyTouchpointRoundTrips(long seed) {
    Random random = new Random(seed);
    Touchpoint t = JournalFixtures.anyTouchpoint(random, "t" + JournalFixtures.anyString(random, 20)
        .replaceAll("\\p{Cntrl}", "") + "x");
    JournalCodec.Out out = new JournalCodec.Out(8);
    JournalCodec.touchpoint(out, t);
    JournalCodec.In in = new JournalCodec.In(out.bytes, 0, out.size);
    int type = in.readByte();
    assertEquals(t.timestamp().isPresent() ? JournalCodec.TOUCHPOINT
        : JournalCodec.UNTIMED_TOUCHPOINT, type, "seed=" + seed);
    Touchpoint back = JournalCodec.readTouchpoint(in, type);
    assertTrue(in.atEnd(), "seed=" + seed);
    assertEquals(t, back, "seed=" + seed);
    // Identifier values and raws survive exactly, not merely as equal records.
    for (int i = 0; i < t.identifiers().size(); i++) {
      assertEquals(t.identifiers().get(i).raw(), back.identifiers().get(i).raw(), "seed=" + seed);
      assertEquals(t.identifiers().get(i).value(), back.identifiers().get(i).value(), "seed=" + seed);
    }
    assertEquals(List.copyOf(t.attributes().keySet()), List.copyOf(back.attributes().keySet()));
    assertEquals(List.copyOf(t.payload().keySet()), List.copyOf(back.payload().keySet()));
  }

  /** The merge graph's compact form of a touchpoint gives back an equal one, every string exact. */
  @ParameterizedTest
  @MethodSource("seeds")
  void anyTouchpointRoundTripsThroughItsStoredForm(long seed) {
    Random random = new Random(seed);
    Touchpoint t = JournalFixtures.anyTouchpoint(random, "t" + seed);
    byte[] stored = JournalCodec.stored(t);
    Touchpoint back = JournalCodec.fromStored(t.id(), stored);
    assertEquals(t, back, "seed=" + seed);
    for (int i = 0; i < t.identifiers().size(); i++) {
      // One identifier's raw form, read without decoding the rest.
      assertEquals(t.identifiers().get(i).raw(), JournalCodec.storedIdentifierRaw(stored, i),
          "seed=" + seed + " identifier " + i);
    }
    for (int i = 0; i < t.identifiers().size(); i++) {
      assertEquals(t.identifiers().get(i).raw(), back.identifiers().get(i).raw(), "seed=" + seed);
      assertEquals(t.identifiers().get(i).value(), back.identifiers().get(i).value(), "seed=" + seed);
    }
    assertEquals(List.copyOf(t.attributes().keySet()), List.copyOf(back.attributes().keySet()));
    assertEquals(List.copyOf(t.payload().keySet()), List.copyOf(back.payload().keySet()));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void everyTruncationOrBitFlipIsDetectedNotMisread(long seed) {
    Random random = new Random(seed);
    Touchpoint t = JournalFixtures.anyTouchpoint(random, "t" + seed);
    JournalCodec.Out out = new JournalCodec.Out(8);
    int start = out.beginFrame();
    JournalCodec.touchpoint(out, t);
    out.endFrame(start);
    byte[] frame = java.util.Arrays.copyOf(out.bytes, out.size);
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    int length = JournalCodec.getInt(frame, 0);
    assertEquals(frame.length - JournalCodec.FRAME_HEADER, length);
    byte[] payload = java.util.Arrays.copyOfRange(frame, JournalCodec.FRAME_HEADER, frame.length);
    assertEquals(JournalCodec.getInt(frame, 4),
        JournalCodec.frameChecksum(crc, frame, payload, length), "seed=" + seed);
    // One flipped bit anywhere in the payload fails the checksum (CRC32C catches all of them).
    int bit = random.nextInt(payload.length * 8);
    payload[bit / 8] ^= (byte) (1 << (bit % 8));
    assertTrue(JournalCodec.getInt(frame, 4)
        != JournalCodec.frameChecksum(crc, frame, payload, length), "seed=" + seed);
  }

  @Test
  void malformedPayloadsAreRefusedWithTheirOwnException() {
    byte[] bytes = {JournalCodec.TOUCHPOINT, 5, 'a'};
    JournalCodec.In in = new JournalCodec.In(bytes, 0, bytes.length);
    in.readByte();
    assertThrows(JournalCodec.MalformedRecordException.class,
        () -> JournalCodec.readTouchpoint(in, JournalCodec.TOUCHPOINT));
    byte[] blank = {JournalCodec.TOUCHPOINT, 1, ' ', 1, 0, 0, 1, 0, 0, 0};
    JournalCodec.In in2 = new JournalCodec.In(blank, 0, blank.length);
    in2.readByte();
    assertThrows(JournalCodec.MalformedRecordException.class,
        () -> JournalCodec.readTouchpoint(in2, JournalCodec.TOUCHPOINT));
  }

  @Test
  void aTypicalTouchpointTakesAboutAHundredBytes() {
    Touchpoint t = Touchpoint.newBuilder("web-000123456").channel(Channel.WEB)
        .timestamp(java.time.Instant.parse("2024-05-01T10:15:30Z")).eventKind(EventKind.PURCHASE)
        .identifier(IdentifierType.EMAIL, "ana.garcia@example.com")
        .identifier(IdentifierType.PHONE, "+34 612 345 678")
        .identifier(IdentifierType.COOKIE_ID, "ck-7f3a9b2c")
        .attribute(AttributeKey.GIVEN_NAME, "Ana").attribute(AttributeKey.FAMILY_NAME, "García")
        .build();
    JournalCodec.Out out = new JournalCodec.Out(8);
    JournalCodec.touchpoint(out, t);
    assertTrue(out.size + JournalCodec.FRAME_HEADER < 110, "bytes: " + out.size);
  }
}
