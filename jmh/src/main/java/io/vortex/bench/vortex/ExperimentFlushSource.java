package io.vortex.bench.vortex;

import io.vortex.api.source.GeneratorSource;
import io.vortex.api.source.ReadStatus;
import io.vortex.api.source.Source;
import io.vortex.api.source.SourceOutput;
import io.vortex.api.source.SourceReader;
import io.vortex.api.source.SourceReaderContext;
import io.vortex.api.source.SourceSplit;
import java.util.List;

/** TEMPORARY experiment: GeneratorSource whose reader reports NOTHING_AVAILABLE when it stopped early. */
final class ExperimentFlushSource<T> implements Source<T> {
  private static final long serialVersionUID = 1L;
  private final GeneratorSource<T> delegate;

  ExperimentFlushSource(GeneratorSource<T> delegate) {
    this.delegate = delegate;
  }

  @Override
  public boolean isBounded() {
    return delegate.isBounded();
  }

  @Override
  public List<SourceSplit> createSplits(int parallelism) {
    return delegate.createSplits(parallelism);
  }

  @Override
  public SourceReader<T> createReader(SourceReaderContext context) {
    SourceReader<T> r = delegate.createReader(context);
    return new SourceReader<T>() {
      int n;

      @Override
      public void addSplits(List<SourceSplit> splits) throws Exception {
        r.addSplits(splits);
      }

      @Override
      public ReadStatus poll(SourceOutput<T> output, int maxRecords) throws Exception {
        n = 0;
        ReadStatus s = r.poll(new SourceOutput<T>() {
          @Override
          public void collect(T record) {
            n++;
            output.collect(record);
          }

          @Override
          public void collect(T record, long timestamp) {
            n++;
            output.collect(record, timestamp);
          }
        }, maxRecords);
        return s == ReadStatus.MORE_AVAILABLE && n < maxRecords ? ReadStatus.NOTHING_AVAILABLE : s;
      }

      @Override
      public long nanosUntilAvailable() {
        return r.nanosUntilAvailable();
      }

      @Override
      public List<SourceSplit> snapshotState() {
        return r.snapshotState();
      }

      @Override
      public void close() throws Exception {
        r.close();
      }
    };
  }
}
