package io.vortex.api.internal.serialization;

import static io.vortex.api.internal.serialization.RoundTrip.roundTrip;
import static io.vortex.api.internal.serialization.RoundTrip.viaClass;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vortex.api.tuple.Tuple2;
import io.vortex.api.tuple.Tuple3;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The JDK types users put in tuples, records and collections: binary round trips. */
class CommonTypesTest {

  enum Level { LOW, HIGH }

  /** Every common type as a declared (typed) component. */
  record Everything(String s, Long boxed, int i, BigDecimal decimal, BigInteger big, LocalDate date,
      LocalTime time, LocalDateTime dateTime, Instant instant, Duration duration, UUID id,
      List<String> list, Set<Integer> set, SortedSet<String> sorted, Map<String, Long> map,
      NavigableMap<String, Integer> navigable, HashSet<Long> hashSet, LinkedList<String> linked,
      ArrayDeque<Integer> deque, Optional<String> optional, Level level, byte[] bytes,
      Tuple2<String, LocalDate> tuple) {}

  static final List<Object> VALUES = List.of(
      "text", 42L, 7, 1.5, 2.5f, (short) 3, (byte) 4, 'c', true,
      new BigDecimal("-12.340"), new BigInteger("-123456789012345678901234567890"), BigInteger.ZERO,
      LocalDate.of(2026, 12, 1), LocalDate.MIN, LocalDate.MAX, LocalTime.of(23, 59, 59, 999_999_999),
      LocalDateTime.of(2026, 12, 1, 19, 0, 1, 5), Instant.parse("2026-12-01T19:00:00.123456789Z"),
      Instant.MIN, Instant.MAX, Duration.ofMillis(-1500), Duration.ofSeconds(Long.MAX_VALUE, 999_999_999),
      UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
      List.of("a", "b"), new ArrayList<>(List.of(1, 2)), new LinkedHashSet<>(List.of("z", "a", "m")),
      new TreeSet<>(List.of(3, 1, 2)), new LinkedHashMap<>(Map.of("k", 1L)), new TreeMap<>(Map.of("b", 2, "a", 1)),
      Optional.of("present"), Optional.empty(), Level.HIGH, Tuple2.of("k", Optional.of(LocalDate.of(2000, 1, 1))),
      Tuple3.of(UUID.randomUUID(), Set.of(1L), List.of(Map.of("n", BigInteger.TEN))));

  @Test
  void when_commonValuesGoThroughTheirClassSerializer_then_equalCopies() {
    for (Object v : VALUES) {
      assertEquals(v, viaClass(v), v.getClass().getName());
    }
  }

  @Test
  void when_commonValuesGoThroughTheDynamicSerializer_then_equalCopiesOfTheSameKind() {
    for (Object v : VALUES) {
      Object copy = roundTrip(Serializers.dynamic(), v);
      assertEquals(v, copy, v.getClass().getName());
      if (v instanceof SortedSet<?> || v instanceof TreeMap<?, ?>) {
        assertEquals(v.getClass(), copy.getClass());
      }
    }
  }

  @Test
  void when_commonTypesHaveOwnTags_then_noClassNameIsWritten() {
    // Given: a class name would cost a string per value and go through Jackson for java.time
    for (Object v : List.of(BigInteger.ONE, UUID.randomUUID(), Instant.EPOCH, Duration.ZERO, LocalDate.EPOCH,
        LocalTime.NOON, LocalDateTime.MIN, Set.of(), new TreeSet<>(), new TreeMap<>(), Optional.empty())) {
      // When
      DataOut out = new DataOut();
      Serializers.dynamic().serialize(v, out);
      // Then
      assertTrue(out.toByteArray()[0] != DynamicSerializer.CLASS, v.getClass().getName());
    }
  }

  @Test
  void when_setsAndMapsRoundTrip_then_iterationOrderIsKept() {
    // Given
    Set<String> set = new LinkedHashSet<>(List.of("z", "a", "m"));
    Map<String, Integer> map = new LinkedHashMap<>();
    map.put("z", 1);
    map.put("a", 2);
    // When
    Object setCopy = roundTrip(Serializers.dynamic(), set);
    Object mapCopy = roundTrip(Serializers.dynamic(), map);
    // Then
    assertEquals(List.of("z", "a", "m"), new ArrayList<>((Set<?>) setCopy));
    assertEquals(List.of("z", "a"), new ArrayList<>(((Map<?, ?>) mapCopy).keySet()));
  }

