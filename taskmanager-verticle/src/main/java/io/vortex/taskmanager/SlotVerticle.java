package io.vortex.taskmanager;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vortex.taskmanager.task.SlotRunner;

/** Gives a slot its own event-loop context, on which its {@link SlotRunner} runs its tasks. */
final class SlotVerticle extends VerticleBase {
  private SlotRunner runner;

  @Override
  public Future<?> start() {
    runner = new SlotRunner(context);
    return Future.succeededFuture();
  }

  SlotRunner runner() {
    return runner;
  }
}
