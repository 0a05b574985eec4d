package io.vortex.jobmanager.scheduler;

import io.vortex.cluster.DataAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The slots TaskManagers offer, and which job holds each. A job takes one slot per parallel
 * instance of its widest vertex (slot sharing: slot i runs subtask i of every vertex), spread
 * round robin over TaskManagers.
 *
 * <p>Threading: confined to the JobManager's event loop.
 */
public final class SlotPool {
  /** Slot {@code slot} of TaskManager {@code taskManagerId}. */
  public record SlotRef(String taskManagerId, int slot) {}

  private final Map<String, Integer> taskManagers = new LinkedHashMap<>();
  private final Map<SlotRef, String> holders = new HashMap<>();
  /** The cluster member each TaskManager runs on (absent in the mini-cluster). */
  private final Map<String, String> nodes = new HashMap<>();
  /** Where each TaskManager's data server listens (absent in the mini-cluster). */
  private final Map<String, DataAddress> dataAddresses = new HashMap<>();

  public void register(String taskManagerId, int slots) {
    register(taskManagerId, slots, null, null);
  }

  /**
   * Registers a TaskManager's slots; {@code nodeId} (nullable) is the cluster member it runs on,
   * {@code dataAddress} (nullable) where its data server listens. A repeated registration (a
   * TaskManager registering again after the JobManager dropped or forgot it) replaces the
   * first: its slots count once, and the jobs holding them keep them.
   */
  public void register(String taskManagerId, int slots, String nodeId, DataAddress dataAddress) {
    taskManagers.put(taskManagerId, slots);
    if (nodeId != null) {
      nodes.put(taskManagerId, nodeId);
    }
    if (dataAddress != null) {
      dataAddresses.put(taskManagerId, dataAddress);
    } else {
      dataAddresses.remove(taskManagerId);
    }
  }

  /** Whether the TaskManager's slots are registered (it registered and was not dropped since). */
  public boolean isRegistered(String taskManagerId) {
    return taskManagers.containsKey(taskManagerId);
  }

  /** Where the TaskManager's data server listens; null when it has none (the mini-cluster). */
  public DataAddress dataAddress(String taskManagerId) {
    return dataAddresses.get(taskManagerId);
  }

  /**
   * Cluster member {@code nodeId} left: its TaskManagers' slots disappear, held ones included.
   * Returns the TaskManagers removed, each with the jobs that held its slots.
   */
  public Map<String, List<String>> removeNode(String nodeId) {
    Map<String, List<String>> removed = new LinkedHashMap<>();
    for (String tm : List.copyOf(taskManagers.keySet())) {
      if (nodeId.equals(nodes.get(tm))) {
        taskManagers.remove(tm);
        nodes.remove(tm);
        dataAddresses.remove(tm);
        List<String> jobs = new ArrayList<>();
        holders.entrySet().removeIf(e -> {
          boolean lost = e.getKey().taskManagerId().equals(tm);
          if (lost && !jobs.contains(e.getValue())) {
            jobs.add(e.getValue());
          }
          return lost;
        });
        removed.put(tm, jobs);
      }
    }
    return removed;
  }

  public int totalSlots() {
    return taskManagers.values().stream().mapToInt(Integer::intValue).sum();
  }

  public int freeSlots() {
    return totalSlots() - holders.size();
  }

  public int taskManagerCount() {
    return taskManagers.size();
  }

  /** Takes {@code count} free slots for {@code jobId}; throws when there are not enough free now. */
  public List<SlotRef> allocate(String jobId, int count) {
    if (count < 1) {
      throw new IllegalArgumentException("a job takes at least one slot, asked for " + count);
    }
    List<SlotRef> free = freeSlotsRoundRobin();
    if (free.size() < count) {
      throw new IllegalStateException(
          "the job needs " + count + " slots but only " + free.size() + " of " + totalSlots()
              + " are free now (other jobs hold the rest)");
    }
    List<SlotRef> taken = new ArrayList<>(free.subList(0, count));
    taken.forEach(slot -> holders.put(slot, jobId));
    return taken;
  }

  public void release(String jobId) {
    holders.values().removeIf(jobId::equals);
  }

  /** Free slots ordered TM0 slot0, TM1 slot0, ..., TM0 slot1, ...: jobs spread over TaskManagers. */
  private List<SlotRef> freeSlotsRoundRobin() {
    List<SlotRef> free = new ArrayList<>();
    int maxSlots = taskManagers.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    for (int s = 0; s < maxSlots; s++) {
      for (var tm : taskManagers.entrySet()) {
        SlotRef ref = new SlotRef(tm.getKey(), s);
        if (s < tm.getValue() && !holders.containsKey(ref)) {
          free.add(ref);
        }
      }
    }
    return free;
  }
}
