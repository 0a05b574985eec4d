package io.vortex.api.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The generator's reader makes records only while its output has room. */
@Timeout(30)
class GeneratorReaderTest {

  /** Takes records until it holds {@code room} of them, then says it is full. */
  private static final class BoundedOutput implements SourceOutput<Long> {
    final List<Long> records = new ArrayList<>();
    int room;

    BoundedOutput(int room) {
      this.room = room;
    }

    @Override
    public void collect(Long record) {
      records.add(record);
    }

    @Override
    public void collect(Long record, long timestamp) {
      records.add(record);
    }

    @Override
    public boolean isFull() {
      return records.size() >= room;
    }
  }

  private static SourceReader<Long> reader(GeneratorSource<Long> source) throws Exception {
    SourceReader<Long> reader =
        source.createReader(
            new SourceReaderContext() {
              @Override
              public int subtaskIndex() {
                return 0;
              }

              @Override
              public int parallelism() {
                return 1;
              }

              @Override
              public Vertx vertx() {
                throw new UnsupportedOperationException();
              }

              @Override
              public void wakeup() {}
            });
    reader.addSplits(source.createSplits(1));
    return reader;
  }

  @Test
  void when_outputIsFull_then_noRecordIsMadeAndThePollEndsWithMoreAvailable() throws Exception {
    // Given: an output with room for 3 records, and a generator that counts what it makes
    AtomicLong made = new AtomicLong();
    SourceReader<Long> reader = reader(GeneratorSource.of(100, i -> {
      made.incrementAndGet();
      return i;
    }));
    BoundedOutput output = new BoundedOutput(3);

    // When
    ReadStatus status = reader.poll(output, 1024);

    // Then: it stopped where the output filled up, made nothing that would have to wait
    assertEquals(ReadStatus.MORE_AVAILABLE, status);
    assertEquals(List.of(0L, 1L, 2L), output.records);
    assertEquals(3, made.get());

    // When: room again
    output.room = 1000;
    ReadStatus rest = reader.poll(output, 1024);

    // Then: it goes on where it stopped, every index once
    assertEquals(ReadStatus.END_OF_INPUT, rest);
    assertEquals(100, output.records.size());
    for (int i = 0; i < 100; i++) {
      assertEquals(i, output.records.get(i));
    }
    assertEquals(100, made.get());
  }

  @Test
  void when_pacedOutputIsFull_then_noRecordIsMade() throws Exception {
    // Given: a paced source far faster than the test, with room for 2
    AtomicLong made = new AtomicLong();
    SourceReader<Long> reader = reader(GeneratorSource.<Long>of(50, i -> {
      made.incrementAndGet();
      return i;
    }).withRate(1e12));
    BoundedOutput output = new BoundedOutput(2);

    // When
    ReadStatus status = reader.poll(output, 1024);

    // Then
    assertEquals(ReadStatus.MORE_AVAILABLE, status);
    assertEquals(List.of(0L, 1L), output.records);
    assertEquals(2, made.get());
  }
}
