package io.vortex.cluster.client;

import io.vertx.grpc.common.GrpcStatus;
import io.vortex.api.client.VortexException;

/** A call to the JobManager's gRPC service failed with {@link #status}; the message says why. */
public final class RemoteCallException extends VortexException {
  private final GrpcStatus status;

  public RemoteCallException(GrpcStatus status, String message) {
    super(message);
    this.status = status;
  }

  public GrpcStatus status() {
    return status;
  }
}
