package io.vortex.launcher;

import io.vortex.api.source.ReadStatus;
import io.vortex.api.source.Source;
import io.vortex.api.source.SourceOutput;
import io.vortex.api.source.SourceReader;
import io.vortex.api.source.SourceReaderContext;
import io.vortex.api.source.SourceSplit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Sources for tests. */
final class TestSources {
  private TestSources() {}

  /**
   * An unbounded source whose instance {@code i} emits the elements of {@code perInstance[i]}
   * (each with its timestamp, when given as a {@link Timestamped}; a {@link Pause} delays the
   * rest) and then stays quiet for ever without ending, like a Kafka partition nobody writes to.
   */
  static <T> Source<T> quiet(List<? extends List<?>> perInstance) {
    ArrayList<ArrayList<Object>> copy = new ArrayList<>();
    perInstance.forEach(l -> copy.add(new ArrayList<>(l)));
    return new Quiet<>(copy);
  }

  /** An element with an event timestamp set by the source. */
  record Timestamped<T>(T value, long timestamp) implements java.io.Serializable {}

  /** Not an element: the elements after it come {@code millis} after the reader's first poll. */
  record Pause(long millis) implements java.io.Serializable {}

  /**
   * Not an element: the elements after it come once {@link #open} was called with {@code name}
   * (anywhere in this JVM), so a test can order events across instances without timing.
   */
  record Gate(String name) implements java.io.Serializable {}

  private static final Set<String> OPEN_GATES = ConcurrentHashMap.newKeySet();

  /** Lets every reader waiting at {@link Gate} {@code name} go on. */
  static void open(String name) {
    OPEN_GATES.add(name);
  }

  private record ElementsSplit(int index, ArrayList<Object> elements) implements SourceSplit {
    @Override
    public String splitId() {
      return "elements-" + index;
    }
  }

  private record Quiet<T>(ArrayList<ArrayList<Object>> perInstance) implements Source<T> {
    @Override
    public boolean isBounded() {
      return false;
    }

    @Override
    public List<SourceSplit> createSplits(int parallelism) {
      List<SourceSplit> splits = new ArrayList<>();
      for (int i = 0; i < parallelism; i++) {
        splits.add(new ElementsSplit(i, i < perInstance.size() ? perInstance.get(i) : new ArrayList<>()));
      }
      return splits;
    }

    @Override
    public SourceReader<T> createReader(SourceReaderContext context) {
      return new QuietReader<>();
    }
  }

  /** Threading: confined to the owning task's thread. */
  private static final class QuietReader<T> implements SourceReader<T> {
    private final ArrayDeque<Object> pending = new ArrayDeque<>();
    private long startNanos = -1;
    private long waitNanos = -1;

    @Override
    @SuppressWarnings("unchecked")
    public void addSplits(List<SourceSplit> splits) {
      for (SourceSplit s : splits) {
        pending.addAll(((ElementsSplit) s).elements());
      }
    }

    @Override
    @SuppressWarnings("unchecked")
    public ReadStatus poll(SourceOutput<T> output, int maxRecords) {
      if (startNanos < 0) {
        startNanos = System.nanoTime();
      }
      waitNanos = -1;
      if (pending.isEmpty()) {
        return ReadStatus.NOTHING_AVAILABLE; // and never a wakeup: quiet for ever
      }
      for (int n = 0; n < maxRecords && !pending.isEmpty(); n++) {
        if (pending.peek() instanceof Pause p) {
          long due = startNanos + p.millis() * 1_000_000L;
          if (System.nanoTime() < due) {
            waitNanos = due - System.nanoTime();
            return n > 0 ? ReadStatus.MORE_AVAILABLE : ReadStatus.NOTHING_AVAILABLE;
          }
          pending.poll();
          continue;
        }
        if (pending.peek() instanceof Gate g) {
          if (!OPEN_GATES.contains(g.name())) {
            waitNanos = 1_000_000L; // look again soon: the gate is opened by another thread
            return n > 0 ? ReadStatus.MORE_AVAILABLE : ReadStatus.NOTHING_AVAILABLE;
          }
          pending.poll();
          continue;
        }
        Object next = pending.poll();
        if (next instanceof Timestamped<?> t) {
          output.collect((T) t.value(), t.timestamp());
        } else {
          output.collect((T) next);
        }
      }
      return ReadStatus.MORE_AVAILABLE;
    }

    @Override
    public long nanosUntilAvailable() {
      return waitNanos;
    }

    @Override
    public List<SourceSplit> snapshotState() {
      return List.of();
    }
  }

  /** A bounded source of {@code 0 .. count-1} that throws when it reaches {@code failAt}. */
  record FailingAt(long count, long failAt) implements Source<Long> {
    @Override
    public boolean isBounded() {
      return true;
    }

    @Override
    public List<SourceSplit> createSplits(int parallelism) {
      return List.of(new ElementsSplit(0, new ArrayList<>()));
    }

    @Override
    public SourceReader<Long> createReader(SourceReaderContext context) {
      long count = this.count;
      long failAt = this.failAt;
      return new SourceReader<>() {
        private long next;
        private boolean active;

        @Override
        public void addSplits(List<SourceSplit> splits) {
          active = !splits.isEmpty(); // one instance reads; the others end at once
        }

        @Override
        public ReadStatus poll(SourceOutput<Long> output, int maxRecords) throws Exception {
          if (!active) {
            return ReadStatus.END_OF_INPUT;
          }
          for (int n = 0; n < maxRecords; n++) {
            if (next == failAt) {
              throw new java.io.UncheckedIOException(new java.io.IOException("connection reset at " + next));
            }
            if (next == count) {
              return ReadStatus.END_OF_INPUT;
            }
            output.collect(next++);
          }
          return ReadStatus.MORE_AVAILABLE;
        }

        @Override
        public List<SourceSplit> snapshotState() {
          return List.of();
        }
      };
    }
  }
}
