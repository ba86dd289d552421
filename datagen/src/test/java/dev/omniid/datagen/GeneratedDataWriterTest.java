package dev.omniid.datagen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.omniid.core.Channel;
import dev.omniid.core.Touchpoint;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GeneratedDataWriterTest {
  /** An unknown time is an empty field (left out of the JSON line), never "Optional.empty". */
  @Test
  void aTouchpointWithoutATimeHasAnEmptyTimestampField() {
    int column = GeneratedDataWriter.COLUMNS.indexOf("timestamp");
    Touchpoint untimed = Touchpoint.newBuilder("t1").channel(Channel.WEB).build();
    assertEquals("", GeneratedDataWriter.row(untimed)[column]);
    Touchpoint timed = Touchpoint.newBuilder("t2").channel(Channel.WEB)
        .timestamp(Instant.parse("2026-11-20T10:15:00Z")).build();
    assertEquals("2026-11-20T10:15:00Z", GeneratedDataWriter.row(timed)[column]);
  }
}
