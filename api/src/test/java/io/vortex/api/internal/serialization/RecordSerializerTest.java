package io.vortex.api.internal.serialization;

import static io.vortex.api.internal.serialization.RoundTrip.roundTrip;
import static io.vortex.api.internal.serialization.RoundTrip.viaClass;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.vortex.api.tuple.Tuple2;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordSerializerTest {

  record KeyValue(long key, long value) {
  }

  record AllPrimitives(long l, int i, double d, float f, short s, byte b, boolean z, char c) {
  }

  record Empty() {
  }

  enum Side { BUY, SELL }

  record Trade(String symbol, Side side, BigDecimal price, KeyValue ids, List<String> tags) {
  }

  record Generic<T>(T payload, Object any, Comparable<?> comparable) {
  }

  record Node(String name, Node next) {
  }

  private record Hidden(int x, byte[] bytes) {
  }

  @Test
  void when_recordOfLongs_then_sixteenBytesAndRoundTrip() {
    // Given
    TypeSerializer<KeyValue> s = Serializers.forClass(KeyValue.class);
    DataOut out = new DataOut();

    // When
    s.serialize(new KeyValue(1, -2), out);

    // Then
    assertEquals(16, out.position());
    assertEquals(new KeyValue(1, -2), s.deserialize(new DataIn(out.toByteArray())));
  }

  @Test
  void when_allPrimitiveComponents_then_roundTrip() {
    AllPrimitives p = new AllPrimitives(Long.MIN_VALUE, -5, Math.PI, -1.5f, (short) 300, (byte) -1, true, 'ß');
    assertEquals(p, viaClass(p));
  }

  @Test
  void when_emptyRecord_then_zeroBytes() {
    DataOut out = new DataOut();
    Serializers.forClass(Empty.class).serialize(new Empty(), out);
    assertEquals(0, out.position());
    assertEquals(new Empty(), viaClass(new Empty()));
  }

  @Test
  void when_nestedRecordWithNulls_then_roundTrip() {
    Trade full = new Trade("ÄPFEL", Side.SELL, new BigDecimal("99.95"), new KeyValue(3, 4), List.of("a", "b"));
    Trade sparse = new Trade(null, null, null, null, null);
    assertEquals(full, viaClass(full));
    assertEquals(sparse, viaClass(sparse));
  }

  @Test
  void when_genericAndObjectComponents_then_dynamicPerValue() {
    Generic<Object> g = new Generic<>(new KeyValue(1, 2), Tuple2.of("x", new KeyValue(5, 6)), "comparable");
    assertEquals(g, viaClass(g));
    Generic<Object> n = new Generic<>(null, Map.of("k", List.of(1, 2)), 7L);
    assertEquals(n, viaClass(n));
  }

  @Test
  void when_recordRefersToItself_then_lazyComponentAndRoundTrip() {
    Node list = new Node("a", new Node("b", new Node("c", null)));
    assertEquals(list, viaClass(list));
  }

  @Test
  void when_privateRecordWithArray_then_roundTrip() {
    Hidden copy = viaClass(new Hidden(7, new byte[] {1, 2}));
    assertEquals(7, copy.x());
    assertArrayEquals(new byte[] {1, 2}, copy.bytes());
  }

  @Test
  void when_tupleOfRecords_then_roundTrip() {
    Tuple2<KeyValue, Trade> t = Tuple2.of(new KeyValue(1, 1),
        new Trade("X", Side.BUY, BigDecimal.ONE, new KeyValue(9, 9), List.of()));
    assertEquals(t, viaClass(t));
    Tuple2Serializer<KeyValue, KeyValue> typed = new Tuple2Serializer<>(
        Serializers.forClass(KeyValue.class), Serializers.forClass(KeyValue.class));
    assertEquals(Tuple2.of(new KeyValue(1, 2), new KeyValue(3, 4)),
        roundTrip(typed, Tuple2.of(new KeyValue(1, 2), new KeyValue(3, 4))));
  }

  @Test
  void when_recordRequested_then_recordSerializer() {
    assertInstanceOf(RecordSerializer.class, Serializers.forClass(KeyValue.class));
  }
}
