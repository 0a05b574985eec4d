package io.vortex.bench.vortex;

import io.vortex.api.RuntimeMode;
import io.vortex.api.StreamEnvironment;
import io.vortex.api.source.GeneratorSource;
import io.vortex.api.sink.SinkContext;
import io.vortex.bench.Params;
import io.vortex.bench.check.Totals;
import io.vortex.bench.check.W3Checksum;
import io.vortex.bench.gen.W3Records;

/**
 * W3 on Vortex, STREAMING (pipelined): {@code source -> map -> keyBy(key) -> filter -> sink}.
 * Every record crosses the keyed exchange.
 */
final class W3Vortex extends VortexWorkload {

  @Override
  String define(StreamEnvironment env, Params p, String runId) {
    env.setRuntimeMode(RuntimeMode.STREAMING);
    env.fromSource(GeneratorSource.of(p.records(), new Records(runId)), "records")
        .map(r -> new KeyValue(r.key(), W3Records.map(r.key(), r.value())))
        .keyBy(KeyValue::key)
        .filter(r -> W3Records.keep(r.value()))
        .sinkTo(new KeptSink(runId))
        .name("checksum");
    return "streaming";
  }

  /** Record i of WORKLOADS.md (after the map, {@code value} is value'). */
  public record KeyValue(long key, long value) {
  }

  static final class Records extends TimedGenerator<KeyValue> {
    private static final long serialVersionUID = 1L;

    Records(String runId) {
      super(runId);
    }

    @Override
    KeyValue make(long i, long scheduledNanos) {
      return new KeyValue(W3Records.key(i), W3Records.value(i));
    }
  }

  static final class KeptSink extends ChecksumSink<KeyValue> {
    private static final long serialVersionUID = 1L;

    KeptSink(String runId) {
      super(runId);
    }

    @Override
    ChecksumWriter<KeyValue> createWriter(RunReporter run, SinkContext context) {
      return new ChecksumWriter<>(run, context) {
        private final W3Checksum checksum = new W3Checksum();

        @Override
        public void write(KeyValue r, long timestamp) {
          checksum.add(r.value());
        }

        @Override
        Totals totals() {
          return checksum.totals();
        }
      };
    }
  }
}
