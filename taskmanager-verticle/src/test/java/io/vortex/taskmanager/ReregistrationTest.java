package io.vortex.taskmanager;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vortex.cluster.Addresses;
import io.vortex.cluster.ControlMessage;
import io.vortex.cluster.JsonMessageCodec;
import io.vortex.cluster.TaskManagerDirectory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** A TaskManager the JobManager forgot registers again; one it knows does not. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ReregistrationTest {
  private final ControlMessage.RegisterTaskManager registration = new ControlMessage.RegisterTaskManager("tm-r", 3, "node-r");

  @Test
  void when_theJobManagerSaysItDoesNotKnowTheTaskManager_then_itIsBackInTheDirectoryAndRegistersAgain(
      Vertx vertx, VertxTestContext ctx) {
    // Given: a JobManager that dropped tm-r (and its directory entry), then knows it once it registers
    JsonMessageCodec.registerAll(vertx.eventBus());
    var known = new AtomicBoolean();
    List<ControlMessage> received = new CopyOnWriteArrayList<>();
    vertx.eventBus().<ControlMessage>consumer(Addresses.JOB_MANAGER, m -> {
      received.add(m.body());
      if (m.body() instanceof ControlMessage.RegisterTaskManager) {
        known.set(true);
        m.reply(new ControlMessage.Ack("registered"));
      } else if (known.get()) {
        m.reply(new ControlMessage.Ack("known"));
        if (received.size() == 4) { // a beat after the registration: known, so nothing more happens
          ctx.verify(() -> {
            assertEquals(new ControlMessage.TaskManagerHeartbeat("tm-r"), received.get(0));
            assertEquals(registration, received.get(1));
            assertEquals(List.of(registration), received.stream().filter(r -> r instanceof ControlMessage.RegisterTaskManager).toList());
          });
          TaskManagerDirectory.all(vertx).onComplete(ctx.succeeding(all -> ctx.verify(() -> {
            assertEquals(List.of(registration), all);
            ctx.completeNow();
          })));
        }
      } else {
        m.fail(ControlMessage.UNKNOWN_TASK_MANAGER, "unknown TaskManager");
      }
    }).completion().onComplete(ctx.succeeding(v -> {
      // When
      vertx.runOnContext(x -> new Reregistration(vertx, registration, Duration.ofMillis(20)).start());
    }));
  }
}
