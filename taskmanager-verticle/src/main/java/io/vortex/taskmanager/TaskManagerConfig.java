package io.vortex.taskmanager;

import java.util.Objects;

/** A TaskManager's settings: its id and how many slots it offers (default: the cores). */
public record TaskManagerConfig(String id, int slots) {
  public TaskManagerConfig {
    Objects.requireNonNull(id, "id");
    if (slots < 1) {
      throw new IllegalArgumentException("a TaskManager needs at least one slot, was " + slots);
    }
  }

  public static TaskManagerConfig withDefaults(String id) {
    return new TaskManagerConfig(id, Runtime.getRuntime().availableProcessors());
  }
}
