package io.vortex.api.internal.operators;

import io.vortex.api.function.IterableFlatMapFunction;
import java.util.Iterator;

/**
 * Applies an {@link IterableFlatMapFunction}: the records of one input are pulled from its
 * iterator one per piece of a {@link Burst}, so they go out only while downstream has room and a
 * task step emits a bounded number of them, however many there are. Every output keeps the
 * input's timestamp.
 *
 * <p>Threading: confined to the owning task's thread.
 */
public final class IterableFlatMapOperator<IN, OUT> extends AbstractStreamOperator<OUT>
    implements OneInputOperator<IN, OUT> {
  private final IterableFlatMapFunction<IN, OUT> function;

  public IterableFlatMapOperator(IterableFlatMapFunction<IN, OUT> function) {
    this.function = function;
  }

  @Override
  protected Object userFunction() {
    return function;
  }

  @Override
  public void processElement(IN value, long timestamp) throws Exception {
    Iterable<? extends OUT> records = function.flatMap(value);
    if (records == null) {
      return;
    }
    Iterator<? extends OUT> iterator = records.iterator();
    if (iterator.hasNext()) { // an empty result allocates no burst
      output.emitBurst(new Pull<>(iterator, timestamp, output));
    }
  }

  /** One input's records, one per piece. Threading: as the operator. */
  private record Pull<OUT>(Iterator<? extends OUT> iterator, long timestamp, Output<OUT> output)
      implements Burst {
    @Override
    public boolean emitNext() {
      if (!iterator.hasNext()) {
        return false;
      }
      output.collect(iterator.next(), timestamp);
      return iterator.hasNext();
    }
  }
}
