package io.vortex.taskmanager.task;

import io.vortex.api.OutputTag;
import io.vortex.api.internal.operators.Output;
import io.vortex.taskmanager.network.ChannelEvent;
import io.vortex.taskmanager.network.RecordWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The end of a task's chain: records go to the writers of the main output's edges, side-output
 * records to the writers of edges that carry that side output, and watermarks and idleness to
 * every writer.
 *
 * <p>Threading: confined to the owning task's thread.
 */
final class TaskOutput implements Output<Object> {
  private final RecordWriter[] main;
  private final RecordWriter[] all;
  private final Map<String, RecordWriter[]> sides = new HashMap<>();

  TaskOutput(List<RecordWriter> writers) {
    List<RecordWriter> mainList = new ArrayList<>();
    Map<String, List<RecordWriter>> sideLists = new HashMap<>();
    for (RecordWriter w : writers) {
      if (w.sideOutput() == null) {
        mainList.add(w);
      } else {
        sideLists.computeIfAbsent(w.sideOutput(), k -> new ArrayList<>()).add(w);
      }
    }
    main = mainList.toArray(new RecordWriter[0]);
    all = writers.toArray(new RecordWriter[0]);
    sideLists.forEach((tag, list) -> sides.put(tag, list.toArray(new RecordWriter[0])));
  }

  @Override
  public void collect(Object value, long timestamp) {
    try {
      for (RecordWriter w : main) {
        w.emit(value, timestamp);
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot partition a record: " + e, e);
    }
  }

  @Override
  public <X> void collect(OutputTag<X> tag, X value, long timestamp) {
    RecordWriter[] writers = sides.get(tag.id());
    if (writers == null) {
      return; // nobody reads this side output
    }
    try {
      for (RecordWriter w : writers) {
        w.emit(value, timestamp);
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot partition a record: " + e, e);
    }
  }

  /** Coalesced per step: the writers send the newest watermark once, after the step's records. */
  @Override
  public void emitWatermark(long watermark) {
    for (RecordWriter w : all) {
      w.emitWatermark(watermark);
    }
  }

  /** True when a writer found a channel full at its last send: stop taking input. */
  boolean isFull() {
    for (RecordWriter w : all) {
      if (w.isFull()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void emitIdle(boolean idle) {
    var event = new ChannelEvent.IdleStatus(idle);
    for (RecordWriter w : all) {
      w.broadcastEvent(event);
    }
  }
}
