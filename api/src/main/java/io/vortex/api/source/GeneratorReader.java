package io.vortex.api.source;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@link GeneratorSource.StridedSplit}s one after the other.
 *
 * <p>Threading: confined to the owning task's thread.
 */
final class GeneratorReader<T> implements SourceReader<T> {
  private final Generator<T> generator;
  private final long count;
  private final double rate;
  private final ArrayDeque<GeneratorSource.StridedSplit> pending = new ArrayDeque<>();
  private GeneratorSource.StridedSplit current;
  private long next;
  private long emitted;
  private long startNanos;
  private long waitNanos;

  GeneratorReader(Generator<T> generator, long count, double recordsPerSecond) {
    this.generator = generator;
    this.count = count;
    this.rate = recordsPerSecond;
  }

  @Override
  public void addSplits(List<SourceSplit> splits) {
    for (SourceSplit split : splits) {
      pending.add((GeneratorSource.StridedSplit) split);
    }
  }

  @Override
  public ReadStatus poll(SourceOutput<T> output, int maxRecords) throws Exception {
    if (current == null && !advanceSplit()) {
      return ReadStatus.END_OF_INPUT;
    }
    int stride = current.stride();
    long limit = count;
    if (rate <= 0) {
      long now = System.nanoTime();
      for (int n = 0; n < maxRecords; n++) {
        if (next >= limit || next < 0) {
          current = null;
          return pending.isEmpty() ? ReadStatus.END_OF_INPUT : ReadStatus.MORE_AVAILABLE;
        }
        if (output.isFull()) {
          return ReadStatus.MORE_AVAILABLE; // make no record that would have to wait
        }
        output.collect(generator.generate(next, now));
        next += stride;
        emitted++;
      }
      return ReadStatus.MORE_AVAILABLE;
    }
    double periodNanos = stride * 1e9 / rate;
    long now = System.nanoTime();
    for (int n = 0; n < maxRecords; n++) {
      if (next >= limit || next < 0) {
        current = null;
        return pending.isEmpty() ? ReadStatus.END_OF_INPUT : ReadStatus.MORE_AVAILABLE;
      }
      if (output.isFull()) {
        return ReadStatus.MORE_AVAILABLE;
      }
      long due = startNanos + (long) (emitted * periodNanos);
      if (due > now) {
        now = System.nanoTime();
        if (due > now) {
          waitNanos = due - now;
          return n > 0 ? ReadStatus.MORE_AVAILABLE : ReadStatus.NOTHING_AVAILABLE;
        }
      }
      output.collect(generator.generate(next, due));
      next += stride;
      emitted++;
    }
    return ReadStatus.MORE_AVAILABLE;
  }

  private boolean advanceSplit() {
    current = pending.poll();
    if (current == null) {
      return false;
    }
    next = current.next();
    emitted = current.emitted();
    startNanos = System.nanoTime();
    return true;
  }

  @Override
  public long nanosUntilAvailable() {
    return rate > 0 ? waitNanos : -1; // unpaced: never waits for time
  }

  @Override
  public List<SourceSplit> snapshotState() {
    List<SourceSplit> state = new ArrayList<>();
    if (current != null) {
      state.add(new GeneratorSource.StridedSplit(current.id(), current.stride(), next, emitted));
    }
    state.addAll(pending);
    return state;
  }
}
