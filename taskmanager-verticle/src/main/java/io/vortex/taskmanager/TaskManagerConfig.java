package io.vortex.taskmanager;

import io.vortex.taskmanager.network.tcp.NetworkConfig;
import java.util.Objects;

/**
 * A TaskManager's settings: its id, how many slots it offers (default: the cores), the cluster
 * member it runs on (null in the mini-cluster), announced with its slots, and its data plane
 * ({@code network}: the data server's host, port and network memory; null in the mini-cluster,
 * whose channels are all local).
 */
public record TaskManagerConfig(String id, int slots, String nodeId, NetworkConfig network) {
  public TaskManagerConfig {
    Objects.requireNonNull(id, "id");
    if (slots < 1) {
      throw new IllegalArgumentException("a TaskManager needs at least one slot, was " + slots);
    }
  }

  public TaskManagerConfig(String id, int slots) {
    this(id, slots, (String) null, null);
  }

  public TaskManagerConfig(String id, int slots, String nodeId) {
    this(id, slots, nodeId, null);
  }

  public TaskManagerConfig(String id, int slots, NetworkConfig network) {
    this(id, slots, null, network);
  }

  public static TaskManagerConfig withDefaults(String id) {
    return new TaskManagerConfig(id, Runtime.getRuntime().availableProcessors());
  }
}
