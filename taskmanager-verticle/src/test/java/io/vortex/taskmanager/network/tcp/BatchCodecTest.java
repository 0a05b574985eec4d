package io.vortex.taskmanager.network.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vortex.api.internal.serialization.DataIn;
import io.vortex.api.internal.serialization.DataOut;
import io.vortex.api.tuple.Tuple2;
import io.vortex.taskmanager.network.RecordBatch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchCodecTest {
  record Trade(String symbol, long price, int qty) {}

  private final BatchCodec codec = new BatchCodec(getClass().getClassLoader());

  private static RecordBatch batch(Object... values) {
    var batch = new RecordBatch(values.length);
    for (int i = 0; i < values.length; i++) {
      batch.add(values[i], i == 0 ? Long.MIN_VALUE : 1000L * i - 5);
    }
    return batch;
  }

  private List<Object> roundTrip(RecordBatch batch, DataOut out) {
    int next = codec.write(batch, 0, batch.size(), out, Integer.MAX_VALUE);
    assertEquals(batch.size(), next);
    RecordBatch read = codec.read(new DataIn(out.array(), 0, out.position()));
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < read.size(); i++) {
      assertEquals(batch.timestamp(i), read.timestamp(i));
      values.add(read.value(i));
    }
    return values;
  }

  @Test
  void when_recordsOfOneClass_then_classNamedOncePerBatch() {
    // Given
    var trades = batch(new Trade("ACME", 10, 1), new Trade("ACME", 11, 2), new Trade("VTX", 12, 3));
    var out = new DataOut();

    // When
    List<Object> read = roundTrip(trades, out);

    // Then
    assertEquals(List.of(new Trade("ACME", 10, 1), new Trade("ACME", 11, 2), new Trade("VTX", 12, 3)), read);
    String bytes = new String(out.toByteArray(), StandardCharsets.ISO_8859_1);
    assertEquals(bytes.indexOf(Trade.class.getName()), bytes.lastIndexOf(Trade.class.getName()));
  }

  @Test
  void when_primitivesStringsTuples_then_roundTrip() {
    assertEquals(List.of(1L, -2L, Long.MAX_VALUE), roundTrip(batch(1L, -2L, Long.MAX_VALUE), new DataOut()));
    assertEquals(List.of("a", "ü€", ""), roundTrip(batch("a", "ü€", ""), new DataOut()));
    assertEquals(List.of(Tuple2.of("k", 1)), roundTrip(batch(Tuple2.of("k", 1)), new DataOut()));
  }

  @Test
  void when_mixedClassesOrNulls_then_dynamicTagsKeepThem() {
    assertEquals(List.of(1, "two", 3L), roundTrip(batch(1, "two", 3L), new DataOut()));
    assertEquals(java.util.Arrays.asList("x", null), roundTrip(batch("x", null), new DataOut()));
  }

  @Test
  void when_softLimitReached_then_batchSplitAcrossFrames() {
    // Given
    var big = new RecordBatch(100);
    for (int i = 0; i < 100; i++) {
      big.add("record-" + i, i);
    }
    var out = new DataOut();

    // When
    int next = codec.write(big, 0, 100, out, 64);

    // Then
    assertTrue(next > 1 && next < 100, "wrote " + next);
    assertFalse(out.position() > 64 + 20);
  }

  @Test
  void when_bodyCorrupt_then_illegalArgument() {
    // Given
    var out = new DataOut();
    codec.write(batch(1L, 2L), 0, 2, out, Integer.MAX_VALUE);
    byte[] bytes = out.toByteArray();

    // When / Then
    assertThrows(IllegalArgumentException.class, () -> codec.read(new DataIn(bytes, 0, bytes.length - 1)));
    bytes[4] = 9; // mode
    assertThrows(IllegalArgumentException.class, () -> codec.read(new DataIn(bytes)));
  }
}
