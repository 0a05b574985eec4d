package io.vortex.taskmanager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vortex.api.RuntimeMode;
import io.vortex.api.StreamEnvironment;
import io.vortex.api.client.JobEvent;
import io.vortex.api.client.JobExecutor;
import io.vortex.api.graph.JobGraph;
import io.vortex.api.graph.JobVertex;
import io.vortex.api.sink.Sink;
import io.vortex.api.sink.SinkContext;
import io.vortex.api.sink.SinkWriter;
import io.vortex.api.source.GeneratorSource;
import io.vortex.cluster.Addresses;
import io.vortex.cluster.ControlMessage;
import io.vortex.cluster.ControlMessage.TaskAssignment;
import io.vortex.cluster.ControlMessage.TaskStateChanged;
import io.vortex.cluster.JsonMessageCodec;
import io.vortex.cluster.TaskState;
import io.vortex.taskmanager.network.LocalChannelTransport;
import io.vortex.taskmanager.network.tcp.NetworkConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The TaskManager verticle running real tasks, against a fake JobManager (which records the
 * task states) and a fake client (which acknowledges collected batches).
 */
@ExtendWith(VertxExtension.class)
@Timeout(30)
class TaskManagerVerticleTest {
  private static final JobExecutor GRAPHS_ONLY = graph -> {
    throw new UnsupportedOperationException("graphs only");
  };

  private final String tmId = "tm-" + UUID.randomUUID();
  private final List<TaskStateChanged> states = new CopyOnWriteArrayList<>();
  private final List<Object> collected = new CopyOnWriteArrayList<>();

  /** The fake JobManager: accepts the registration, records task states. */
  private Future<Void> fakeJobManager(Vertx vertx) {
    JsonMessageCodec.registerAll(vertx.eventBus());
    return vertx.eventBus().<ControlMessage>consumer(Addresses.JOB_MANAGER, m -> {
      if (m.body() instanceof TaskStateChanged change) {
        states.add(change);
      } else {
        m.reply(new ControlMessage.Ack("registered"));
      }
    }).completion();
  }

  private Future<String> startTaskManager(Vertx vertx) {
    return vertx.deployVerticle(new TaskManagerVerticle(new TaskManagerConfig(tmId, 2), new LocalChannelTransport()));
  }

  /** The fake client of {@code graph}: keeps and acknowledges collected records. */
  private Future<Void> fakeClient(Vertx vertx, JobGraph graph) {
    return vertx.eventBus().<JobEvent>consumer(Addresses.jobEvents(graph.jobId()), m -> {
      if (m.body() instanceof JobEvent.Collected c) {
        collected.addAll(c.records());
        m.reply(new ControlMessage.Ack("read"));
      }
    }).completion();
  }

  private static JobGraph graph(Consumer<StreamEnvironment> pipeline) {
    var env = StreamEnvironment.create(GRAPHS_ONLY).setParallelism(2).setRuntimeMode(RuntimeMode.STREAMING);
    pipeline.accept(env);
    return env.buildJobGraph("tm test");
  }

  /** Every subtask of the graph, subtask i in slot i. */
  private static ControlMessage.DeployTasks deployAll(JobGraph graph) {
    List<TaskAssignment> tasks = new ArrayList<>();
    for (JobVertex v : graph.vertices()) {
      for (int i = 0; i < v.parallelism(); i++) {
        tasks.add(new TaskAssignment(v.id(), i, i));
      }
    }
    return new ControlMessage.DeployTasks(graph, tasks);
  }

  private long count(TaskState state) {
    return states.stream().filter(s -> s.state() == state).count();
  }

  /** Completes once {@code n} reports of {@code state} arrived. */
  private Future<Void> reported(Vertx vertx, TaskState state, int n) {
    Promise<Void> done = Promise.promise();
    vertx.setPeriodic(2, id -> {
      if (count(state) >= n) {
        vertx.cancelTimer(id);
        done.complete();
      }
    });
    return done.future();
  }

