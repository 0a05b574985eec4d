package io.vortex.api.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vortex.api.client.VortexException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The collect sink's side of the flow control, against a client whose credit the test grants. */
class CollectSinkTest {
  private final Vertx vertx = Vertx.vertx();
  private final List<List<?>> sent = new ArrayList<>();
  private final List<Promise<Void>> credits = new ArrayList<>();
  private int wakeups;

  private final SinkContext context = new SingleInstanceSinkContext("collect out", vertx) {
    @Override
    public Future<Void> sendToClient(String sinkName, List<?> records) {
      sent.add(List.copyOf(records));
      Promise<Void> credit = Promise.promise();
      credits.add(credit);
      return credit.future();
    }

    @Override
    public void wakeup() {
      wakeups++;
    }
  };

  private final SinkWriter<Long> writer = new CollectSink<Long>("out").createWriter(context);

  @AfterEach
  void close() throws Exception {
    writer.close();
    vertx.close().await();
  }

  private void write(long from, long to) throws Exception {
    for (long i = from; i < to; i++) {
      writer.write(i, 0);
    }
  }

  @Test
  void when_theClientAcknowledgesNoBatchWithinTheCreditTimeout_then_theWriterFailsNamingIt() throws Exception {
    // Given: a client that never acknowledges, and a sink with a 50 ms credit timeout
    var wokenUp = new CompletableFuture<Void>();
    var silentClient = new SingleInstanceSinkContext("collect slow", vertx) {
      @Override
      public Future<Void> sendToClient(String sinkName, List<?> records) {
        return Promise.<Void>promise().future();
      }

      @Override
      public void wakeup() {
        wokenUp.complete(null);
      }
    };
    SinkWriter<Long> timed = new CollectSink<Long>("slow", Duration.ofMillis(50)).createWriter(silentClient);
    try {
      // When: a full batch is sent and waits for its credit
      for (long i = 0; i < CollectSink.BATCH; i++) {
        timed.write(i, 0);
      }
      wokenUp.get(10, TimeUnit.SECONDS);

      // Then: the task, woken up, finds a failure naming the sink and the timeout
      var e = assertThrows(VortexException.class, timed::isReady);
      assertTrue(e.getMessage().startsWith("collect sink 'slow': the job's client acknowledged no batch for 50 ms "
          + "(the collect credit timeout)"), e.getMessage());
      assertTrue(timed.finish().failed());
    } finally {
      timed.close();
    }
  }

  @Test
  void when_windowOfBatchesUnacknowledged_then_writerRefusesInputUntilCredit() throws Exception {
    // Given: two full batches sent, none acknowledged
    write(0, 2 * CollectSink.BATCH);
    assertEquals(2, sent.size());
    assertTrue(writer.isReady(), "room for the next batch to fill");

    // When: the third batch fills
    write(2 * CollectSink.BATCH, 3 * CollectSink.BATCH);

    // Then: nothing more is sent and the task must stop feeding the writer
    assertEquals(2, sent.size());
    assertFalse(writer.isReady());

    // When: the client acknowledges the first batch
    credits.get(0).complete();

    // Then: the waiting batch goes, the writer takes input again and wakes its task
    assertEquals(3, sent.size());
    assertTrue(writer.isReady());
    assertEquals(1, wakeups);
  }

  @Test
  void when_stepOverfillsTheBatch_then_sentInBatchesOfAtMostTheBatchSizeInOrder() throws Exception {
    // Given: no credit, so records pile up in the open batch
    write(0, 2 * CollectSink.BATCH);
    write(2 * CollectSink.BATCH, 4 * CollectSink.BATCH + 10);

    // When: credit comes back for both
    credits.get(0).complete();
    credits.get(1).complete();
    writer.finish();
    credits.get(2).complete();
    credits.get(3).complete();

    // Then
    List<Object> all = new ArrayList<>();
    sent.forEach(b -> {
      assertTrue(b.size() <= CollectSink.BATCH, "batch of " + b.size());
      all.addAll(b);
    });
    assertEquals(LongStream.range(0, 4L * CollectSink.BATCH + 10).boxed().toList(), all);
  }

  @Test
  void when_finished_then_completesOnlyOnceTheClientAcknowledgedEveryBatch() throws Exception {
    // Given
    write(0, CollectSink.BATCH + 5);

    // When
    Future<Void> finished = writer.finish();

    // Then: the partial batch is sent at once, and the end waits for both credits
    assertEquals(2, sent.size());
    assertFalse(finished.isComplete());
    credits.get(0).complete();
    assertFalse(finished.isComplete());
    credits.get(1).complete();
    assertTrue(finished.succeeded());
  }

  @Test
  void when_clientUnreachable_then_finishAndNextWriteFailNamingTheSink() throws Exception {
    // Given
    write(0, CollectSink.BATCH);

    // When
    credits.get(0).fail(new IllegalStateException("No handlers for address vortex.job.x.events"));

    // Then
    var e = assertThrows(VortexException.class, writer::isReady);
    assertThrows(VortexException.class, () -> writer.write(1L, 0));
    assertEquals("collect sink 'out' could not reach the job's client: No handlers for address vortex.job.x.events",
        e.getMessage());
    assertTrue(writer.finish().failed());
  }
}
