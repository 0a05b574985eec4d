package io.vortex.api.sink;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vortex.api.client.VortexException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Streams records back to the client that submitted the job, in batches, as {@code Collected}
 * job events of the given name; the client reads them with {@code JobClient.collectedStream(name)}
 * or {@code collected(name)}. A batch is sent when it is full ({@value #BATCH} records), at the end
 * of input, or {@value #LINGER_MILLIS} ms after its first record, so the records of an endless job
 * that emits few of them still reach the client.
 *
 * <p>Flow control: the client acknowledges a batch when it has room for it, and each sink
 * instance has at most {@value #WINDOW} batches unacknowledged. With a full batch waiting beyond
 * that, the writer is not {@linkplain SinkWriter#isReady() ready}: the task, and so the
 * sources, stop until the client reads. The input ends only once the client has acknowledged
 * every batch, so a finished job has delivered all its records.
 *
 * <p>Credit timeout: a batch the client has not acknowledged within the credit timeout (default
 * {@value #DEFAULT_CREDIT_TIMEOUT_MILLIS} ms) fails the job, naming the sink and the timeout, so a
 * client that stopped reading (or vanished) does not hold the job forever. A client that reads
 * slowly keeps it going: each batch has its own timeout.
 */
public final class CollectSink<T> implements Sink<T> {
  private static final long serialVersionUID = 1L;
  /** Records per batch. */
  public static final int BATCH = 1024;
  /** Batches a sink instance may have sent that the client has not acknowledged yet. */
  public static final int WINDOW = 2;
  /** Longest time a record waits in a partly filled batch (the default buffer timeout). */
  static final long LINGER_MILLIS = 100;
  /** How long a sent batch may wait for the client's acknowledgement before the job fails. */
  public static final long DEFAULT_CREDIT_TIMEOUT_MILLIS = 60_000;
  private final String name;
  private final long creditTimeoutMillis;

  public CollectSink(String name) {
    this(name, Duration.ofMillis(DEFAULT_CREDIT_TIMEOUT_MILLIS));
  }

  /** A sink whose batches fail the job when the client has not acknowledged one within {@code creditTimeout}. */
  public CollectSink(String name, Duration creditTimeout) {
    this.name = Objects.requireNonNull(name, "name");
    if (creditTimeout.toMillis() < 1) {
      throw new IllegalArgumentException("the collect credit timeout must be at least 1 ms, was " + creditTimeout);
    }
    this.creditTimeoutMillis = creditTimeout.toMillis();
  }

  public String name() {
    return name;
  }

  @Override
  public SinkWriter<T> createWriter(SinkContext context) {
    return new Writer<>(name, creditTimeoutMillis, context);
  }

  /** Threading: confined to the owning task's event loop (acknowledgements complete there). */
  private static final class Writer<T> implements SinkWriter<T> {
    private final String name;
    private final long creditTimeoutMillis;
    private final SinkContext context;
    private List<T> batch = new ArrayList<>();
    private int unacknowledged;
    private long timer = -1;
    /** The oldest record of {@link #batch} has waited the linger time: send it when credit allows. */
    private boolean lingered;
    private Promise<Void> finished;
    private VortexException failure;
    private boolean closed;

    Writer(String name, long creditTimeoutMillis, SinkContext context) {
      this.name = name;
      this.creditTimeoutMillis = creditTimeoutMillis;
      this.context = context;
    }

    @Override
    public void write(T value, long timestamp) {
      throwIfFailed();
      batch.add(value);
      if (batch.size() >= BATCH) {
        sendWhatCreditAllows();
      } else if (timer < 0 && !lingered) {
        timer = context.vertx().setTimer(LINGER_MILLIS, id -> {
          timer = -1;
          lingered = true;
          sendWhatCreditAllows();
        });
      }
    }

    /** Not ready with a full batch waiting for credit; throws once the client is unreachable. */
    @Override
    public boolean isReady() {
      throwIfFailed();
      return batch.size() < BATCH || unacknowledged < WINDOW;
    }

    private void sendWhatCreditAllows() {
      while (!closed && unacknowledged < WINDOW && !batch.isEmpty()
          && (batch.size() >= BATCH || lingered || finished != null)) {
        send(takeBatch());
      }
    }

    /** Up to {@value #BATCH} of the oldest records (a step may have written more). */
    private List<T> takeBatch() {
      List<T> out;
      if (batch.size() <= BATCH) {
        out = batch;
        batch = new ArrayList<>();
      } else {
        out = new ArrayList<>(batch.subList(0, BATCH));
        batch = new ArrayList<>(batch.subList(BATCH, batch.size()));
      }
      if (batch.isEmpty()) {
        lingered = false;
        cancelTimer();
      }
      return out;
    }

    private void send(List<T> records) {
      unacknowledged++;
      long timeout = context.vertx().setTimer(creditTimeoutMillis, id -> creditTimedOut());
      context.sendToClient(name, records).onComplete(ar -> {
        unacknowledged--;
        context.vertx().cancelTimer(timeout);
        if (closed) {
          return;
        }
        if (ar.failed() && failure == null) {
          failure = new VortexException("collect sink '" + name + "' could not reach the job's client: "
              + ar.cause().getMessage(), ar.cause());
        }
        sendWhatCreditAllows();
        completeFinishIfDone();
        context.wakeup(); // room again, or a failure the task finds in isReady()
      });
    }

    private void creditTimedOut() {
      if (closed || failure != null) {
        return;
      }
      failure = new VortexException("collect sink '" + name + "': the job's client acknowledged no batch for "
          + creditTimeoutMillis + " ms (the collect credit timeout): it stopped reading the records, or is gone; "
          + "read them with collectedStream or collected, or set a longer timeout with collect(name, creditTimeout)");
      completeFinishIfDone();
      context.wakeup(); // the task finds the failure in isReady()
    }

    private void throwIfFailed() {
      if (failure != null) {
        throw failure;
      }
    }

    @Override
    public Future<Void> finish() {
      finished = Promise.promise();
      cancelTimer();
      sendWhatCreditAllows();
      completeFinishIfDone();
      return finished.future();
    }

    private void completeFinishIfDone() {
      if (finished == null) {
        return;
      }
      if (failure != null) {
        finished.tryFail(failure);
      } else if (batch.isEmpty() && unacknowledged == 0) {
        finished.tryComplete();
      }
    }

    private void cancelTimer() {
      if (timer >= 0) {
        context.vertx().cancelTimer(timer);
        timer = -1;
      }
    }

    @Override
    public void close() {
      closed = true;
      cancelTimer();
      batch = new ArrayList<>(); // after a failure or cancellation, nothing more is sent
    }
  }
}