  private Future<Object> request(Vertx vertx, ControlMessage message) {
    return vertx.eventBus().request(Addresses.taskManager(tmId), message).map(r -> r.body());
  }

  @Test
  void when_aJobIsCancelledWhileItsClassesAreOnTheirWay_then_noneOfItsTasksStartsAndNoFileIsLeft(
      Vertx vertx, VertxTestContext ctx) throws Exception {
    // Given: a job writing files whose jar request the JobManager answers only after the job was cancelled
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("cancelled-early");
    JobGraph cancelled = graph(env -> env.generate(1_000, i -> i).map(i -> "line " + i).writeAsText(dir.resolve("out").toString()));
    List<io.vertx.core.eventbus.Message<Object>> jarRequests = new CopyOnWriteArrayList<>();
    Promise<Void> asked = Promise.promise();
    vertx.eventBus().consumer(Addresses.JOB_JARS, m -> {
      if (((ControlMessage.FetchJobJar) m.body()).jobId().equals(cancelled.jobId())) {
        jarRequests.add(m);
        asked.tryComplete();
      } else {
        m.fail(404, "no jar");
      }
    });

    fakeJobManager(vertx)
        .compose(v -> startTaskManager(vertx))
        .compose(id -> request(vertx, deployAll(cancelled)))
        .compose(ack -> asked.future())
        // When: it is cancelled, then the jar's answer (no jar) comes
        .compose(v -> request(vertx, new ControlMessage.CancelTasks(cancelled.jobId())))
        .compose(ack -> {
          jarRequests.forEach(m -> m.fail(404, "no jar"));
          // a second job on the same slots: once it finished, the first one's starts had their turn
          JobGraph next = graph(env -> env.generate(10, i -> i).collect("out"));
          return fakeClient(vertx, next)
              .compose(v -> request(vertx, deployAll(next)))
              .compose(a -> reported(vertx, TaskState.FINISHED, next.vertices().stream().mapToInt(JobVertex::parallelism).sum()));
        })
        // Then
        .onComplete(ctx.succeeding(v -> ctx.verify(() -> {
          assertEquals(List.of(), states.stream().filter(s -> s.jobId().equals(cancelled.jobId())).toList());
          try (var files = java.nio.file.Files.list(dir)) {
            assertEquals(List.of(), files.toList(), "no file of the cancelled job");
          }
          ctx.completeNow();
        })));
  }

  @Test
  void when_jobDeployedRunsAndCommits_then_everySubtaskReportsRunningThenFinishedAndRecordsArrive(
      Vertx vertx, VertxTestContext ctx) {
    // Given: a bounded pipeline over two slots, with a rebalance between its two vertices
    JobGraph graph = graph(env -> env.generate(1_000, i -> i).rebalance().map(i -> i * 2).name("double").collect("out"));
    int subtasks = graph.vertices().stream().mapToInt(JobVertex::parallelism).sum();

    fakeJobManager(vertx)
        .compose(v -> fakeClient(vertx, graph))
        .compose(v -> startTaskManager(vertx))
        // When
        .compose(id -> request(vertx, deployAll(graph)))
        .compose(ack -> reported(vertx, TaskState.FINISHED, subtasks))
        .compose(v -> request(vertx, new ControlMessage.CommitJob(graph.jobId())))
        // Then
        .onComplete(ctx.succeeding(commitAck -> ctx.verify(() -> {
          assertEquals(new ControlMessage.Ack("committed"), commitAck);
          assertEquals(subtasks, count(TaskState.RUNNING));
          assertEquals(subtasks, count(TaskState.FINISHED));
          for (var s : states) {
            if (s.state() == TaskState.FINISHED) {
              assertTrue(states.indexOf(s) > states.indexOf(running(s)), "RUNNING before FINISHED: " + states);
            }
          }
          assertEquals(LongStream.range(0, 1_000).map(i -> i * 2).boxed().toList(),
              collected.stream().map(o -> (Long) o).sorted().toList());
          ctx.completeNow();
        })));
  }

