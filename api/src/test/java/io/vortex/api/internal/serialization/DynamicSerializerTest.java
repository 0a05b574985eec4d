package io.vortex.api.internal.serialization;

import static io.vortex.api.internal.serialization.RoundTrip.roundTrip;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vortex.api.tuple.Tuple2;
import io.vortex.api.tuple.Tuple3;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DynamicSerializerTest {

  record Point(int x, int y) {
  }

  /** Jackson sees no properties here, so the fallback refuses it. */
  static final class Opaque {
    private final int hidden = 1;
  }

  private final TypeSerializer<Object> dynamic = Serializers.dynamic();

  @Test
  void when_commonTypes_then_oneTagByteThenValue() {
    assertEquals(1 + 8, sizeOf(42L));
    assertEquals(1 + 4, sizeOf(42));
    assertEquals(1 + 1 + 3, sizeOf("abc"));
    assertEquals(1 + 8, sizeOf(1.0));
    assertEquals(1, sizeOf(null));
  }

  @Test
  void when_everySupportedKind_then_roundTrip() {
    List<Object> values = List.of(1L, 2, "s", 3.0, 4f, (short) 5, (byte) 6, true, 'c', new BigDecimal("7.70"),
        Tuple2.of(1L, "x"), Tuple3.of(null, null, null), List.of(1, List.of(2)), Map.of("k", 1L),
        new Point(1, 2), Thread.State.RUNNABLE);
    for (Object v : values) {
      assertEquals(v, roundTrip(dynamic, v), String.valueOf(v));
    }
    assertNull(roundTrip(dynamic, null));
    assertArrayEquals(new byte[] {1}, (byte[]) roundTrip(dynamic, new byte[] {1}));
    assertArrayEquals(new long[] {2}, (long[]) roundTrip(dynamic, new long[] {2}));
    assertArrayEquals(new int[] {3}, (int[]) roundTrip(dynamic, new int[] {3}));
    assertArrayEquals(new double[] {4}, (double[]) roundTrip(dynamic, new double[] {4}), 0);
  }

  @Test
  void when_unknownTypeTag_then_illegalArgumentNamesTagAndPosition() {
    // Given
    DataIn in = new DataIn(new byte[] {DynamicSerializer.LONG, 0, 0, 0, 0, 0, 0, 0, 1, 99});
    dynamic.deserialize(in);

    // When
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> dynamic.deserialize(in));

    // Then
    assertEquals("corrupt input: unknown type tag 99 at position 9", e.getMessage());
  }

  @Test
  void when_unknownClassName_then_illegalArgument() {
    DataOut out = new DataOut();
    out.writeByte(DynamicSerializer.CLASS);
    out.writeString("com.example.DoesNotExist");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> dynamic.deserialize(new DataIn(out.toByteArray())));
    assertTrue(e.getMessage().contains("unknown class com.example.DoesNotExist"), e.getMessage());
  }

  @Test
  void when_classNameIsInterface_then_illegalArgument() {
    DataOut out = new DataOut();
    out.writeByte(DynamicSerializer.CLASS);
    out.writeString("java.lang.Runnable");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> dynamic.deserialize(new DataIn(out.toByteArray())));
    assertTrue(e.getMessage().contains("not concrete"), e.getMessage());
  }

  @Test
  void when_plainObjectOrUnserializableValue_then_illegalArgument() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> dynamic.serialize(new Object(), new DataOut()));
    assertTrue(e.getMessage().contains("java.lang.Object"), e.getMessage());
    IllegalArgumentException noBean = assertThrows(IllegalArgumentException.class,
        () -> dynamic.serialize(new Opaque(), new DataOut()));
    assertTrue(noBean.getMessage().startsWith("cannot serialize " + Opaque.class.getName()), noBean.getMessage());
  }

  @Test
  void when_corruptEnumOrdinalOrListSize_then_illegalArgument() {
    TypeSerializer<Thread.State> states = Serializers.forClass(Thread.State.class);
    assertThrows(IllegalArgumentException.class, () -> states.deserialize(new DataIn(new byte[] {100})));
    DataOut out = new DataOut();
    out.writeByte(DynamicSerializer.LIST);
    out.writeVarInt(1_000_000_000);
    assertThrows(IllegalArgumentException.class, () -> dynamic.deserialize(new DataIn(out.toByteArray())));
  }

  private int sizeOf(Object value) {
    DataOut out = new DataOut();
    dynamic.serialize(value, out);
    return out.position();
  }
}