  @Test
  void when_sortedSetHasItsOwnComparator_then_itsOrderIsKeptWithoutIt() {
    // Given
    TreeSet<String> reversed = new TreeSet<>(Comparator.reverseOrder());
    reversed.addAll(List.of("a", "c", "b"));
    // When
    Object copy = roundTrip(Serializers.dynamic(), reversed);
    // Then
    assertInstanceOf(LinkedHashSet.class, copy);
    assertEquals(List.of("c", "b", "a"), new ArrayList<>((Set<?>) copy));
  }

  @Test
  void when_recordDeclaresEveryCommonType_then_roundTripKeepsValuesAndDeclaredKinds() {
    // Given
    Everything e = new Everything("s", null, 3, new BigDecimal("1.10"), BigInteger.TWO.pow(100),
        LocalDate.of(1999, 12, 31), LocalTime.MIDNIGHT, LocalDateTime.of(2026, 1, 2, 3, 4),
        Instant.ofEpochMilli(-1), Duration.ofDays(400), new UUID(-1, 1), List.of("x"), Set.of(5),
        new TreeSet<>(Set.of("q", "p")), Map.of("m", 9L), new TreeMap<>(Map.of("t", 1)),
        new HashSet<>(Set.of(1L)), new LinkedList<>(List.of("l")), new ArrayDeque<>(List.of(8, 9)),
        Optional.of("o"), Level.LOW, new byte[] {1, -2}, Tuple2.of("t", LocalDate.EPOCH));

    // When
    Everything copy = viaClass(e);

    // Then
    assertEquals(e.s(), copy.s());
    assertEquals(null, copy.boxed());
    assertEquals(List.of(e.decimal(), e.big(), e.date(), e.time(), e.dateTime(), e.instant(), e.duration(), e.id()),
        List.of(copy.decimal(), copy.big(), copy.date(), copy.time(), copy.dateTime(), copy.instant(),
            copy.duration(), copy.id()));
    assertEquals(List.of(e.list(), e.set(), e.sorted(), e.map(), e.navigable(), e.hashSet(), e.linked()),
        List.of(copy.list(), copy.set(), copy.sorted(), copy.map(), copy.navigable(), copy.hashSet(), copy.linked()));
    assertEquals(List.of(8, 9), new ArrayList<>(copy.deque()));
    assertInstanceOf(TreeSet.class, copy.sorted());
    assertInstanceOf(LinkedList.class, copy.linked());
    assertEquals(e.optional(), copy.optional());
    assertEquals(e.level(), copy.level());
    assertArrayEquals(e.bytes(), copy.bytes());
    assertEquals(e.tuple(), copy.tuple());
  }

  @Test
  void when_javaTimeFieldsAreCorrupt_then_illegalArgument() {
    // Given: an epoch day beyond LocalDate.MAX
    DataOut out = new DataOut();
    out.writeLong(Long.MAX_VALUE);
    // When / Then
    var e = assertThrows(IllegalArgumentException.class,
        () -> JdkSerializers.LOCAL_DATE.deserialize(new DataIn(out.toByteArray())));
    assertTrue(e.getMessage().startsWith("corrupt input: LocalDate at position 0"), e.getMessage());
  }

  @Test
  void when_collectionClassHasNoPublicNoArgConstructor_then_itReadsBackAsItsKind() {
    // Given: List.of(..), Set.of(..) and Map.of(..) classes, and one of ours
    NoDefault own = new NoDefault(0);
    own.add("x");
    for (Object v : List.of(List.of(1), Set.of(2), Map.of(3, 4), own, Map.of())) {
      // When / Then
      assertEquals(v, viaClass(v), v.getClass().getName());
    }
  }

  /** A collection that cannot be made empty from outside. */
  static final class NoDefault extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    NoDefault(int ignored) {}
  }

  @Test
  void when_hashMapDeclared_then_linkedHashMapIsAHashMap() {
    record Holder(HashMap<String, Integer> map) {}
    Holder copy = viaClass(new Holder(new HashMap<>(Map.of("a", 1))));
    assertEquals(Map.of("a", 1), copy.map());
  }
}
