package io.vortex.jobmanager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vortex.api.client.JobEvent;
import io.vortex.api.client.JobStatus;
import io.vortex.api.client.TaskFailureException;
import io.vortex.api.graph.JobGraph;
import io.vortex.cluster.ControlMessage.DeployTasks;
import io.vortex.cluster.client.EventBusJobClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** A JobManager whose jobs wait for slots: until TaskManagers join or other jobs end, or a timeout. */
@ExtendWith(VertxExtension.class)
@Timeout(20)
class SlotWaitingTest {

  /** Checks every few milliseconds until {@code done} holds, then runs {@code then}. */
  private static void when(Vertx vertx, java.util.function.BooleanSupplier done, Runnable then) {
    vertx.setPeriodic(5, id -> {
      if (done.getAsBoolean()) {
        vertx.cancelTimer(id);
        then.run();
      }
    });
  }

  @Test
  void when_aJobNeedsMoreSlotsThanRegistered_then_itWaitsSayingWhyAndIsDeployedOnceATaskManagerJoins(
      Vertx vertx, VertxTestContext ctx) {
    // Given: 2 slots registered, a job of parallelism 4
    var tm1 = new FakeTaskManager(vertx, "tm1");
    var tm2 = new FakeTaskManager(vertx, "tm2");
    JobGraph graph = Graphs.pipeline(4);
    List<JobEvent> events = new CopyOnWriteArrayList<>();
    vertx.deployVerticle(new JobManagerVerticle(Duration.ofSeconds(60)))
        .compose(id -> tm1.startAndRegister(2))
        .onComplete(ctx.succeeding(v -> {
          var job = EventBusJobClient.submit(vertx, graph);
          job.events().handler(events::add);

          // When: it waits, then a second TaskManager joins
          when(vertx, () -> events.stream().anyMatch(e -> e instanceof JobEvent.StatusChanged s && s.message() != null
              && s.message().startsWith("waiting for slots")), () -> ctx.verify(() -> {
            assertTrue(tm1.received(DeployTasks.class).isEmpty(), "nothing deployed while it waits");
            var waiting = (JobEvent.StatusChanged) events.get(events.size() - 1);
            assertEquals(JobStatus.SUBMITTED, waiting.status());
            assertEquals("waiting for slots: it needs 4 slots; 2 of the 2 registered are free; waiting up to 60 s "
                + "for TaskManagers to join", waiting.message());
            tm2.startAndRegister(2);
          }));

          // Then: it is deployed over both
          when(vertx, () -> !tm1.received(DeployTasks.class).isEmpty() && !tm2.received(DeployTasks.class).isEmpty(),
              () -> ctx.verify(() -> {
                assertEquals(4, tm1.received(DeployTasks.class).get(0).tasks().size());
                assertEquals(4, tm2.received(DeployTasks.class).get(0).tasks().size());
                ctx.completeNow();
              }));
        }));
  }

  @Test
  void when_noTaskManagerJoinsInTime_then_theJobFailsWithAClearCause(Vertx vertx, VertxTestContext ctx) {
    // Given: 2 slots registered and a short wait
    var tm1 = new FakeTaskManager(vertx, "tm1");
    vertx.deployVerticle(new JobManagerVerticle(Duration.ofMillis(200)))
        .compose(id -> tm1.startAndRegister(2))
        .onComplete(ctx.succeeding(v -> {
          // When
          var job = EventBusJobClient.submit(vertx, Graphs.pipeline(3));

          // Then
          job.result().onComplete(ctx.failing(e -> ctx.verify(() -> {
            var failure = assertInstanceOf(TaskFailureException.class, e);
            assertEquals("scheduler", failure.operator());
            assertTrue(failure.getMessage().contains("could not start within 200 ms: it needs 3 slots; 2 of the 2 "
                + "registered are free (start more TaskManagers, or lower the parallelism)"), failure.getMessage());
            assertTrue(tm1.received(DeployTasks.class).isEmpty());
            ctx.completeNow();
          })));
        }));
  }

  @Test
  void when_slotsAreHeld_then_jobsWaitInOrderAndStartAsOthersEnd(Vertx vertx, VertxTestContext ctx) {
    // Given: 2 slots, held by a first job
    var tm1 = new FakeTaskManager(vertx, "tm1");
    vertx.deployVerticle(new JobManagerVerticle(Duration.ofSeconds(60)))
        .compose(id -> tm1.startAndRegister(2))
        .onComplete(ctx.succeeding(v -> {
          var first = EventBusJobClient.submit(vertx, Graphs.pipeline(2));
          // When: a wide job, then a narrow one, wait behind it
          var second = EventBusJobClient.submit(vertx, Graphs.pipeline(2));
          var third = EventBusJobClient.submit(vertx, Graphs.pipeline(1));
          when(vertx, () -> tm1.received(DeployTasks.class).size() == 1, () -> ctx.verify(() -> {
            assertEquals(first.jobId(), tm1.received(DeployTasks.class).get(0).graph().jobId());
            first.cancel();
          }));

          // Then: the first job's end frees its slots for the second, not the third
          when(vertx, () -> tm1.received(DeployTasks.class).size() == 2, () -> ctx.verify(() -> {
            assertEquals(second.jobId(), tm1.received(DeployTasks.class).get(1).graph().jobId());
            second.cancel();
          }));
          when(vertx, () -> tm1.received(DeployTasks.class).size() == 3, () -> ctx.verify(() -> {
            assertEquals(third.jobId(), tm1.received(DeployTasks.class).get(2).graph().jobId());
            ctx.completeNow();
          }));
        }));
  }
}
