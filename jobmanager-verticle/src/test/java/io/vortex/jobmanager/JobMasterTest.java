package io.vortex.jobmanager;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vortex.api.client.JobEvent;
import io.vortex.api.client.JobStatus;
import io.vortex.api.graph.JobGraph;
import io.vortex.cluster.Addresses;
import io.vortex.cluster.ControlMessage.DeployTasks;
import io.vortex.cluster.ControlMessage.TaskAssignment;
import io.vortex.cluster.ControlMessage.TaskStateChanged;
import io.vortex.cluster.JsonMessageCodec;
import io.vortex.cluster.TaskState;
import io.vortex.jobmanager.scheduler.SlotPool.SlotRef;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** One job's master, driven directly on an event loop, against fake TaskManagers. */
@ExtendWith(VertxExtension.class)
@Timeout(20)
class JobMasterTest {
  private final JobGraph graph = Graphs.pipeline(3);
  private final List<JobEvent> events = new CopyOnWriteArrayList<>();
  private final AtomicInteger terminations = new AtomicInteger();
  private FakeTaskManager a;
  private FakeTaskManager b;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    JsonMessageCodec.registerAll(vertx.eventBus());
    a = new FakeTaskManager(vertx, "a");
    b = new FakeTaskManager(vertx, "b");
    vertx.eventBus().<JobEvent>consumer(Addresses.jobEvents(graph.jobId()), m -> events.add(m.body()))
        .completion()
        .compose(v -> a.start())
        .compose(v -> b.start())
        .onComplete(ctx.succeedingThenComplete());
  }

  private static final List<SlotRef> SLOTS = List.of(new SlotRef("a", 0), new SlotRef("b", 0), new SlotRef("a", 1));

  private JobMaster master(Vertx vertx) {
    return new JobMaster(vertx, graph, job -> terminations.incrementAndGet());
  }

  private void report(JobMaster job, int vertex, int subtask, TaskState state) {
    job.onTaskState(new TaskStateChanged(graph.jobId(), vertex, subtask, state, null, Map.of("n", 1L)));
  }

  @Test
  void when_deployed_then_subtaskIOfEveryVertexGoesToSlotI(Vertx vertx, VertxTestContext ctx) {
    vertx.runOnContext(v -> master(vertx).deploy(SLOTS, List.of()).onComplete(ctx.succeeding(done -> ctx.verify(() -> {
      // Then: a holds slots 0 and 1 (subtasks 0 and 2), b slot 0 (subtask 1)
      assertEquals(List.of(new TaskAssignment(1, 0, 0), new TaskAssignment(1, 2, 1),
              new TaskAssignment(2, 0, 0), new TaskAssignment(2, 2, 1)),
          a.received(DeployTasks.class).get(0).tasks());
      assertEquals(List.of(new TaskAssignment(1, 1, 0), new TaskAssignment(2, 1, 0)),
          b.received(DeployTasks.class).get(0).tasks());
      ctx.completeNow();
    }))));
  }

  @Test
  void when_allSubtasksFinish_then_completedWithCountersBeforeFinishedAndTerminatedOnce(Vertx vertx, VertxTestContext ctx) {
    vertx.runOnContext(v -> {
      // Given
      JobMaster job = master(vertx);
      job.deploy(SLOTS, List.of()).onComplete(ctx.succeeding(deployed -> {
        // When
        for (int vertex = 1; vertex <= 2; vertex++) {
          for (int s = 0; s < 3; s++) {
            report(job, vertex, s, TaskState.RUNNING);
            report(job, vertex, s, TaskState.FINISHED);
          }
        }
        report(job, 1, 0, TaskState.FINISHED); // a late duplicate
        vertx.setPeriodic(5, id -> {
          if (job.status().isTerminal() && events.size() == 4) {
            vertx.cancelTimer(id);
            // Then
            ctx.verify(() -> {
              assertEquals(JobStatus.FINISHED, job.status());
              assertEquals(JobStatus.SUBMITTED, ((JobEvent.StatusChanged) events.get(0)).status());
              assertEquals(JobStatus.RUNNING, ((JobEvent.StatusChanged) events.get(1)).status());
              assertEquals(6L, ((JobEvent.Completed) events.get(2)).result().counter("n"));
              assertEquals(JobStatus.FINISHED, ((JobEvent.StatusChanged) events.get(3)).status());
              assertEquals(1, terminations.get());
              job.cancel(); // too late: a no-op
              assertEquals(JobStatus.FINISHED, job.status());
              assertEquals(1, terminations.get());
            });
            ctx.completeNow();
          }
        });
      }));
    });
  }

  @Test
  void when_cancelledTwice_then_terminatedOnceAsCancelled(Vertx vertx, VertxTestContext ctx) {
    vertx.runOnContext(v -> {
      JobMaster job = master(vertx);
      job.deploy(SLOTS, List.of()).onComplete(ctx.succeeding(deployed -> ctx.verify(() -> {
        job.cancel();
        job.cancel();
        job.failDeployment(new IllegalStateException("late"));
        assertEquals(JobStatus.CANCELED, job.status());
        assertEquals(1, terminations.get());
        ctx.completeNow();
      })));
    });
  }

  @Test
  void when_aReportOfAnotherAttemptArrives_then_itIsIgnored(Vertx vertx, VertxTestContext ctx) {
    vertx.runOnContext(v -> {
      // Given: the job's attempt 0 deployed
      JobMaster job = master(vertx);
      job.deploy(SLOTS, List.of()).onComplete(ctx.succeeding(deployed -> ctx.verify(() -> {
        assertEquals(0, a.received(DeployTasks.class).get(0).attempt());

        // When: a subtask of another attempt reports a failure
        job.onTaskState(new TaskStateChanged(graph.jobId(), 1, 1, 0, TaskState.FAILED,
            new io.vortex.cluster.ControlMessage.Failure("src", "java.lang.IllegalStateException", "old", null), Map.of()));

        // Then: the job runs on; a report of its own attempt still counts
        assertEquals(JobStatus.SUBMITTED, job.status());
        report(job, 1, 0, TaskState.RUNNING);
        assertEquals(JobStatus.RUNNING, job.status());
        assertEquals(0, terminations.get());
        ctx.completeNow();
      })));
    });
  }
}
