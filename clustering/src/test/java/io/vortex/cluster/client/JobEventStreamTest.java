package io.vortex.cluster.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vortex.api.client.JobEvent;
import io.vortex.api.client.JobStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class JobEventStreamTest {
  private final AtomicInteger roomSignals = new AtomicInteger();
  private final JobEventStream stream = new JobEventStream(new Object(), roomSignals::incrementAndGet);
  private final List<JobEvent> got = new ArrayList<>();

  private static JobEvent status(JobStatus status) {
    return new JobEvent.StatusChanged("job", status, null);
  }

  private static JobEvent batch(long record) {
    return new JobEvent.Collected("job", "out", 0, List.of(record));
  }

  @Test
  void when_pausedAndFetched_then_exactlyTheFetchedEventsDeliveredInOrder() {
    // Given
    stream.pause().handler(got::add);
    stream.push(status(JobStatus.SUBMITTED));
    stream.push(status(JobStatus.RUNNING));
    stream.push(batch(1));

    // When
    stream.fetch(2);

    // Then
    assertEquals(List.of(status(JobStatus.SUBMITTED), status(JobStatus.RUNNING)), got);
    stream.resume();
    assertEquals(3, got.size());
    assertTrue(roomSignals.get() > 0, "delivering makes room for held batches");
  }

  @Test
  void when_noHandlerYet_then_statusesAlwaysKeptButCollectedBatchesBounded() {
    // Given: more batches than the stream keeps, with statuses before and after
    stream.push(status(JobStatus.RUNNING));
    for (long i = 0; i < 3L * JobEventStream.CAPACITY; i++) {
      stream.push(batch(i));
    }
    stream.push(status(JobStatus.FINISHED));
    stream.end();
    var ended = new AtomicInteger();

    // When
    stream.endHandler(v -> ended.incrementAndGet()).handler(got::add);

    // Then
    assertEquals(JobEventStream.CAPACITY + 1, got.size(), "the statuses and the first batches");
    assertEquals(status(JobStatus.RUNNING), got.get(0));
    assertEquals(batch(0), got.get(1));
    assertEquals(status(JobStatus.FINISHED), got.get(got.size() - 1));
    assertEquals(1, ended.get());
  }

  @Test
  void when_subscriberPausedAndFull_then_noRoomUntilItFetches() {
    // Given
    stream.pause().handler(got::add);
    for (long i = 0; i < JobEventStream.CAPACITY - 1; i++) {
      stream.push(batch(i));
    }
    assertTrue(stream.hasRoom());

    // When
    stream.push(batch(99));

    // Then
    assertFalse(stream.hasRoom());
    stream.fetch(1);
    assertTrue(stream.hasRoom());
  }

  @Test
  void when_endedWhilePaused_then_endAfterTheLastEvent() {
    // Given
    var ended = new AtomicInteger();
    stream.pause().endHandler(v -> ended.incrementAndGet()).handler(got::add);
    stream.push(status(JobStatus.CANCELED));
    stream.end();
    assertEquals(0, ended.get(), "an event still waits");

    // When
    stream.fetch(1);

    // Then
    assertEquals(List.of(status(JobStatus.CANCELED)), got);
    assertEquals(1, ended.get());
  }
}
