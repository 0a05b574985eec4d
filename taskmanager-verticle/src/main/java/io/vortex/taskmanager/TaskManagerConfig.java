package io.vortex.taskmanager;

import java.util.Objects;

/**
 * A TaskManager's settings: its id, how many slots it offers (default: the cores), and the
 * cluster member it runs on (null in the mini-cluster), announced with its slots.
 */
public record TaskManagerConfig(String id, int slots, String nodeId) {
  public TaskManagerConfig {
    Objects.requireNonNull(id, "id");
    if (slots < 1) {
      throw new IllegalArgumentException("a TaskManager needs at least one slot, was " + slots);
    }
  }

  public TaskManagerConfig(String id, int slots) {
    this(id, slots, null);
  }

  public static TaskManagerConfig withDefaults(String id) {
    return new TaskManagerConfig(id, Runtime.getRuntime().availableProcessors());
  }
}
