package io.vortex.jobmanager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vortex.api.client.InvalidJobException;
import io.vortex.api.client.JobCancelledException;
import io.vortex.api.client.JobEvent;
import io.vortex.api.client.JobStatus;
import io.vortex.api.client.TaskFailureException;
import io.vortex.api.graph.JobGraph;
import io.vortex.cluster.Addresses;
import io.vortex.cluster.ControlMessage;
import io.vortex.cluster.ControlMessage.CancelTasks;
import io.vortex.cluster.ControlMessage.CommitJob;
import io.vortex.cluster.ControlMessage.DeployTasks;
import io.vortex.cluster.ControlMessage.JobTerminated;
import io.vortex.cluster.TaskState;
import io.vortex.cluster.client.EventBusJobClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The JobManager verticle against fake TaskManagers on a local event bus. */
@ExtendWith(VertxExtension.class)
@Timeout(20)
class JobManagerVerticleTest {
  private FakeTaskManager tm1;
  private FakeTaskManager tm2;

  @BeforeEach
  void deploy(Vertx vertx, VertxTestContext ctx) {
    tm1 = new FakeTaskManager(vertx, "tm1");
    tm2 = new FakeTaskManager(vertx, "tm2", m -> m instanceof CommitJob c && c.jobId().startsWith("uncommittable")
        || m instanceof DeployTasks d && d.graph().jobId().startsWith("undeployable"));
    vertx.deployVerticle(new JobManagerVerticle())
        .compose(id -> tm1.startAndRegister(2))
        .compose(v -> tm2.startAndRegister(2))
        .onComplete(ctx.succeedingThenComplete());
  }

  /** Acts like the TaskManagers once every subtask is deployed: all run, then all finish. */
  private void runToEnd(Vertx vertx, Map<String, Long> counters) {
    vertx.setPeriodic(5, id -> {
      if (!tm1.received(DeployTasks.class).isEmpty() && !tm2.received(DeployTasks.class).isEmpty()) {
        vertx.cancelTimer(id);
        tm1.reportAll(TaskState.RUNNING, Map.of());
        tm2.reportAll(TaskState.RUNNING, Map.of());
        tm1.reportAll(TaskState.FINISHED, counters);
        tm2.reportAll(TaskState.FINISHED, counters);
      }
    });
  }

  @Test
  void when_everySubtaskFinishes_then_committedOnEveryTaskManagerAndResultHasCounters(Vertx vertx, VertxTestContext ctx) {
    // Given: a job over all 4 slots, two per TaskManager
    JobGraph graph = Graphs.pipeline(4);

    // When
    var job = EventBusJobClient.submit(vertx, graph);
    runToEnd(vertx, Map.of("records", 5L));

    // Then
    job.result().onComplete(ctx.succeeding(result -> ctx.verify(() -> {
      assertEquals(40L, result.counter("records"), "8 subtasks of 5");
      assertEquals(graph.jobId(), result.jobId());
      for (FakeTaskManager tm : List.of(tm1, tm2)) {
        var deployed = tm.received(DeployTasks.class);
        assertEquals(1, deployed.size());
        assertEquals(4, deployed.get(0).tasks().size(), "2 slots x 2 vertices on " + tm.id);
        assertEquals(List.of(new CommitJob(graph.jobId())), tm.received(CommitJob.class));
        assertTrue(tm.received(CancelTasks.class).isEmpty());
      }
      ctx.completeNow();
    })));
  }

  @Test
  void when_jobEnded_then_everyTaskManagerReleasesItAndTheSlotsAreFree(Vertx vertx, VertxTestContext ctx) {
    // Given
    var first = EventBusJobClient.submit(vertx, Graphs.pipeline(4));
    runToEnd(vertx, Map.of());

    // When: after the first job, a second one needs every slot again
    first.result()
        .compose(r -> {
          tm1.received.clear();
          tm2.received.clear();
          var second = EventBusJobClient.submit(vertx, Graphs.pipeline(4));
          runToEnd(vertx, Map.of());
          return second.result();
        })
        // Then
        .onComplete(ctx.succeeding(r -> ctx.verify(() -> {
          assertEquals(1, tm1.received(JobTerminated.class).size());
          assertEquals(1, tm2.received(JobTerminated.class).size());
          ctx.completeNow();
        })));
  }

  @Test
  void when_subtaskFails_then_jobFailsNamingTheOperatorAndTheRestIsCancelled(Vertx vertx, VertxTestContext ctx) {
    // Given
    JobGraph graph = Graphs.pipeline(2);
    var job = EventBusJobClient.submit(vertx, graph);
    List<JobEvent> events = new CopyOnWriteArrayList<>();
    job.events().handler(events::add);

    // When: subtask 1 of vertex 2 fails once deployed
    vertx.setPeriodic(5, id -> {
      if (!tm2.received(DeployTasks.class).isEmpty()) {
        vertx.cancelTimer(id);
        tm1.reportAll(TaskState.RUNNING, Map.of());
        tm2.report(graph.jobId(), 2, 1, TaskState.FAILED,
            new ControlMessage.Failure("reduce", "java.lang.ArithmeticException", "/ by zero", "trace"), Map.of());
      }
    });

    // Then
    job.result().onComplete(ctx.failing(e -> ctx.verify(() -> {
      var failure = assertInstanceOf(TaskFailureException.class, e);
      assertEquals("reduce", failure.operator());
      assertEquals(1, failure.subtask());
      assertEquals("operator 'reduce' (subtask 1) failed: java.lang.ArithmeticException: / by zero", failure.getMessage());
      assertEquals(1, tm1.received(CancelTasks.class).size());
      assertEquals(1, tm2.received(CancelTasks.class).size());
      assertEquals(List.of(JobStatus.SUBMITTED, JobStatus.RUNNING, JobStatus.FAILED), statuses(events));
      ctx.completeNow();
    })));
  }

