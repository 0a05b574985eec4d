package io.vortex.api.internal.serialization;

import static io.vortex.api.internal.serialization.RoundTrip.roundTrip;
import static io.vortex.api.internal.serialization.RoundTrip.viaClass;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.vortex.api.tuple.Tuple2;
import io.vortex.api.tuple.Tuple3;
import io.vortex.api.tuple.Tuple4;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class SerializersTest {

  enum Color { RED, GREEN, BLUE { @Override public String toString() { return "blue"; } } }

  /** A POJO with no binary serializer: goes to Jackson. */
  public static final class Pojo {
    public String name;
    public int count;

    public Pojo() {
    }

    Pojo(String name, int count) {
      this.name = name;
      this.count = count;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Pojo p && Objects.equals(name, p.name) && count == p.count;
    }

    @Override
    public int hashCode() {
      return Objects.hash(name, count);
    }
  }

  @Test
  void when_boxedPrimitives_then_roundTrip() {
    List<Object> values = List.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, Integer.MIN_VALUE, -1, Double.MAX_VALUE,
        Double.NEGATIVE_INFINITY, Float.MIN_VALUE, (short) -32768, (byte) 127, true, false, 'é', '\uD83D');
    for (Object v : values) {
      assertEquals(v, viaClass(v));
    }
  }

  @Test
  void when_primitiveClassRequested_then_sameSerializerAsBox() {
    assertSame(Serializers.forClass(Long.class), Serializers.forClass(long.class));
    assertSame(Serializers.forClass(String.class), Serializers.forClass(String.class));
  }

  @Test
  void when_strings_then_roundTrip() {
    for (String s : List.of("", "plain", "ünïcödé", "𝄞 music \uD834\uDD1E", "x".repeat(100_000))) {
      assertEquals(s, viaClass(s));
    }
  }

  @Test
  void when_arrays_then_roundTrip() {
    assertArrayEquals(new byte[] {1, -2, 3}, viaClass(new byte[] {1, -2, 3}));
    assertArrayEquals(new byte[0], viaClass(new byte[0]));
    assertArrayEquals(new long[] {Long.MIN_VALUE, 0, 42}, viaClass(new long[] {Long.MIN_VALUE, 0, 42}));
    assertArrayEquals(new int[] {-1, 7}, viaClass(new int[] {-1, 7}));
    assertArrayEquals(new double[] {0.5, Double.NaN}, viaClass(new double[] {0.5, Double.NaN}));
    long[] big = new long[200_000];
    for (int i = 0; i < big.length; i++) {
      big[i] = (long) i * i;
    }
    assertArrayEquals(big, viaClass(big));
  }

  @Test
  void when_bigDecimals_then_roundTripWithScale() {
    for (BigDecimal d : List.of(BigDecimal.ZERO, new BigDecimal("-123.4500"), new BigDecimal("1E+40"),
        new BigDecimal(BigInteger.TWO.pow(300).negate(), 17))) {
      BigDecimal copy = viaClass(d);
      assertEquals(d, copy);
      assertEquals(d.scale(), copy.scale());
    }
  }

  @Test
  void when_enums_then_roundTripIncludingConstantWithBody() {
    assertEquals(Color.RED, viaClass(Color.RED));
    assertEquals(Color.BLUE, viaClass(Color.BLUE));
    assertSame(Serializers.forClass(Color.class), Serializers.forClass(Color.BLUE.getClass()));
  }

  @Test
  void when_tuplesOfCommonTypes_then_roundTrip() {
    assertEquals(Tuple2.of("key", 42L), viaClass(Tuple2.of("key", 42L)));
    assertEquals(Tuple2.of(null, 1.5), viaClass(Tuple2.of(null, 1.5)));
    assertEquals(Tuple3.of(1, 'c', (short) 2), viaClass(Tuple3.of(1, 'c', (short) 2)));
    assertEquals(Tuple4.of(true, (byte) 1, 2f, new BigDecimal("3.0")),
        viaClass(Tuple4.of(true, (byte) 1, 2f, new BigDecimal("3.0"))));
  }

  @Test
  void when_typedTupleSerializer_then_noTagsWritten() {
    // Given
    Tuple2Serializer<String, Long> typed = new Tuple2Serializer<>(BasicSerializers.STRING, BasicSerializers.LONG);
    DataOut out = new DataOut();

    // When
    typed.serialize(Tuple2.of("k", 9L), out);

    // Then
    assertEquals(2 + 8, out.position());
    assertEquals(Tuple2.of("k", 9L), typed.deserialize(new DataIn(out.toByteArray())));
  }

  @Test
  void when_listsAndMaps_then_roundTripAsArrayListAndHashMap() {
    List<Object> list = new ArrayList<>(List.of(1L, "two", 3.0));
    list.add(null);
    Map<Object, Object> map = new LinkedHashMap<>();
    map.put("a", 1);
    map.put(2L, List.of("nested", Tuple2.of(1, 2)));
    map.put("null", null);

    List<Object> listCopy = viaClass(list);
    assertEquals(list, listCopy);
    assertInstanceOf(ArrayList.class, listCopy);
    Map<Object, Object> mapCopy = roundTrip(Serializers.forClass(Map.class), map);
    assertEquals(map, mapCopy);
    assertInstanceOf(HashMap.class, mapCopy);
    assertEquals(List.of(), roundTrip(Serializers.forClass(List.class), List.of()));
  }

  @Test
  void when_nullableWrapper_then_nullAndValueRoundTrip() {
    TypeSerializer<String> s = Serializers.nullable(BasicSerializers.STRING);
    assertNull(roundTrip(s, null));
    assertEquals("x", roundTrip(s, "x"));
    assertSame(s, Serializers.nullable(s));
  }

  @Test
  void when_pojoWithoutBinarySerializer_then_jacksonSmileFallback() {
    TypeSerializer<Pojo> s = Serializers.forClass(Pojo.class);
    assertInstanceOf(JacksonSerializer.class, s);
    assertEquals(new Pojo("ä ü", 3), roundTrip(s, new Pojo("ä ü", 3)));
    assertEquals(new Pojo(null, 0), roundTrip(s, new Pojo(null, 0)));
  }

  @Test
  void when_interfaceOrObject_then_dynamicSerializer() {
    assertSame(Serializers.dynamic(), Serializers.forClass(Object.class));
    assertSame(Serializers.dynamic(), Serializers.forClass(Comparable.class));
    assertSame(Serializers.dynamic(), Serializers.forClass(Number.class));
  }
}
