package io.vortex.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vortex.api.StreamEnvironment;
import io.vortex.api.client.JobClient;
import io.vortex.api.client.JobEvent;
import io.vortex.api.client.JobResult;
import io.vortex.api.client.JobStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What a job's client hears while it runs. */
@Timeout(60)
class JobEventsIT {
  static MiniCluster cluster;

  @BeforeAll
  static void start() {
    cluster = MiniCluster.startBlocking(2, 2);
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  /** Subscribes to the job's events; returns the list they go into. */
  private static List<JobEvent> record(JobClient job, AtomicBoolean ended) {
    List<JobEvent> events = Collections.synchronizedList(new ArrayList<>());
    job.events().endHandler(v -> ended.set(true)).handler(events::add);
    return events;
  }

  private static List<JobStatus> statuses(List<JobEvent> events) {
    return events.stream()
        .filter(e -> e instanceof JobEvent.StatusChanged)
        .map(e -> ((JobEvent.StatusChanged) e).status())
        .toList();
  }

  @Test
  void when_jobFinishes_then_submittedRunningFinishedInOrderWithCollectedBatches() {
    // Given: 2500 records into one collect sink, which sends them in batches of up to 1024
    // (full ones, unless a partly filled batch waits longer than 100 ms)
    var env = StreamEnvironment.create(cluster).setParallelism(1);
    env.generate(2_500, i -> i).collect("numbers");

    // When
    JobClient job = env.executeAsync("events");
    var ended = new AtomicBoolean();
    List<JobEvent> events = record(job, ended);
    JobResult result = job.result().await();
    Await.until("the end of the event stream", Duration.ofSeconds(5), ended::get);

    // Then: status changes in order; the result just before FINISHED; batches in between
    assertEquals(List.of(JobStatus.SUBMITTED, JobStatus.RUNNING, JobStatus.FINISHED), statuses(events));
    assertTrue(events.get(0) instanceof JobEvent.StatusChanged, events.toString());
    int n = events.size();
    assertEquals(new JobEvent.Completed(job.jobId(), result), events.get(n - 2));
    List<JobEvent.Collected> batches = events.stream()
        .filter(e -> e instanceof JobEvent.Collected)
        .map(e -> (JobEvent.Collected) e)
        .toList();
    assertTrue(batches.size() >= 3, "2500 records in batches of at most 1024: " + batches.size());
    batches.forEach(b -> assertTrue(b.records().size() <= 1024, "batch of " + b.records().size()));
    batches.forEach(b -> {
      assertEquals("numbers", b.sink());
      assertEquals(0, b.subtask());
      assertEquals(job.jobId(), b.jobId());
    });
    List<Object> all = new ArrayList<>();
    batches.forEach(b -> all.addAll(b.records()));
    assertEquals(IntStream.range(0, 2_500).mapToObj(i -> (Object) (long) i).toList(), all);
    assertEquals(all, job.collected("numbers"));
    assertEquals("events", result.name());
    assertEquals(job.jobId(), result.jobId());
    events.forEach(e -> assertEquals(job.jobId(), e.jobId()));
  }

  @Test
  void when_jobFails_then_taskFailedBeforeFailedStatus() {
    // Given
    var env = StreamEnvironment.create(cluster).setParallelism(2);
    env.generate(100, i -> i)
        .map(i -> {
          if (i == 51) {
            throw new UnsupportedOperationException("no " + i);
          }
          return i;
        })
        .name("strict")
        .collect("out");

    // When
    JobClient job = env.executeAsync("failing events");
    var ended = new AtomicBoolean();
    List<JobEvent> events = record(job, ended);
    job.result().otherwiseEmpty().await();
    Await.until("the end of the event stream", Duration.ofSeconds(5), ended::get);

    // Then
    List<JobStatus> statuses = statuses(events);
    assertEquals(JobStatus.SUBMITTED, statuses.get(0));
    assertEquals(JobStatus.FAILED, statuses.get(statuses.size() - 1));
    // the other instance's collected batch may come at any time before the end
    List<JobEvent> lifecycle = events.stream().filter(e -> !(e instanceof JobEvent.Collected)).toList();
    var failed = (JobEvent.StatusChanged) lifecycle.get(lifecycle.size() - 1);
    assertEquals("operator 'strict' failed: java.lang.UnsupportedOperationException: no 51", failed.message());
    var task = (JobEvent.TaskFailed) lifecycle.get(lifecycle.size() - 2);
    assertEquals("strict", task.operator());
    assertEquals(1, task.subtask());
    assertEquals("java.lang.UnsupportedOperationException", task.causeClass());
    assertEquals("no 51", task.causeMessage());
    assertTrue(task.stackTrace().contains("UnsupportedOperationException: no 51"), task.stackTrace());
  }

  @Test
  void when_endlessJobCollectsFewRecords_then_theyReachTheClientWhileItRuns() {
    // Given: an endless source that emits three records and goes quiet (a batch never fills)
    var env = StreamEnvironment.create(cluster).setParallelism(2);
    env.fromSource(TestSources.<String>quiet(List.of(List.of("a", "b"), List.of("c"))), "quiet")
        .map(String::toUpperCase)
        .collect("letters");

    // When
    JobClient job = env.executeAsync("endless collect");
    Await.until("the three records", Duration.ofSeconds(5), () -> job.collected("letters").size() == 3,
        () -> job.collected("letters"));
    job.cancel().await();

    // Then
    assertEquals(List.of("A", "B", "C"), job.<String>collected("letters").stream().sorted().toList());
  }

  @Test
  void when_subscribedLate_then_noEventIsMissed() {
    // Given
    var env = StreamEnvironment.create(cluster).setParallelism(2);
    env.fromElements("a", "b").collect("letters");
    JobClient job = env.executeAsync("late subscriber");
    job.result().await();

    // When
    var ended = new AtomicBoolean();
    List<JobEvent> events = record(job, ended);

    // Then
    assertTrue(ended.get());
    assertEquals(List.of(JobStatus.SUBMITTED, JobStatus.RUNNING, JobStatus.FINISHED), statuses(events));
  }
}