  private TaskStateChanged running(TaskStateChanged finished) {
    return states.stream()
        .filter(s -> s.state() == TaskState.RUNNING && s.vertexId() == finished.vertexId() && s.subtask() == finished.subtask())
        .findFirst()
        .orElseThrow();
  }

  @Test
  void when_operatorThrows_then_subtaskReportsFailedNamingTheOperatorAndCause(Vertx vertx, VertxTestContext ctx) {
    // Given
    JobGraph graph = graph(env -> env.generate(100, i -> i)
        .map(i -> {
          if (i == 51) {
            throw new IllegalStateException("bad record " + i);
          }
          return i;
        })
        .name("strict")
        .collect("out"));

    fakeJobManager(vertx)
        .compose(v -> fakeClient(vertx, graph))
        .compose(v -> startTaskManager(vertx))
        // When
        .compose(id -> request(vertx, deployAll(graph)))
        .compose(ack -> reported(vertx, TaskState.FAILED, 1))
        // Then
        .onComplete(ctx.succeeding(v -> ctx.verify(() -> {
          var failed = states.stream().filter(s -> s.state() == TaskState.FAILED).findFirst().orElseThrow();
          assertNotNull(failed.failure());
          assertEquals("strict", failed.failure().operator());
          assertEquals("java.lang.IllegalStateException", failed.failure().causeClass());
          assertEquals("bad record 51", failed.failure().causeMessage());
          assertTrue(failed.failure().stackTrace().contains("bad record 51"));
          assertEquals(1, failed.subtask(), "generator instance 1 emits the odd numbers");
          ctx.completeNow();
        })));
  }

  @Test
  void when_jobCancelled_then_runningSubtasksReportCancelled(Vertx vertx, VertxTestContext ctx) {
    // Given: an endless job
    JobGraph graph = graph(env -> env.fromSource(GeneratorSource.unbounded(i -> i), "endless").collect("out"));

    fakeJobManager(vertx)
        .compose(v -> fakeClient(vertx, graph))
        .compose(v -> startTaskManager(vertx))
        .compose(id -> request(vertx, deployAll(graph)))
        .compose(ack -> reported(vertx, TaskState.RUNNING, 2))
        // When
        .compose(v -> request(vertx, new ControlMessage.CancelTasks(graph.jobId())))
        .compose(ack -> reported(vertx, TaskState.CANCELED, 2))
        // Then
        .onComplete(ctx.succeeding(v -> ctx.verify(() -> {
          assertEquals(0, count(TaskState.FINISHED));
          assertEquals(0, count(TaskState.FAILED));
          ctx.completeNow();
        })));
  }

  /** Latches of {@link HeldFinishSink}s, by name. */
  private static final Map<String, CountDownLatch> FINISHING = new ConcurrentHashMap<>();
  private static final Map<String, CountDownLatch> RELEASE = new ConcurrentHashMap<>();
  private static final Map<String, CountDownLatch> CLOSED = new ConcurrentHashMap<>();

  /**
   * A sink whose finish holds its slot's event loop until the test releases it (at most 5 s), so
   * that the task finishes at a chosen moment; counts its close down in {@link #CLOSED}.
   */
  private record HeldFinishSink(String name) implements Sink<Long> {
    @Override
    public SinkWriter<Long> createWriter(SinkContext context) {
      return new SinkWriter<>() {
        @Override
        public void write(Long value, long timestamp) {}

        @Override
        public Future<Void> finish() {
          FINISHING.get(name).countDown();
          try {
            RELEASE.get(name).await(5, TimeUnit.SECONDS); // blocks the slot: a test of ordering only
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return Future.succeededFuture();
        }

        @Override
        public void close() {
          CLOSED.get(name).countDown();
        }
      };
    }
  }

