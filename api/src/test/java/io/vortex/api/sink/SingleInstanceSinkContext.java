package io.vortex.api.sink;

import io.vertx.core.Vertx;

/**
 * A sink's view of instance 0 of 1 of a named operator on a given Vert.x, for sink tests; each
 * test says what waking the task and sending to the client do.
 */
abstract class SingleInstanceSinkContext implements SinkContext {
  private final String operatorName;
  private final Vertx vertx;

  SingleInstanceSinkContext(String operatorName, Vertx vertx) {
    this.operatorName = operatorName;
    this.vertx = vertx;
  }

  @Override
  public String operatorName() {
    return operatorName;
  }

  @Override
  public int subtaskIndex() {
    return 0;
  }

  @Override
  public int parallelism() {
    return 1;
  }

  @Override
  public Vertx vertx() {
    return vertx;
  }
}
