package io.vortex.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vortex.api.RuntimeMode;
import io.vortex.api.StreamEnvironment;
import io.vortex.api.tuple.Tuple2;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Keys hash the same in every JVM, or are refused with a clear reason. */
class KeyHashesTest {
  enum Color { RED, GREEN { } }

  record Pixel(Color color, int x) {}

  /** No hashCode or equals of its own. */
  static final class Opaque {}

  private static int groupOf(int stableHash) {
    return Math.floorMod(KeyGroups.mix(stableHash), 128);
  }

  @Test
  void when_enumKey_then_keyGroupFromItsName() {
    // Given: an enum's own hashCode is an identity hash, different in every JVM
    // When / Then
    assertEquals(groupOf("RED".hashCode()), KeyGroups.assign(Color.RED, 128));
    assertEquals(groupOf("GREEN".hashCode()), KeyGroups.assign(Color.GREEN, 128)); // a constant with a body
  }

  @Test
  void when_recordsTuplesAndCollectionsHoldAnEnum_then_hashedFromTheirComponents() {
    // Given
    int red = "RED".hashCode();

    // When / Then: the formulas of their own hashCode, with the enum by name
    assertEquals(31 * red + 7, KeyHashes.hash(new Pixel(Color.RED, 7)));
    assertEquals(31 * red + "a".hashCode(), KeyHashes.hash(Tuple2.of(Color.RED, "a")));
    assertEquals(31 * (31 + red) + 3, KeyHashes.hash(List.of(Color.RED, 3)));
    assertEquals(red + 3, KeyHashes.hash(Set.of(Color.RED, 3)));
    assertEquals(red ^ 3, KeyHashes.hash(Map.of(Color.RED, 3)));
    assertEquals(31 * 0 + 7, KeyHashes.hash(new Pixel(null, 7)));
  }

  @Test
  void when_valueTypesWithTheirOwnHashCode_then_thatHashCode() {
    for (Object key : List.of("s", 5, 5L, 2.5, true, 'c', new java.math.BigDecimal("1.50"))) {
      assertEquals(key.hashCode(), KeyHashes.hash(key), key.toString());
    }
  }

  @Test
  void when_arrayOrIdentityKeyAtRunTime_then_refusedWithTheReason() {
    // When
    var array = assertThrows(IllegalArgumentException.class, () -> KeyGroups.assign(new int[] {1}, 128));
    var opaque = assertThrows(IllegalArgumentException.class, () -> KeyGroups.assign(new Opaque(), 128));

    // Then
    assertTrue(array.getMessage().contains("int[]") && array.getMessage().contains("keyBy"), array.getMessage());
    assertTrue(opaque.getMessage().contains(Opaque.class.getName()) && opaque.getMessage().contains("hashCode"),
        opaque.getMessage());
  }

  @Test
  void when_keyBySelectorDeclaresAnArrayKey_then_refusedWhenTheJobIsBuilt() {
    // Given
    var env = StreamEnvironment.create(graph -> {
      throw new UnsupportedOperationException("not submitted in this test");
    }).setRuntimeMode(RuntimeMode.STREAMING);
    var numbers = env.fromElements(1, 2, 3).map(x -> x).name("numbers");

    // When
    var e = assertThrows(IllegalArgumentException.class, () -> numbers.keyBy(x -> new int[] {x % 2}));
    var ok = numbers.keyBy(x -> x % 2 == 0 ? Color.RED : Color.GREEN); // enums are fine

    // Then: names the keyBy and why
    assertTrue(e.getMessage().startsWith("keyBy after 'numbers': a key of type int[]"), e.getMessage());
    assertEquals(Color.RED, assertDoesNotThrowKey(ok.keySelector(), 2));
  }

  private static Object assertDoesNotThrowKey(io.vortex.api.function.KeySelector<Integer, ?> selector, int value) {
    try {
      return selector.getKey(value);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
