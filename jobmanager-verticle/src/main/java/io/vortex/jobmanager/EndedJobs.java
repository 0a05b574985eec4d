package io.vortex.jobmanager;

import io.vortex.cluster.ControlMessage.JobInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last few ended jobs, so a client can still list and describe a job after it ended.
 *
 * <p>Threading: confined to the JobManager's event loop.
 */
final class EndedJobs {
  private final Map<String, JobInfo> byId;

  EndedJobs(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.byId = new LinkedHashMap<>() {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, JobInfo> eldest) {
        return size() > capacity;
      }
    };
  }

  void add(JobInfo info) {
    byId.remove(info.jobId());
    byId.put(info.jobId(), info);
  }

  JobInfo get(String jobId) {
    return byId.get(jobId);
  }

  List<JobInfo> newestFirst() {
    List<JobInfo> all = new ArrayList<>(byId.values());
    Collections.reverse(all);
    return all;
  }
}
