package io.vortex.api.internal.operators;

import io.vortex.api.function.RichFunction;
import io.vortex.api.function.RuntimeContext;
import io.vortex.api.state.KeyedStateStore;

/**
 * The one base class of operators: keeps the context and output, forwards watermarks and runs
 * the life cycle of a rich user function.
 *
 * <p>Threading: confined to the owning task's thread.
 */
public abstract class AbstractStreamOperator<OUT> implements StreamOperator<OUT> {
  protected OperatorContext context;
  protected Output<OUT> output;
  protected long currentWatermark = Long.MIN_VALUE;

  @Override
  public void open(OperatorContext context, Output<OUT> output) throws Exception {
    this.context = context;
    this.output = output;
    if (userFunction() instanceof RichFunction rich) {
      rich.open(runtimeContext());
    }
  }

  /** The user function whose life cycle this operator drives, or null. */
  protected Object userFunction() {
    return null;
  }

  @Override
  public void processWatermark(long watermark) throws Exception {
    currentWatermark = watermark;
    output.emitWatermark(watermark);
  }

  @Override
  public void close() throws Exception {
    if (userFunction() instanceof RichFunction rich) {
      rich.close();
    }
  }

  protected RuntimeContext runtimeContext() {
    return new RuntimeContext() {
      @Override
      public String operatorName() {
        return context.operatorName();
      }

      @Override
      public int subtaskIndex() {
        return context.subtaskIndex();
      }

      @Override
      public int parallelism() {
        return context.parallelism();
      }

      @Override
      public KeyedStateStore state() {
        var backend = context.stateBackend();
        if (backend == null) {
          throw new UnsupportedOperationException(
              "keyed state is only available on a keyed stream (use keyBy first): "
                  + context.operatorName());
        }
        return backend;
      }

      @Override
      public void addToCounter(String name, long delta) {
        context.addToCounter(name, delta);
      }
    };
  }
}