  @Test
  void when_taskManagerCancelsASubtaskOnItsOwn_then_jobFailsInsteadOfRunningForever(Vertx vertx, VertxTestContext ctx) {
    // Given
    JobGraph graph = Graphs.pipeline(2);
    var job = EventBusJobClient.submit(vertx, graph);

    // When: the TaskManager stops and cancels what it runs; the job was never cancelled
    vertx.setPeriodic(5, id -> {
      if (!tm1.received(DeployTasks.class).isEmpty()) {
        vertx.cancelTimer(id);
        tm1.reportAll(TaskState.RUNNING, Map.of());
        tm1.report(graph.jobId(), 1, 0, TaskState.CANCELED, null, Map.of());
      }
    });

    // Then
    job.result().onComplete(ctx.failing(e -> ctx.verify(() -> {
      var failure = assertInstanceOf(TaskFailureException.class, e);
      assertEquals("source", failure.operator());
      assertEquals("subtask 0 was CANCELED by its TaskManager, not by the job", failure.causeMessage());
      ctx.completeNow();
    })));
  }

  @Test
  void when_clientCancels_then_tasksCancelledAndResultFailsWithCancellation(Vertx vertx, VertxTestContext ctx) {
    // Given
    var job = EventBusJobClient.submit(vertx, Graphs.pipeline(4));

    // When
    vertx.setPeriodic(5, id -> {
      if (!tm2.received(DeployTasks.class).isEmpty()) {
        vertx.cancelTimer(id);
        job.cancel();
      }
    });

    // Then
    job.result().onComplete(ctx.failing(e -> ctx.verify(() -> {
      assertInstanceOf(JobCancelledException.class, e);
      assertEquals(1, tm1.received(CancelTasks.class).size());
      assertEquals(1, tm2.received(CancelTasks.class).size());
      assertTrue(tm1.received(CommitJob.class).isEmpty());
      ctx.completeNow();
    })));
  }

  @Test
  void when_jobInvalid_then_refusedWithTheReasonAndNothingDeployed(Vertx vertx, VertxTestContext ctx) {
    // When: parallelism 5 on 4 slots
    var job = EventBusJobClient.submit(vertx, Graphs.pipeline(5));

    // Then
    job.result().onComplete(ctx.failing(e -> ctx.verify(() -> {
      assertInstanceOf(InvalidJobException.class, e);
      assertTrue(e.getMessage().contains("its parallelism 5 is above the 4 slots"), e.getMessage());
      assertTrue(tm1.received(DeployTasks.class).isEmpty());
      ctx.completeNow();
    })));
  }

  @Test
  void when_slotsHeldByAnotherJob_then_refusedAsUnavailableNow(Vertx vertx, VertxTestContext ctx) {
    // Given: a running job holds 3 of the 4 slots
    vertx.eventBus().request(Addresses.JOB_MANAGER, new ControlMessage.SubmitJob(Graphs.pipeline(3)))
        // When
        .compose(deployed -> vertx.eventBus().request(Addresses.JOB_MANAGER, new ControlMessage.SubmitJob(Graphs.pipeline(2))))
        // Then
        .onComplete(ctx.failing(e -> ctx.verify(() -> {
      var reply = assertInstanceOf(ReplyException.class, e);
      assertEquals(JobManagerVerticle.NO_RESOURCES, reply.failureCode());
      assertTrue(reply.getMessage().contains("needs 2 slots but only 1 of 4 are free now"), reply.getMessage());
      ctx.completeNow();
    })));
  }

  @Test
  void when_jobIdAlreadyRunning_then_secondSubmissionRefused(Vertx vertx, VertxTestContext ctx) {
    // Given
    JobGraph graph = Graphs.pipeline(1);
    vertx.eventBus().request(Addresses.JOB_MANAGER, new ControlMessage.SubmitJob(graph))
        // When
        .compose(accepted -> vertx.eventBus().request(Addresses.JOB_MANAGER, new ControlMessage.SubmitJob(graph)))
        // Then
        .onComplete(ctx.failing(e -> ctx.verify(() -> {
      assertEquals(JobManagerVerticle.INVALID_JOB, ((ReplyException) e).failureCode());
      assertEquals("a job with id " + graph.jobId() + " is already running", e.getMessage());
      ctx.completeNow();
    })));
  }

