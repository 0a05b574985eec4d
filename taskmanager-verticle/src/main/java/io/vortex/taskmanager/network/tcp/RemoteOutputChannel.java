package io.vortex.taskmanager.network.tcp;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vortex.api.internal.serialization.DataOut;
import io.vortex.taskmanager.network.ChannelEvent;
import io.vortex.taskmanager.network.ChannelId;
import io.vortex.taskmanager.network.ChannelItem;
import io.vortex.taskmanager.network.OutputChannel;
import io.vortex.taskmanager.network.RecordBatch;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threading: {@link #send}, {@link #hasCapacity} and {@link #onCapacity} on the producing task's
 * thread; the queue, credits and peer on the transport's connection context. The producing end
 * of a channel whose consumer runs on another TaskManager. The task serializes each batch into
 * frames of about a buffer; the connection context sends a data frame only against a credit
 * from the consumer, events in line with them without credit. At most {@code capacity} data
 * frames wait unsent (plus what one step emits): then {@link #hasCapacity()} is false until
 * credit arrives.
 */
final class RemoteOutputChannel implements OutputChannel {
  private record Outgoing(Buffer frame, boolean data) {}

  private final ChannelId id;
  private final Context context;
  private final int capacity;
  private final int bufferSize;
  private final AtomicInteger unsent = new AtomicInteger();
  private volatile Runnable wakeup = () -> {};
  private volatile ChannelFailedException failure;
  // task thread
  private BatchCodec codec;
  private DataOut out;
  // connection context
  private final ArrayDeque<Outgoing> queue = new ArrayDeque<>();
  private PeerConnection peer;
  private int credits;
  private int queuedData;

  RemoteOutputChannel(ChannelId id, Context context, int capacity, int bufferSize) {
    this.id = id;
    this.context = context;
    this.capacity = capacity;
    this.bufferSize = bufferSize;
  }

  ChannelId id() {
    return id;
  }

  /** Sets the codec of the channel's records (typed by its edge, with the job's class loader); before the first send. */
  void codec(BatchCodec codec) {
    this.codec = codec;
  }

  @Override
  public void send(ChannelItem item) {
    ChannelFailedException failed = failure;
    if (failed != null) {
      throw new ChannelFailedException(failed.getMessage(), failed);
    }
    if (item instanceof RecordBatch batch) {
      if (out == null) {
        out = new DataOut(bufferSize + 1024);
      }
      for (int i = 0; i < batch.size(); ) {
        out.reset();
        int start = FrameCodec.beginData(id, out);
        i = codec.write(batch, i, batch.size(), out, bufferSize);
        FrameCodec.end(start, out);
        Buffer frame = out.toBuffer();
        unsent.incrementAndGet();
        context.runOnContext(v -> enqueue(new Outgoing(frame, true)));
      }
    } else {
      Buffer frame = FrameCodec.encode(new Frame.Event(id, (ChannelEvent) item));
      context.runOnContext(v -> enqueue(new Outgoing(frame, false)));
    }
  }

  @Override
  public boolean hasCapacity() {
    return unsent.get() < capacity || failure != null; // a failed channel lets send() throw
  }

  @Override
  public boolean isRemote() {
    return true;
  }

  @Override
  public void onCapacity(Runnable wakeup) {
    this.wakeup = wakeup;
  }

  /** Connection context: the consumer's TaskManager. */
  void peer(PeerConnection peer) {
    this.peer = peer;
    drain();
  }

  PeerConnection peer() {
    return peer;
  }

  /** Connection context. */
  void onCredit(int n) {
    credits += n;
    drain();
  }

  private void enqueue(Outgoing outgoing) {
    if (failure != null) {
      return;
    }
    queue.add(outgoing);
    if (outgoing.data()) {
      queuedData++;
    }
    drain();
  }

  private void drain() {
    if (peer == null) {
      return;
    }
    while (!queue.isEmpty()) {
      Outgoing next = queue.peek();
      if (next.data()) {
        if (credits == 0) {
          return;
        }
        credits--;
        queuedData--;
        next.frame().setInt(FrameCodec.BACKLOG_OFFSET, queuedData);
      }
      queue.poll();
      peer.write(next.frame());
      if (next.data() && unsent.getAndDecrement() == capacity) {
        wakeup.run();
      }
    }
  }

  /** Connection context: stops the channel; the task fails at its next send. */
  void fail(ChannelFailedException cause) {
    if (failure != null) {
      return;
    }
    failure = cause;
    queue.clear();
    wakeup.run();
  }

  boolean isFailed() {
    return failure != null;
  }

  /** Unsent data frames, for tests. */
  int unsent() {
    return unsent.get();
  }
}
