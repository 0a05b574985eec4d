package io.vortex.cluster;

import java.util.Objects;

/**
 * Where a TaskManager's data server listens: other TaskManagers open their one connection to it
 * there. Published in Hazelcast with the TaskManager's slots and carried in deploy messages.
 */
public record DataAddress(String taskManagerId, String host, int port) {
  public DataAddress {
    Objects.requireNonNull(taskManagerId, "taskManagerId");
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("not a port: " + port);
    }
  }
}
