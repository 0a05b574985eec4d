package io.vortex.api.internal.operators;

import io.vortex.api.OutputTag;
import io.vortex.api.function.ProcessWindowFunction;
import io.vortex.api.window.Window;

/**
 * The {@link ProcessWindowFunction.Context} a window operator hands its process function: the
 * window being fired (or dropped), the operator's clocks, and side outputs stamped with the
 * window's max timestamp. One per operator, reused for every call.
 *
 * <p>Threading: confined to the owning task's thread.
 */
final class WindowFunctionContext {
  /** What the context reads from its operator at each call. */
  interface Source {
    /** The window being fired or dropped. */
    Window firing();

    long currentWatermark();
  }

  private WindowFunctionContext() {}

  static <OUT> ProcessWindowFunction<Object, OUT, Object, Window>.Context of(
      ProcessWindowFunction<Object, OUT, Object, Window> function, OperatorContext context,
      Output<OUT> output, Source source) {
    return function.new Context() {
      @Override
      public Window window() {
        return source.firing();
      }

      @Override
      public long currentProcessingTime() {
        return context.processingTime().currentTimeMillis();
      }

      @Override
      public long currentWatermark() {
        return source.currentWatermark();
      }

      @Override
      public <X> void output(OutputTag<X> tag, X value) {
        output.collect(tag, value, source.firing().maxTimestamp());
      }
    };
  }
}