  @Test
  void when_commitFailsOnATaskManager_then_jobFailsAndIsNotReportedFinished(Vertx vertx, VertxTestContext ctx) {
    // Given: tm2 refuses to commit this job
    JobGraph graph = Graphs.graph()
        .vertex(1, "source", 4, io.vortex.api.graph.OperatorKind.SOURCE, io.vortex.api.graph.OperatorKind.SINK)
        .build("uncommittable-" + java.util.UUID.randomUUID());
    var job = EventBusJobClient.submit(vertx, graph);
    List<JobEvent> events = new CopyOnWriteArrayList<>();
    job.events().handler(events::add);

    // When
    runToEnd(vertx, Map.of());

    // Then
    job.result().onComplete(ctx.failing(e -> ctx.verify(() -> {
      var failure = assertInstanceOf(TaskFailureException.class, e);
      assertEquals("commit", failure.operator());
      assertTrue(events.stream().noneMatch(ev -> ev instanceof JobEvent.Completed), events.toString());
      assertEquals(List.of(JobStatus.SUBMITTED, JobStatus.RUNNING, JobStatus.FAILED), statuses(events));
      ctx.completeNow();
    })));
  }

  @Test
  void when_deploymentFails_then_jobFailsAndItsSlotsAreFreed(Vertx vertx, VertxTestContext ctx) {
    // Given: tm2 refuses to deploy this job
    JobGraph graph = Graphs.graph()
        .vertex(1, "source", 4, io.vortex.api.graph.OperatorKind.SOURCE, io.vortex.api.graph.OperatorKind.SINK)
        .build("undeployable-" + java.util.UUID.randomUUID());

    // When
    EventBusJobClient.submit(vertx, graph).result()
        // Then
        .onComplete(ctx.failing(e -> ctx.verify(() -> {
          var failure = assertInstanceOf(TaskFailureException.class, e);
          assertEquals("deployment", failure.operator());
          assertEquals(1, tm1.received(CancelTasks.class).size(), "what tm1 deployed is cancelled");
          var next = EventBusJobClient.submit(vertx, Graphs.pipeline(4));
          vertx.setPeriodic(5, id -> {
            if (tm2.received(DeployTasks.class).size() == 2) {
              vertx.cancelTimer(id);
              next.cancel();
            }
          });
          next.result().onComplete(ctx.failing(c -> ctx.verify(() -> {
            assertInstanceOf(JobCancelledException.class, c, "all 4 slots were free again: " + c);
            ctx.completeNow();
          })));
        })));
  }

  @Test
  void when_unexpectedMessage_then_failedReply(Vertx vertx, VertxTestContext ctx) {
    vertx.eventBus().request(Addresses.JOB_MANAGER, new ControlMessage.CommitJob("x"))
        .onComplete(ctx.failing(e -> ctx.verify(() -> {
          assertEquals("unexpected message CommitJob", e.getMessage());
          ctx.completeNow();
        })));
  }

  private static List<JobStatus> statuses(List<JobEvent> events) {
    return events.stream()
        .filter(e -> e instanceof JobEvent.StatusChanged)
        .map(e -> ((JobEvent.StatusChanged) e).status())
        .toList();
  }

  @Test
  void when_aDroppedTaskManagerBeats_then_itIsToldItIsUnknownAndItsRepeatedRegistrationCountsOnce(Vertx vertx, VertxTestContext ctx) {
    // Given: tm3 of member node-3 registered; then the JobManager saw node-3 leave (it was only suspected)
    var bus = vertx.eventBus();
    var tm3 = new ControlMessage.RegisterTaskManager("tm3", 2, "node-3");
    bus.request(Addresses.JOB_MANAGER, tm3)
        .compose(v -> bus.request(Addresses.JOB_MANAGER, new ControlMessage.MemberLeft("node-3")))
        // When: it beats
        .compose(v -> bus.request(Addresses.JOB_MANAGER, new ControlMessage.TaskManagerHeartbeat("tm3")))
        .map(known -> "known")
        .otherwise(e -> e instanceof ReplyException r ? r.failureCode() + ": " + e.getMessage() : e.toString())
        .compose(answer -> {
          // Then: unknown, so it registers again (twice: a repeated registration is the same one)
          ctx.verify(() -> assertTrue(answer.startsWith(ControlMessage.UNKNOWN_TASK_MANAGER + ": TaskManager tm3 is not registered here"),
              answer));
          return bus.request(Addresses.JOB_MANAGER, tm3).compose(v -> bus.request(Addresses.JOB_MANAGER, tm3));
        })
        .compose(v -> bus.request(Addresses.JOB_MANAGER, new ControlMessage.TaskManagerHeartbeat("tm3")))
        // and it is known again, its 2 slots counted once beside tm1's and tm2's
        .compose(known -> bus.request(Addresses.JOB_MANAGER, new ControlMessage.SubmitJob(Graphs.pipeline(7))))
        .onComplete(ctx.failing(e -> ctx.verify(() -> {
          assertTrue(e.getMessage().contains("its parallelism 7 is above the 6 slots"), e.getMessage());
          ctx.completeNow();
        })));
  }
}
