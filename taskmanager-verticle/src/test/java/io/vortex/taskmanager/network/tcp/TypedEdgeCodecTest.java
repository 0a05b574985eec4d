package io.vortex.taskmanager.network.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vortex.api.internal.serialization.DataIn;
import io.vortex.api.internal.serialization.DataOut;
import io.vortex.api.tuple.Tuple2;
import io.vortex.taskmanager.network.RecordBatch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link BatchCodec} on edges whose record type the job graph knows. */
class TypedEdgeCodecTest {
  record Trade(String symbol, long price, int qty) {}

  /** A non-final class, so a subclass may travel on an edge typed with it. */
  static class Animal {
    public final String name;

    Animal(String name) {
      this.name = name;
    }
  }

  private static BatchCodec typed(Class<?> type) {
    return new BatchCodec(TypedEdgeCodecTest.class.getClassLoader(), type.getName(), "map");
  }

  private static RecordBatch batch(Object... values) {
    var batch = new RecordBatch(values.length);
    for (int i = 0; i < values.length; i++) {
      batch.add(values[i], 1000L * i - 5);
    }
    return batch;
  }

  /** Writes with {@code producer}, reads with a separate consumer codec for the same edge. */
  private static List<Object> roundTrip(BatchCodec producer, BatchCodec consumer, RecordBatch batch, DataOut out) {
    assertEquals(batch.size(), producer.write(batch, 0, batch.size(), out, Integer.MAX_VALUE));
    RecordBatch read = consumer.read(new DataIn(out.array(), 0, out.position()));
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < read.size(); i++) {
      assertEquals(batch.timestamp(i), read.timestamp(i));
      values.add(read.value(i));
    }
    return values;
  }

  private static String text(DataOut out) {
    return new String(out.array(), 0, out.position(), StandardCharsets.ISO_8859_1);
  }

  @Test
  void when_recordsOfTheEdgeType_then_roundTripWithNoClassNameInTheFrame() {
    // Given
    var trades = batch(new Trade("ACME", 10, 1), new Trade("VTX", 12, 3));
    var out = new DataOut();

    // When
    List<Object> read = roundTrip(typed(Trade.class), typed(Trade.class), trades, out);

    // Then
    assertEquals(List.of(new Trade("ACME", 10, 1), new Trade("VTX", 12, 3)), read);
    assertTrue(!text(out).contains("Trade"), "no class name in the frame");
  }

  @Test
  void when_primitivesStringsAndTuplesOnTypedEdges_then_roundTripSmallerThanNamedBatches() {
    Object[][] cases = {{1L, -2L, Long.MAX_VALUE}, {1, 2, -3}, {"a", "ü€", ""}, {2.5d, -0.0d}, {true, false},
        {Tuple2.of("k", 1), Tuple2.of("l", 2)}};
    for (Object[] values : cases) {
      // Given
      BatchCodec producer = typed(values[0].getClass());
      var edgeOut = new DataOut();
      var namedOut = new DataOut();

      // When
      List<Object> read = roundTrip(producer, typed(values[0].getClass()), batch(values), edgeOut);
      new BatchCodec(getClass().getClassLoader()).write(batch(values), 0, values.length, namedOut, Integer.MAX_VALUE);

      // Then
      assertEquals(Arrays.asList(values), read);
      assertEquals(1 + values[0].getClass().getName().length(), namedOut.position() - edgeOut.position(),
          "the typed edge saves exactly the class name: " + values[0].getClass());
    }
  }

  @Test
  void when_nullsOrSubclassesOnATypedEdge_then_theyStillTravel() {
    // Given: a subclass of the edge's non-final type, and a null
    class Dog extends Animal {
      Dog(String name) {
        super(name);
      }
    }
    BatchCodec producer = typed(String.class);

    // When / Then
    assertEquals(Arrays.asList("x", null), roundTrip(producer, typed(String.class), batch("x", null), new DataOut()));
    var dogs = batch(new Animal("a"), new Dog("d"));
    BatchCodec animals = typed(Animal.class);
    var out = new DataOut();
    animals.write(dogs, 0, 2, out, Integer.MAX_VALUE); // checks pass: both are Animals
    assertTrue(text(out).contains(Dog.class.getName()), "a subclass is named in its batch");
  }

  @Test
  void when_aRecordIsNotOfTheDeclaredType_then_aClearFailureNamingOperatorAndBothClasses() {
    // Given: returns(Integer.class) on an operator that emits strings
    BatchCodec producer = typed(Integer.class);

    // When
    var e = assertThrows(RecordTypeException.class,
        () -> producer.write(batch(1, "two"), 0, 2, new DataOut(), Integer.MAX_VALUE));
    var allStrings = assertThrows(RecordTypeException.class,
        () -> producer.write(batch("one"), 0, 1, new DataOut(), Integer.MAX_VALUE));

    // Then
    assertTrue(e.getMessage().contains("operator 'map'") && e.getMessage().contains("java.lang.String")
        && e.getMessage().contains("java.lang.Integer") && e.getMessage().contains("returns("), e.getMessage());
    assertEquals(e.getMessage(), allStrings.getMessage());
  }

  @Test
  void when_edgeTypedBatchReachesAnUntypedCodecOrTheClassIsMissing_then_illegalArgument() {
    // Given
    var out = new DataOut();
    typed(Long.class).write(batch(1L), 0, 1, out, Integer.MAX_VALUE);
    byte[] bytes = out.toByteArray();
    var missing = new BatchCodec(getClass().getClassLoader(), "com.acme.NoSuchRecord", "source");

    // When / Then
    assertThrows(IllegalArgumentException.class, () -> new BatchCodec(getClass().getClassLoader()).read(new DataIn(bytes)));
    var e = assertThrows(IllegalArgumentException.class, () -> missing.read(new DataIn(bytes)));
    assertTrue(e.getMessage().contains("com.acme.NoSuchRecord") && e.getMessage().contains("'source'"), e.getMessage());
  }
}
