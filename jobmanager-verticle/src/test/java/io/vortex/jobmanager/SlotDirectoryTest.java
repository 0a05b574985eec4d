package io.vortex.jobmanager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vortex.cluster.ControlMessage.DeployTasks;
import io.vortex.cluster.ControlMessage.RegisterTaskManager;
import io.vortex.cluster.DataAddress;
import io.vortex.cluster.TaskManagerDirectory;
import io.vortex.cluster.client.EventBusJobClient;
import io.vortex.jobmanager.scheduler.SlotLeases;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * TaskManagers in the cluster-wide directory and slots leased in the cluster-wide map (a local
 * map here; Hazelcast's in a cluster of processes, through the same Vert.x shared-data API).
 */
@ExtendWith(VertxExtension.class)
@Timeout(20)
class SlotDirectoryTest {

  private static Future<AsyncMap<String, String>> leases(Vertx vertx) {
    return vertx.sharedData().getAsyncMap(SlotLeases.MAP);
  }

  @Test
  void when_aTaskManagerJoinedBeforeTheJobManager_then_theJobManagerKnowsItFromTheDirectory(Vertx vertx, VertxTestContext ctx) {
    // Given: a TaskManager in the directory that never sends the JobManager its registration
    var tm1 = new FakeTaskManager(vertx, "tm1");
    var registration = new RegisterTaskManager("tm1", 2, "node-1", new DataAddress("tm1", "127.0.0.1", 40_000));
    tm1.start()
        .compose(v -> TaskManagerDirectory.publish(vertx, registration))
        .compose(v -> TaskManagerDirectory.all(vertx))
        .onComplete(ctx.succeeding(all -> ctx.verify(() -> assertEquals(List.of(registration), all))))
        // When
        .compose(v -> vertx.deployVerticle(new JobManagerVerticle()))
        .onComplete(ctx.succeeding(id -> {
          var job = EventBusJobClient.submit(vertx, Graphs.pipeline(2));
          // Then: its slots run the job, and the slots are leased to it
          vertx.setPeriodic(5, t -> {
            if (!tm1.received(DeployTasks.class).isEmpty()) {
              vertx.cancelTimer(t);
              leases(vertx).compose(AsyncMap::entries).onComplete(ctx.succeeding(held -> ctx.verify(() -> {
                assertEquals(Map.of("tm1/0", job.jobId(), "tm1/1", job.jobId()), held);
                ctx.completeNow();
              })));
            }
          });
        }));
  }

  @Test
  void when_aJobEnds_then_itsSlotLeasesAreGone(Vertx vertx, VertxTestContext ctx) {
    var tm1 = new FakeTaskManager(vertx, "tm1");
    vertx.deployVerticle(new JobManagerVerticle())
        .compose(id -> tm1.startAndRegister(2))
        .onComplete(ctx.succeeding(v -> {
          // Given
          var job = EventBusJobClient.submit(vertx, Graphs.pipeline(2));
          vertx.setPeriodic(5, t -> {
            if (!tm1.received(DeployTasks.class).isEmpty()) {
              vertx.cancelTimer(t);
              // When
              job.cancel();
              // Then
              vertx.setPeriodic(5, t2 -> leases(vertx).compose(AsyncMap::size).onSuccess(n -> {
                if (n == 0) {
                  vertx.cancelTimer(t2);
                  ctx.completeNow();
                }
              }));
            }
          });
        }));
  }

  @Test
  void when_aSlotIsLeasedToAJobOfAnotherJobManager_then_theJobFailsNamingItAndTakesNothing(Vertx vertx, VertxTestContext ctx) {
    // Given: slot 0 of tm1 leased by a job this JobManager does not know
    var tm1 = new FakeTaskManager(vertx, "tm1");
    leases(vertx).compose(m -> m.put("tm1/0", "foreign-job"))
        .compose(v -> vertx.deployVerticle(new JobManagerVerticle()))
        .compose(id -> tm1.startAndRegister(2))
        .onComplete(ctx.succeeding(v -> {
          // When
          var job = EventBusJobClient.submit(vertx, Graphs.pipeline(2));

          // Then
          job.result().onComplete(ctx.failing(e -> ctx.verify(() -> {
            assertTrue(e.getMessage().contains("tm1/0 by job foreign-job"), e.getMessage());
            assertTrue(tm1.received(DeployTasks.class).isEmpty());
            leases(vertx).compose(AsyncMap::entries).onComplete(ctx.succeeding(held -> ctx.verify(() -> {
              assertEquals(Map.of("tm1/0", "foreign-job"), held, "the foreign lease stays, ours is given back");
              ctx.completeNow();
            })));
          })));
        }));
  }
}
