package io.vortex.api.internal.serialization;

import static io.vortex.api.internal.serialization.RoundTrip.roundTrip;
import static io.vortex.api.internal.serialization.RoundTrip.viaClass;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

  record Pair(long left, long right) {
  }

  record Odd(long l, double d, float f, int i, String s, Long boxed) {
  }

  record Positive(long value) {
    Positive {
      if (value <= 0) {
        throw new IllegalArgumentException("not positive: " + value);
      }
    }
  }

  record Refusing(long value) {
    @Override
    public long value() {
      throw new UnsupportedOperationException("no reading " + value);
    }
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

  @Test
  void when_twoRecordTypesOfOneShape_then_eachReadsBackItsOwnType() {
    // Given: both are spun a codec of their own from the same template
    TypeSerializer<KeyValue> kv = Serializers.forClass(KeyValue.class);
    TypeSerializer<Pair> pair = Serializers.forClass(Pair.class);

    // When
    KeyValue k = roundTrip(kv, new KeyValue(Long.MIN_VALUE, Long.MAX_VALUE));
    Pair p = roundTrip(pair, new Pair(-1, 0));

    // Then
    assertEquals(new KeyValue(Long.MIN_VALUE, Long.MAX_VALUE), k);
    assertEquals(new Pair(-1, 0), p);
  }

  @Test
  void when_oddComponentValues_then_roundTrip() {
    for (Odd odd : List.of(
        new Odd(Long.MIN_VALUE, Double.NaN, -0.0f, Integer.MIN_VALUE, "", Long.MAX_VALUE),
        new Odd(Long.MAX_VALUE, Double.NEGATIVE_INFINITY, Float.MIN_VALUE, -1, null, null),
        new Odd(0, -0.0, Float.NaN, Integer.MAX_VALUE, "\uD800 lone surrogate", Long.MIN_VALUE))) {
      assertEquals(odd, viaClass(odd));
    }
  }

  @Test
  void when_manyValuesThroughOneSerializer_then_everyOneRoundTrips() {
    // Given: enough calls for the JIT to compile the codec's path
    TypeSerializer<KeyValue> s = Serializers.forClass(KeyValue.class);
    DataOut out = new DataOut();
    for (long i = -50_000; i < 50_000; i++) {
      s.serialize(new KeyValue(i * 0x9E3779B97F4A7C15L, -i), out);
    }

    // When / Then
    DataIn in = new DataIn(out.toByteArray());
    for (long i = -50_000; i < 50_000; i++) {
      assertEquals(new KeyValue(i * 0x9E3779B97F4A7C15L, -i), s.deserialize(in));
    }
    assertEquals(0, in.remaining());
  }

  @Test
  void when_canonicalConstructorRejects_then_itsExceptionPassesUnwrapped() {
    // Given: bytes of a value the record's compact constructor refuses
    DataOut out = new DataOut();
    out.writeLong(-3);

    // When / Then
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Serializers.forClass(Positive.class).deserialize(new DataIn(out.toByteArray())));
    assertEquals("not positive: -3", e.getMessage());
  }

  @Test
  void when_accessorThrows_then_itsExceptionPassesUnwrapped() {
    UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
        () -> Serializers.forClass(Refusing.class).serialize(new Refusing(4), new DataOut()));
    assertEquals("no reading 4", e.getMessage());
  }
}