  @Test
  void when_aSinkFinishesWhileTheJobIsCancelled_then_itIsClosedWithoutCommit(Vertx vertx, VertxTestContext ctx) {
    // Given: a bounded job whose sink is finishing (its slot busy) when the cancel arrives
    String name = "held-" + UUID.randomUUID();
    FINISHING.put(name, new CountDownLatch(1));
    RELEASE.put(name, new CountDownLatch(1));
    CLOSED.put(name, new CountDownLatch(1));
    JobGraph graph = graph(env -> env.setParallelism(1).fromElements(1L, 2L, 3L).sinkTo(new HeldFinishSink(name)));

    fakeJobManager(vertx)
        .compose(v -> fakeClient(vertx, graph))
        .compose(v -> startTaskManager(vertx))
        .compose(id -> request(vertx, deployAll(graph)))
        .compose(ack -> vertx.executeBlocking(() -> FINISHING.get(name).await(10, TimeUnit.SECONDS)))
        // When: the TaskManager handles the cancel, and only then the sink finishes
        .compose(finishing -> request(vertx, new ControlMessage.CancelTasks(graph.jobId())))
        .onSuccess(ack -> RELEASE.get(name).countDown())
        .compose(ack -> vertx.executeBlocking(() -> CLOSED.get(name).await(10, TimeUnit.SECONDS)))
        // Then: the task that finished after the cancel is closed, not left waiting for a commit
        .onComplete(ctx.succeeding(closed -> ctx.verify(() -> {
          assertTrue(closed, "the sink finished after the cancel was never closed");
          ctx.completeNow();
        })));
  }

  @Test
  void when_taskManagerStops_then_itsRunningSubtasksReportCancelled(Vertx vertx, VertxTestContext ctx) {
    // Given
    JobGraph graph = graph(env -> env.fromSource(GeneratorSource.unbounded(i -> i), "endless").collect("out"));

    fakeJobManager(vertx)
        .compose(v -> fakeClient(vertx, graph))
        .compose(v -> startTaskManager(vertx))
        .compose(deployment -> request(vertx, deployAll(graph))
            .compose(ack -> reported(vertx, TaskState.RUNNING, 2))
            // When
            .compose(v -> vertx.undeploy(deployment)))
        .compose(v -> reported(vertx, TaskState.CANCELED, 2))
        // Then: the JobManager hears about it (and fails the job) instead of waiting forever
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void when_noJobManagerYet_then_registrationRetriedUntilOneAnswers(Vertx vertx, VertxTestContext ctx) {
    // Given: the TaskManager starts first; its first registrations find no JobManager
    Future<String> started = startTaskManager(vertx);

    // When: a JobManager appears later
    vertx.setTimer(300, id -> fakeJobManager(vertx));

    // Then: the TaskManager's start completes once it registered
    started.onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void when_unexpectedMessage_then_failedReply(Vertx vertx, VertxTestContext ctx) {
    fakeJobManager(vertx)
        .compose(v -> startTaskManager(vertx))
        .compose(id -> request(vertx, new ControlMessage.CancelJob("x")))
        .onComplete(ctx.failing(e -> ctx.verify(() -> {
          assertEquals(400, assertInstanceOf(ReplyException.class, e).failureCode());
          assertEquals("unexpected message CancelJob", e.getMessage());
          ctx.completeNow();
        })));
  }

  @Test
  void when_networkConfigured_then_dataServerListensOnAFreePortAndAcceptsConnections(Vertx vertx, VertxTestContext ctx) {
    // Given
    var network = NetworkConfig.defaults("127.0.0.1", 0);
    var taskManager = new TaskManagerVerticle(new TaskManagerConfig(tmId, 1, network), new LocalChannelTransport());

    // When
    fakeJobManager(vertx)
        .compose(v -> vertx.deployVerticle(taskManager))
        .compose(id -> {
          // Then
          var address = taskManager.dataAddress();
          ctx.verify(() -> {
            assertEquals(tmId, address.taskManagerId());
            assertTrue(address.port() > 0, "bound port " + address.port());
          });
          return vertx.createNetClient().connect(address.port(), address.host());
        })
        .onComplete(ctx.succeedingThenComplete());
  }
}
