package io.vortex.api.internal.operators;

import io.vortex.api.internal.TimeMath;
import io.vortex.api.time.TimestampAssigner;
import io.vortex.api.time.WatermarkGenerator;
import io.vortex.api.time.WatermarkStrategy;

/**
 * Assigns event timestamps and generates watermarks for one stream instance. A watermark is
 * emitted as soon as it advances, in line with the records, so which records are late does not
 * depend on wall-clock timing. Upstream watermarks are replaced, except the final one. With an
 * idle timeout, a processing-time tick marks the output idle while no records arrive.
 *
 * <p>Threading: confined to the owning task's thread.
 */
public final class TimestampsAndWatermarksOperator<T> extends AbstractStreamOperator<T>
    implements OneInputOperator<T, T> {
  private final WatermarkStrategy<T> strategy;
  private TimestampAssigner<T> assigner;
  private WatermarkGenerator generator;
  private long emitted = Long.MIN_VALUE;
  private long lastRecordMillis;
  private boolean idle;

  public TimestampsAndWatermarksOperator(WatermarkStrategy<T> strategy) {
    this.strategy = strategy;
  }

  @Override
  public void open(OperatorContext context, Output<T> output) throws Exception {
    super.open(context, output);
    assigner = strategy.timestampAssigner();
    generator = strategy.createGenerator();
    lastRecordMillis = context.processingTime().currentTimeMillis();
    scheduleIdleCheck();
  }

  @Override
  public void processElement(T value, long timestamp) throws Exception {
    long ts = assigner == null ? timestamp : assigner.extractTimestamp(value, timestamp);
    if (idle) {
      idle = false;
      output.emitIdle(false);
    }
    if (strategy.idleTimeoutMillis() > 0) {
      lastRecordMillis = context.processingTime().currentTimeMillis();
    }
    output.collect(value, ts);
    long watermark = generator.onEvent(ts);
    if (watermark > emitted) {
      emitted = watermark;
      output.emitWatermark(watermark);
    }
  }

  @Override
  public void processWatermark(long watermark) throws Exception {
    if (watermark == Long.MAX_VALUE) {
      emitted = watermark;
      super.processWatermark(watermark);
    }
  }

  @Override
  public void onProcessingTime(long now) {
    long timeout = strategy.idleTimeoutMillis();
    if (timeout <= 0 || emitted == Long.MAX_VALUE) {
      return;
    }
    if (!idle && now - lastRecordMillis >= timeout) {
      idle = true;
      output.emitIdle(true);
    }
    scheduleIdleCheck();
  }

  private void scheduleIdleCheck() {
    long timeout = strategy.idleTimeoutMillis();
    if (timeout > 0) {
      long base = idle ? context.processingTime().currentTimeMillis() : lastRecordMillis;
      context.processingTime().requestTick(TimeMath.add(base, timeout));
    }
  }
}
