package io.vortex.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import io.vortex.api.RuntimeMode;
import io.vortex.api.StreamEnvironment;
import io.vortex.api.client.JobClient;
import io.vortex.api.client.JobEvent;
import io.vortex.api.client.JobExecutor;
import io.vortex.api.client.JobResult;
import io.vortex.api.client.JobStatus;
import io.vortex.api.graph.JobGraph;
import io.vortex.api.tuple.Tuple2;
import io.vortex.cluster.ControlMessage.TaskAssignment;
import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every control message and job event survives the wire form of its codec unchanged. */
@ExtendWith(VertxExtension.class)
class JsonMessageCodecTest {
  static JobGraph graph() {
    JobExecutor noCluster = graph -> {
      throw new UnsupportedOperationException("graphs only");
    };
    var env = StreamEnvironment.create(noCluster).setParallelism(2).setRuntimeMode(RuntimeMode.STREAMING);
    env.generate(10, i -> i).keyBy(i -> i % 2).reduce(Long::sum).name("sum").collect("out");
    return env.buildJobGraph("codec");
  }

  /** One instance of every message and event type, with every field set. */
  static List<Object> everyMessage() {
    JobGraph graph = graph();
    var failure = new ControlMessage.Failure("parse", "java.io.IOException", "in.csv:7: bad", "trace\n\tat x");
    return List.of(
        new ControlMessage.RegisterTaskManager("tm-1", 4),
        new ControlMessage.RegisterTaskManager("tm-2", 2, "0f8c2b7e-node"),
        new ControlMessage.RegisterTaskManager("tm-3", 2, "0f8c2b7e-node", new DataAddress("tm-3", "10.0.0.7", 41_234)),
        new ControlMessage.MemberLeft("0f8c2b7e-node"),
        new ControlMessage.TaskManagerHeartbeat("tm-1"),
        new ControlMessage.SubmitJob(graph),
        new ControlMessage.CancelJob("job-1"),
        new ControlMessage.DeployTasks(graph, List.of(new TaskAssignment(1, 0, 0), new TaskAssignment(2, 1, 3))),
        new ControlMessage.DeployTasks(graph, 3, List.of(new TaskAssignment(1, 0, 0)), List.of(
            new TaskPlacement(1, 0, new DataAddress("tm-1", "127.0.0.1", 40_001)),
            new TaskPlacement(1, 1, new DataAddress("tm-2", "127.0.0.1", 40_002)))),
        new ControlMessage.TaskStateChanged("job-1", 2, 1, TaskState.FAILED, failure, Map.of("lines", 7L)),
        new ControlMessage.TaskStateChanged("job-1", 4, 2, 1, TaskState.FINISHED, null, Map.of("lines", 7L)),
        new ControlMessage.TaskStateChanged("job-1", 2, 0, TaskState.RUNNING, null, Map.of()),
        new ControlMessage.CommitJob("job-1"),
        new ControlMessage.CancelTasks("job-1"),
        new ControlMessage.JobTerminated("job-1"),
        new ControlMessage.Ack("done"),
        new ControlMessage.ListJobs(),
        new ControlMessage.FetchJobJar("job-1", 1_048_576),
        new ControlMessage.JobJarChunk("job-1", 1_048_576, 1_048_579, new byte[] {(byte) 0xCA, (byte) 0xFE, 0}),
        new ControlMessage.DescribeJob("job-1"),
        new ControlMessage.JobInfos(List.of(new ControlMessage.JobInfo(
            "job-1", "codec", JobStatus.FAILED, "operator 'parse' failed", 8, 1_700_000_000_000L, 42, Map.of("lines", 7L)))),
        new JobEvent.StatusChanged("job-1", JobStatus.FAILED, "operator 'parse' failed"),
        new JobEvent.TaskFailed("job-1", "parse", 1, "java.io.IOException", "in.csv:7: bad", "trace"),
        new JobEvent.Completed("job-1", new JobResult("job-1", "codec", 12, Map.of("late", 3L))),
        new JobEvent.Collected("job-1", "out", 1, List.of(1L, 2L, Long.MAX_VALUE)),
        new JobEvent.Collected("job-1", "out", 0, List.of("a", "b")),
        new JobEvent.Collected("job-1", "pairs", 0, List.of(Tuple2.of("a", 1L), Tuple2.of("b", 2L))));
  }

  /** The codec registered for the message's class, as the event bus picks it. */
  @SuppressWarnings("unchecked")
  private static MessageCodec<Object, Object> codecOf(Object message) {
    Class<?> sealed = message instanceof JobEvent ? JobEvent.class : ControlMessage.class;
    return new JsonMessageCodec<>((Class<Object>) sealed, message.getClass());
  }

  private static Object wireRoundTrip(Object message) {
    var codec = codecOf(message);
    Buffer buffer = Buffer.buffer("prefix");
    codec.encodeToWire(buffer, message);
    return codec.decodeFromWire("prefix".length(), buffer);
  }

  /** The concrete types of a sealed hierarchy, walking sealed sub-interfaces down to their records. */
  static Set<Class<?>> concreteTypes(Class<?> sealed) {
    Set<Class<?>> leaves = new TreeSet<>(Comparator.comparing(Class::getName));
    for (Class<?> sub : sealed.getPermittedSubclasses()) {
      if (sub.isSealed()) {
        leaves.addAll(concreteTypes(sub));
      } else {
        leaves.add(sub);
      }
    }
    return leaves;
  }

  /** Every type that travels the bus: the concrete control messages and job events. */
  static Set<Class<?>> wireTypes() {
    Set<Class<?>> types = new TreeSet<>(Comparator.comparing(Class::getName));
    types.addAll(concreteTypes(ControlMessage.class));
    types.addAll(concreteTypes(JobEvent.class));
    return types;
  }

