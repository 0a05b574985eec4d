package io.vortex.taskmanager.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

/** The TaskManager's stop waits for what closed tasks left running, and only for that. */
class PendingClosesTest {
  @Test
  void when_aCloseIsStillRunning_then_drainedCompletesOnlyAfterIt() {
    // Given: one close still running, one already done
    var pending = new PendingCloses();
    Promise<Void> fileClose = Promise.promise();
    pending.add(fileClose.future());
    pending.add(Future.succeededFuture());

    Vertx vertx = Vertx.vertx();
    try {
      // When
      Future<Void> drained = pending.drained(vertx, 60_000);

      // Then: it waits for the running one, and forgets it once it completed
      assertFalse(drained.isComplete());
      assertEquals(1, pending.size());
      fileClose.fail("the file was already gone"); // its outcome does not matter
      assertTrue(drained.succeeded());
      assertEquals(0, pending.size());
    } finally {
      vertx.close().await();
    }
  }

  @Test
  void when_nothingIsPending_then_drainedIsCompleteAtOnce() {
    assertTrue(new PendingCloses().drained(null, 60_000).succeeded());
  }
}
