package io.vortex.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vortex.api.RuntimeMode;
import io.vortex.api.StreamEnvironment;
import io.vortex.api.client.InvalidJobException;
import io.vortex.api.client.JobClient;
import io.vortex.api.client.JobEvent;
import io.vortex.api.client.JobResult;
import io.vortex.api.function.Collector;
import io.vortex.api.function.ProcessFunction;
import io.vortex.api.function.RuntimeContext;
import io.vortex.api.source.GeneratorSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Jobs that cannot run are refused with a clear error, before anything is deployed. */
@Timeout(60)
class ValidationIT {
  static MiniCluster cluster;

  @BeforeAll
  static void start() {
    cluster = MiniCluster.startBlocking(2, 2);
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  private static StreamEnvironment env() {
    return StreamEnvironment.create(cluster);
  }

  @Test
  void when_parallelismAboveTheClustersSlots_then_invalidJobAndNothingDeployed() {
    // Given: 4 slots; one operator asks for 5
    String counter = "too-wide-" + UUID.randomUUID();
    AtomicLong generated = TestSinks.counter(counter);
    var env = env().setParallelism(2);
    env.generate(100, i -> TestSinks.counter(counter).incrementAndGet()).map(i -> i).setParallelism(5).collect("out");

    // When
    JobClient job = env.executeAsync("too wide");
    var events = Collections.synchronizedList(new ArrayList<JobEvent>());
    var ended = new AtomicBoolean();
    job.events().endHandler(v -> ended.set(true)).handler(events::add);
    var e = assertThrows(InvalidJobException.class, () -> job.result().await());

    // Then
    assertEquals(
        "job 'too wide' is invalid: its parallelism 5 is above the 4 slots the cluster has "
            + "(add TaskManagers or slots, or lower the parallelism)",
        e.getMessage());
    Await.until("the event stream to end", Duration.ofSeconds(5), ended::get);
    assertEquals(List.of(), events, "not even SUBMITTED: the job never started");
    assertEquals(0, generated.get(), "no source ran");
    var next = env().setParallelism(4);
    next.fromElements(1, 2, 3, 4).collect("out");
    JobClient nextJob = next.executeAsync("fits");
    nextJob.result().await();
    assertEquals(4, nextJob.collected("out").size(), "all four slots are free");
  }

  @Test
  void when_maxParallelismAboveTheUpperBound_then_invalidJob() {
    // Given
    var env = env().setParallelism(2);
    env.fromElements(1, 2).keyBy(i -> i).reduce(Integer::sum).setMaxParallelism(100_000).collect("out");

    // When
    var e = assertThrows(InvalidJobException.class, () -> env.execute("huge max"));

    // Then
    assertTrue(e.getMessage().startsWith("job 'huge max' is invalid: operator '"), e.getMessage());
    assertTrue(e.getMessage().endsWith("has max parallelism 100000; it must be between its parallelism 2 and 32768"),
        e.getMessage());
  }

  /** Counts the records it sees in a job counter and emits nothing. */
  static final class Count extends ProcessFunction<Long, Long> {
    private RuntimeContext context;

    @Override
    public void open(RuntimeContext context) {
      this.context = context;
    }

    @Override
    public void processElement(Long value, Context ctx, Collector<Long> out) {
      context.addToCounter("seen", 1);
    }
  }

  @Test
  void when_jobHasNoSink_then_itStillRunsToTheEnd() {
    // Given: a pipeline that ends without a sink (its side effects are its counters)
    var env = env().setParallelism(4);
    env.generate(1_000, i -> i).process(new Count());

    // When
    JobResult result = env.execute("no sink");

    // Then
    assertEquals(1_000, result.counter("seen"));
    assertEquals("no sink", result.name());
  }

  @Test
  void when_batchModeWithUnboundedSource_then_illegalArgumentAtExecute() {
    // Given
    var env = env().setRuntimeMode(RuntimeMode.BATCH);
    env.fromSource(GeneratorSource.unbounded(i -> i), "endless").collect("out");

    // When
    var e = assertThrows(IllegalArgumentException.class, () -> env.execute("batch endless"));

    // Then
    assertEquals("BATCH mode needs bounded sources, but the job has an unbounded source", e.getMessage());
  }

  @Test
  void when_automaticModeWithUnboundedSource_then_streaming() {
    // Given
    var env = env();
    env.fromSource(GeneratorSource.unbounded(i -> i), "endless").collect("out");

    // When / Then
    assertEquals(RuntimeMode.STREAMING, env.buildJobGraph("auto").config().mode());
    var bounded = env();
    bounded.fromElements(1).collect("out");
    assertEquals(RuntimeMode.BATCH, bounded.buildJobGraph("auto").config().mode());
  }

  @Test
  void when_parallelismNotPositive_then_illegalArgumentAtOnce() {
    // Given
    var env = env();
    var stream = env.fromElements(1, 2);

    // When / Then
    var onEnv = assertThrows(IllegalArgumentException.class, () -> env.setParallelism(0));
    assertEquals("parallelism must be at least 1, was 0", onEnv.getMessage());
    var onOperator = assertThrows(IllegalArgumentException.class, () -> stream.map(i -> i).setParallelism(-1));
    assertEquals("parallelism must be at least 1, was -1", onOperator.getMessage());
    var onSink = assertThrows(IllegalArgumentException.class, () -> stream.collect("x").setParallelism(0));
    assertEquals("parallelism must be at least 1, was 0", onSink.getMessage());
    assertThrows(IllegalArgumentException.class, () -> stream.setMaxParallelism(0));
    assertThrows(IllegalArgumentException.class, () -> env.setBatchSize(0));
  }

  @Test
  void when_maxParallelismBelowParallelism_then_illegalArgumentAtExecute() {
    // Given
    var env = env().setParallelism(4);
    env.fromElements(1, 2).keyBy(i -> i).reduce(Integer::sum).name("sum").setMaxParallelism(2).collect("out");

    // When
    var e = assertThrows(IllegalArgumentException.class, () -> env.execute("max below"));

    // Then
    assertEquals("operator 'sum': maxParallelism 2 is below its parallelism 4", e.getMessage());
  }

  @Test
  void when_noOperators_then_illegalStateAtExecute() {
    // When
    var e = assertThrows(IllegalStateException.class, () -> env().execute("empty"));

    // Then
    assertEquals("the job has no operators: add a source and a sink", e.getMessage());
  }

  @Test
  void when_functionCapturesSomethingNotSerializable_then_illegalArgumentNamingTheOperator() {
    // Given
    Thread notSerializable = Thread.currentThread();
    var env = env();
    env.fromElements(1, 2).map(i -> i + notSerializable.getName().length()).name("capturing").collect("out");

    // When
    var e = assertThrows(IllegalArgumentException.class, () -> env.execute("not serializable"));

    // Then
    assertTrue(e.getMessage().startsWith("operator 'capturing' is not serializable: "), e.getMessage());
  }
}
