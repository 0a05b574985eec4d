package io.vortex.api.internal.operators;

import io.vortex.api.OutputTag;
import io.vortex.api.function.ProcessFunction;
import io.vortex.api.time.TimerService;

/**
 * Runs a {@link ProcessFunction} on a non-keyed stream. Timers are not available here.
 *
 * <p>Threading: confined to the owning task's thread.
 */
public final class ProcessOperator<IN, OUT> extends AbstractStreamOperator<OUT>
    implements OneInputOperator<IN, OUT> {
  private final ProcessFunction<IN, OUT> function;
  private TimestampedCollector<OUT> collector;
  private long timestamp;
  private final ProcessFunction.Context ctx =
      new ProcessFunction.Context() {
        @Override
        public long timestamp() {
          return timestamp;
        }

        @Override
        public TimerService timerService() {
          throw new UnsupportedOperationException(
              "timers need a keyed stream: use keyBy(...).process(KeyedProcessFunction)");
        }

        @Override
        public <X> void output(OutputTag<X> tag, X value) {
          output.collect(tag, value, timestamp);
        }
      };

  public ProcessOperator(ProcessFunction<IN, OUT> function) {
    this.function = function;
  }

  @Override
  protected Object userFunction() {
    return function;
  }

  @Override
  public void open(OperatorContext context, Output<OUT> output) throws Exception {
    collector = new TimestampedCollector<>(output);
    super.open(context, output);
  }

  @Override
  public void processElement(IN value, long timestamp) throws Exception {
    this.timestamp = timestamp;
    collector.setTimestamp(timestamp);
    function.processElement(value, ctx, collector);
  }
}