  private static List<Object> samplesOf(Class<?> type) {
    return everyMessage().stream().filter(m -> m.getClass() == type).toList();
  }

  private static byte[] wireBytes(Object message) {
    Buffer buffer = Buffer.buffer();
    codecOf(message).encodeToWire(buffer, message);
    return buffer.getBytes();
  }

  @TestFactory
  Stream<DynamicTest> when_eachWireTypeEncodedToWireAndDecoded_then_equalWithTheSameBytes() {
    return wireTypes().stream().map(type -> dynamicTest(type.getSimpleName(), () -> {
      // Given: the samples of one permitted type (none is a failure, not a skipped type)
      List<Object> samples = samplesOf(type);
      assertFalse(samples.isEmpty(), "no sample of " + type.getName() + " in everyMessage()");
      for (Object message : samples) {
        // When
        Object back = wireRoundTrip(message);

        // Then: same type, equal, and nothing the equality ignores was lost (same bytes again)
        assertEquals(type, back.getClass(), message.toString());
        assertEquals(message, back, type.getSimpleName());
        assertArrayEquals(wireBytes(message), wireBytes(back), type.getSimpleName() + " re-encodes differently");
      }
    }));
  }

  @Test
  void when_collectedRecordsCrossTheWire_then_theyKeepTheirTypes() {
    // Given: records of the types jobs collect most (longs that fit an int, tuples)
    var collected = new JobEvent.Collected("job-1", "out", 0, List.of(5L, Tuple2.of("a", 1L)));

    // When
    var back = (JobEvent.Collected) wireRoundTrip(collected);

    // Then
    assertEquals(Long.class, back.records().get(0).getClass());
    assertEquals(Tuple2.class, back.records().get(1).getClass());
  }

  @Test
  void when_everyPermittedTypeListed_then_theTestCoversIt() {
    // Given: the sealed hierarchies that travel on the bus
    Set<Class<?>> permitted = wireTypes();

    // When
    Set<Class<?>> covered = everyMessage().stream().map(Object::getClass).collect(Collectors.toSet());

    // Then: a new message type added without a round-trip case fails here, naming it
    List<String> missing = permitted.stream().filter(t -> !covered.contains(t)).map(Class::getName).toList();
    List<String> foreign = covered.stream().filter(t -> !permitted.contains(t)).map(Class::getName).toList();
    assertTrue(missing.isEmpty(), "add a sample to everyMessage() for " + missing);
    assertTrue(foreign.isEmpty(), "samples of types that are not on the wire: " + foreign);
  }

  @Test
  void when_aWireTypeHasFields_then_oneSampleSetsThemAll() {
    for (Class<?> type : wireTypes()) {
      // Given: the record components of one wire type
      RecordComponent[] components = type.getRecordComponents();
      assertNotNull(components, type.getName() + " travels the bus but is not a record");

      // When: its samples are checked for unset fields (null, empty collection, map or array)
      boolean oneFull = samplesOf(type).stream().anyMatch(sample -> unset(sample, components).isEmpty());

      // Then: a field added to a message is in the round trip, not left null in every sample
      assertTrue(oneFull, type.getSimpleName() + ": no sample sets " + samplesOf(type).stream()
          .map(sample -> unset(sample, components)).min(Comparator.comparingInt(List::size)).orElse(List.of()));
    }
  }

  private static List<String> unset(Object sample, RecordComponent[] components) {
    List<String> unset = new ArrayList<>();
    for (RecordComponent component : components) {
      Object value;
      try {
        value = component.getAccessor().invoke(sample);
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(component.getName(), e);
      }
      boolean empty = value == null
          || value instanceof Collection<?> c && c.isEmpty()
          || value instanceof Map<?, ?> m && m.isEmpty()
          || value.getClass().isArray() && Array.getLength(value) == 0;
      if (empty) {
        unset.add(component.getName());
      }
    }
    return unset;
  }

  @Test
  void when_deliveredLocally_then_theSameImmutableInstance() {
    for (Object message : everyMessage()) {
      var codec = codecOf(message);
      assertSame(message, codec.transform(message));
      assertTrue(codec.name().startsWith("vortex-json-"), codec.name());
    }
  }

  @Test
  @Timeout(10)
  void when_registeredTwice_then_everyMessageTravelsTheBusWithoutNamingACodec(Vertx vertx, VertxTestContext ctx) {
    // Given: two verticles of one Vert.x register the codecs
    JsonMessageCodec.registerAll(vertx.eventBus());
    JsonMessageCodec.registerAll(vertx.eventBus());
    List<Object> messages = everyMessage();
    List<Object> got = new ArrayList<>();
    vertx.eventBus().consumer("codec-test", m -> {
      got.add(m.body());
      if (got.size() == messages.size()) {
        // Then
        ctx.verify(() -> assertEquals(messages, got));
        ctx.completeNow();
      }
    }).completion().onComplete(ctx.succeeding(v -> {
      // When
      messages.forEach(m -> vertx.eventBus().send("codec-test", m));
    }));
  }

  @Test
  void warmUp_roundTripsTheFirstMessagesAMemberExchanges() {
    // When
    List<ControlMessage> readBack = JsonMessageCodec.warmUp();

    // Then
    assertEquals(List.of(ControlMessage.RegisterTaskManager.class, ControlMessage.Ack.class),
        readBack.stream().map(Object::getClass).toList());
    assertEquals("warm-up", ((ControlMessage.RegisterTaskManager) readBack.get(0)).taskManagerId());
  }
}
