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
 * records to the writers of edges that carry that side output of the operator that emitted it
 * (as in Flink, two chained operators with equal tags have separate side outputs), and
 * watermarks and idleness to every writer. Each operator emits through its own view, {@link
 * #of(int)}.
 *
 * <p>Threading: confined to the owning task's thread.
 */
final class TaskOutput {
  /**
   * A writer and what it carries: the main output ({@code sideOutput} null), or the side output
   * {@code sideOutput} of the chain's operator at position {@code operator}.
   */
  record Route(RecordWriter writer, int operator, String sideOutput) {
    static Route main(RecordWriter writer) {
      return new Route(writer, -1, null);
    }
  }

  private static final RecordWriter[] NONE = new RecordWriter[0];
  private final RecordWriter[] main;
  private final RecordWriter[] all;
  /** Side-output writers by operator position, then by tag id. */
  private final Map<Integer, Map<String, RecordWriter[]>> sides = new HashMap<>();

  TaskOutput(List<Route> routes) {
    List<RecordWriter> mainList = new ArrayList<>();
    List<RecordWriter> allList = new ArrayList<>();
    Map<Integer, Map<String, List<RecordWriter>>> sideLists = new HashMap<>();
    for (Route r : routes) {
      allList.add(r.writer());
      if (r.sideOutput() == null) {
        mainList.add(r.writer());
      } else {
        sideLists.computeIfAbsent(r.operator(), k -> new HashMap<>())
            .computeIfAbsent(r.sideOutput(), k -> new ArrayList<>()).add(r.writer());
      }
    }
    main = mainList.toArray(NONE);
    all = allList.toArray(NONE);
    sideLists.forEach((operator, byTag) -> {
      Map<String, RecordWriter[]> arrays = new HashMap<>();
      byTag.forEach((tag, list) -> arrays.put(tag, list.toArray(NONE)));
      sides.put(operator, arrays);
    });
  }

  /** Every writer carries the main output. */
  static TaskOutput mainOnly(List<RecordWriter> writers) {
    return new TaskOutput(writers.stream().map(Route::main).toList());
  }

  /** The output of the chain's operator at {@code operator}: its side outputs are its own. */
  Output<Object> of(int operator) {
    return new OperatorOutput(sides.getOrDefault(operator, Map.of()));
  }

  void collect(Object value, long timestamp) {
    emit(main, value, timestamp);
  }

  /** Coalesced per step: the writers send the newest watermark once, after the step's records. */
  void emitWatermark(long watermark) {
    for (RecordWriter w : all) {
      w.emitWatermark(watermark);
    }
  }

  void emitIdle(boolean idle) {
    var event = new ChannelEvent.IdleStatus(idle);
    for (RecordWriter w : all) {
      w.broadcastEvent(event);
    }
  }

  /** Makes every writer run {@code action} when a send leaves its channel without capacity. */
  void whenFull(Runnable action) {
    for (RecordWriter w : all) {
      w.whenFull(action);
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

  private static void emit(RecordWriter[] writers, Object value, long timestamp) {
    try {
      for (RecordWriter w : writers) {
        w.emit(value, timestamp);
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot partition a record: " + e, e);
    }
  }

  /** One operator's view. Threading: as the task output. */
  private final class OperatorOutput implements Output<Object> {
    private final Map<String, RecordWriter[]> sideWriters;

    OperatorOutput(Map<String, RecordWriter[]> sideWriters) {
      this.sideWriters = sideWriters;
    }

    @Override
    public void collect(Object value, long timestamp) {
      TaskOutput.this.collect(value, timestamp);
    }

    @Override
    public void emitWatermark(long watermark) {
      TaskOutput.this.emitWatermark(watermark);
    }

    @Override
    public void emitIdle(boolean idle) {
      TaskOutput.this.emitIdle(idle);
    }

    @Override
    public <X> void collect(OutputTag<X> tag, X value, long timestamp) {
      RecordWriter[] writers = sideWriters.get(tag.id());
      if (writers != null) { // else nobody reads this side output of this operator
        emit(writers, value, timestamp);
      }
    }
  }
}
