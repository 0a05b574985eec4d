package io.vortex.taskmanager.network.tcp;

import io.vertx.core.Context;
import io.vortex.api.internal.serialization.DataIn;
import io.vortex.taskmanager.network.ChannelEvent;
import io.vortex.taskmanager.network.ChannelId;
import io.vortex.taskmanager.network.ChannelItem;
import io.vortex.taskmanager.network.InputChannel;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threading: {@link #poll} and {@link #onData} on the consuming task's thread; {@link #deliver},
 * the credits and the peer on the transport's connection context. The consuming end of a
 * channel whose producer runs on another TaskManager. Received frames wait as bytes; the task
 * deserializes a batch when it polls it, and its buffer then goes back to the credits.
 */
final class RemoteInputChannel implements InputChannel {
  private final ChannelId id;
  private final Context context;
  private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger items = new AtomicInteger();
  private volatile Runnable wakeup = () -> {};
  private volatile ChannelFailedException failure;
  // task thread
  private BatchCodec codec;
  private final DataIn in = new DataIn();
  // connection context
  private ConsumerCredits credits;
  private PeerConnection peer;

  RemoteInputChannel(ChannelId id, Context context) {
    this.id = id;
    this.context = context;
  }

  ChannelId id() {
    return id;
  }

  void codec(BatchCodec codec) {
    this.codec = codec;
  }

  @Override
  public ChannelItem poll() {
    ChannelFailedException failed = failure;
    if (failed != null) {
      throw new ChannelFailedException(failed.getMessage(), failed);
    }
    Object next = queue.poll();
    if (next == null) {
      return null;
    }
    items.decrementAndGet();
    if (next instanceof Frame.Data data) {
      try {
        in.reset(data.bytes(), data.offset(), data.length());
        var batch = codec.read(in);
        context.runOnContext(v -> onConsumed());
        return batch;
      } catch (RuntimeException e) {
        // The frame was well framed, so the connection is fine: only this channel fails (and
        // its producer is told), not the other channels, of other jobs too, on the connection.
        var cause = new ChannelFailedException("malformed records on " + id + ": " + e.getMessage(), e);
        context.runOnContext(v -> failAndTellProducer(cause));
        throw cause;
      }
    }
    return (ChannelEvent) next;
  }

  @Override
  public void onData(Runnable wakeup) {
    this.wakeup = wakeup;
    if (items.get() > 0 || failure != null) {
      wakeup.run();
    }
  }

  /** Connection context: the producer's TaskManager and this channel's buffers. */
  void open(PeerConnection peer, ConsumerCredits credits) {
    this.peer = peer;
    this.credits = credits;
  }

  boolean isOpen() {
    return credits != null;
  }

  PeerConnection peer() {
    return peer;
  }

  /**
   * Connection context: a frame arrived.
   *
   * @throws FrameException when data arrives without credit (or before the channel opened)
   */
  void deliver(Frame frame) {
    if (failure != null) {
      return;
    }
    Object item;
    if (frame instanceof Frame.Data data) {
      if (credits == null) {
        throw new FrameException("data frame for " + id + ", which granted no credit");
      }
      credits.onData(data.backlog());
      item = data;
    } else {
      item = ((Frame.Event) frame).event();
    }
    queue.add(item);
    if (items.getAndIncrement() == 0) {
      wakeup.run();
    }
  }

  private void onConsumed() {
    if (credits != null && failure == null) {
      credits.onConsumed();
    }
  }

  /** Connection context: stops the channel; the task fails at its next poll. */
  void fail(ChannelFailedException cause) {
    if (failure != null) {
      return;
    }
    failure = cause;
    release();
    wakeup.run();
  }

  /** Connection context: fails the channel and sends the producer a FAIL frame for it. */
  private void failAndTellProducer(ChannelFailedException cause) {
    if (failure != null) {
      return;
    }
    fail(cause);
    if (peer != null) {
      peer.write(FrameCodec.encode(new Frame.Fail(id, cause.getMessage())));
    }
  }

  /** Connection context: gives the buffers back. */
  void release() {
    queue.clear();
    if (credits != null) {
      credits.release();
    }
  }

  boolean isFailed() {
    return failure != null;
  }
}
