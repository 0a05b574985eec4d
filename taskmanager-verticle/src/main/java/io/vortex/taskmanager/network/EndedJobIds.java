package io.vortex.taskmanager.network;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The ids of the jobs that ended here most recently, so late messages and frames for them are
 * recognised and dropped; only the newest {@code capacity} are kept, so a long-lived TaskManager
 * running many jobs does not grow without bound (a message later than a thousand jobs is not
 * expected: the JobManager ends a job only after its tasks reported).
 *
 * <p>Threading: thread-safe.
 */
public final class EndedJobIds {
  /** Ended jobs remembered by default. */
  public static final int DEFAULT_CAPACITY = 1_000;

  private final Set<String> ids;

  public EndedJobIds() {
    this(DEFAULT_CAPACITY);
  }

  public EndedJobIds(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    ids = Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>() {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
        return size() > capacity;
      }
    }));
  }

  public void add(String jobId) {
    ids.add(jobId);
  }

  public boolean contains(String jobId) {
    return ids.contains(jobId);
  }

  public int size() {
    return ids.size();
  }
}
