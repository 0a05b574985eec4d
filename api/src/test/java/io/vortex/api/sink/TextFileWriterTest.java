package io.vortex.api.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The text file writer on a real event loop: backpressure, commit and discard. */
@ExtendWith(VertxExtension.class)
class TextFileWriterTest {
  @TempDir Path dir;

  /** A sink context for instance 0 of 1 that counts wakeups. */
  private static final class TestContext extends SingleInstanceSinkContext {
    private final Runnable onWakeup;

    TestContext(Vertx vertx, Runnable onWakeup) {
      super("text", vertx);
      this.onWakeup = onWakeup;
    }

    @Override
    public void wakeup() {
      onWakeup.run();
    }

    @Override
    public Future<Void> sendToClient(String sinkName, List<?> records) {
      return Future.succeededFuture();
    }
  }

  private List<String> files() throws Exception {
    try (Stream<Path> all = Files.list(dir)) {
      return all.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  @Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
  void when_closedBeforeFinishing_then_theFileCloseIsHandedOverToBeAwaitedBeforeVertxStops(Vertx vertx, VertxTestContext test)
      throws Exception {
    // Given: a writer with a line written, whose task keeps what its close leaves running
    List<Future<?>> closing = new ArrayList<>();
    var context = new SingleInstanceSinkContext("text", vertx) {
      @Override
      public void wakeup() {}

      @Override
      public Future<Void> sendToClient(String sinkName, List<?> records) {
        return Future.succeededFuture();
      }

      @Override
      public void closing(Future<?> done) {
        closing.add(done);
      }
    };
    var writer = new TextFileWriter<String>(dir.resolve("out.txt").toString(), s -> s, context);
    writer.write("a", 0);

    // When: cancelled (closed without finish or commit)
    writer.close();

    // Then: the in-progress file is gone at once, and the file's close, which completes later on
    // a worker, was handed over (a Vert.x closed before it completes would reject its completion)
    assertEquals(List.of(), files());
    assertEquals(1, closing.size());
    closing.get(0).onComplete(ar -> test.completeNow());
  }

  @Test
  @Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
  void when_theWriteQueueFills_then_notReadyUntilItDrainsAndEveryLineLandsInOrder(Vertx vertx, VertxTestContext test) {
    // Given: a writer on an event loop that the test holds while it writes, so no write completes
    Path out = dir.resolve("out.txt");
    Context loop = vertx.getOrCreateContext();
    List<String> expected = new ArrayList<>();
    AtomicReference<TextFileWriter<String>> writer = new AtomicReference<>();
    AtomicBoolean drained = new AtomicBoolean();
    loop.runOnContext(v -> test.verify(() -> {
      writer.set(new TextFileWriter<>(out.toString(), s -> s, new TestContext(vertx, () -> test.verify(() -> {
        assertTrue(writer.get().isReady(), "woken while still full");
        if (drained.compareAndSet(false, true)) {
          loop.runOnContext(w -> finishAndCheck(writer.get(), out, expected, test));
        }
      }))));

      // When: lines are written until the writer says it is full
      int i = 0;
      while (writer.get().isReady()) {
        String line = "line " + i++;
        writer.get().write(line, 0);
        expected.add(line);
        assertTrue(i < 1_000_000, "never full");
      }

      // Then: full after about the queue's bound, and nothing is visible yet
      long queued = expected.stream().mapToLong(l -> l.length() + 1).sum();
      assertTrue(queued >= TextFileWriter.WRITE_QUEUE_BYTES, "full at " + queued + " bytes");
      assertTrue(queued < TextFileWriter.WRITE_QUEUE_BYTES + 2L * TextFileWriter.CHUNK_BYTES, "full at " + queued);
      assertFalse(Files.exists(out));
    }));
  }

  private void finishAndCheck(TextFileWriter<String> writer, Path out, List<String> expected, VertxTestContext test) {
    // When the queue drained (the writer woke the task): the rest is written, finished, committed
    test.verify(() -> {
      for (int i = 0; i < 1000; i++) {
        String line = "tail " + i;
        writer.write(line, 0);
        expected.add(line);
      }
    });
    writer.finish()
        .compose(v -> writer.commit())
        .onComplete(test.succeeding(v -> test.verify(() -> {
          writer.close();
          // Then: every line once, in order, and no in-progress file left
          assertEquals(expected, Files.readAllLines(out));
          assertEquals(List.of("out.txt"), files());
          test.completeNow();
        })));
  }

  @Test
  @Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
  void when_closedWithoutCommit_then_theInProgressFileIsGoneWhenCloseReturns(Vertx vertx, VertxTestContext test) {
    // Given: a writer with written, unfinished output
    Path out = dir.resolve("out.txt");
    vertx.getOrCreateContext().runOnContext(v -> test.verify(() -> {
      var writer = new TextFileWriter<String>(out.toString(), s -> s, new TestContext(vertx, () -> {}));
      for (int i = 0; i < 100_000; i++) {
        writer.write("line " + i, 0);
      }
      assertEquals(1, files().size());
      assertTrue(files().get(0).matches("\\.out\\.txt\\.[0-9a-f-]{36}\\.inprogress"), files().toString());

      // When
      writer.close();

      // Then
      assertEquals(List.of(), files());
      test.completeNow();
    }));
  }
}
