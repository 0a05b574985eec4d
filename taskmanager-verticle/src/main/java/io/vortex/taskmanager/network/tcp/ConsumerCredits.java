package io.vortex.taskmanager.network.tcp;

import java.util.function.IntConsumer;

/**
 * The buffers one input channel holds, as in Flink's credit-based flow control: {@code
 * exclusive} of its own, plus floating ones borrowed from the {@link CreditPool} while the
 * producer announces a backlog (at most {@code maxFloating} at once). Every buffer is either granted to the producer as a credit
 * (unused), or holds a received frame until the task consumes it. A consumed exclusive buffer is
 * granted again; a consumed floating one goes back to the pool unless the backlog still needs it.
 *
 * <p>Threading: confined to the transport's connection context.
 */
public final class ConsumerCredits {
  private final CreditPool pool;
  private final int exclusive;
  private final int maxFloating;
  private final IntConsumer grant;
  private int floating;
  /** Credits the producer holds. */
  private int granted;
  /** Frames received and not yet consumed. */
  private int held;
  /** Data frames the producer said were waiting behind its last one. */
  private int backlog;
  private boolean released;

  /**
   * Reserves the exclusive buffers and grants them.
   *
   * @param grant sends credits to the producer
   * @throws NetworkMemoryException when the pool cannot hold them
   */
  public ConsumerCredits(CreditPool pool, int exclusive, int maxFloating, IntConsumer grant, Object channel) {
    this.pool = pool;
    this.exclusive = exclusive;
    this.maxFloating = maxFloating;
    this.grant = grant;
    pool.reserve(exclusive, channel);
    granted = exclusive;
    grant.accept(exclusive);
  }

  /**
   * A data frame arrived, with {@code backlog} more waiting at the producer.
   *
   * @throws FrameException when the producer sent without a credit
   */
  public void onData(int backlog) {
    if (granted == 0) {
      throw new FrameException("data frame without credit");
    }
    granted--;
    held++;
    this.backlog = backlog;
    int extra = 0;
    while (wantsFloating() && pool.tryTake(this)) {
      floating++;
      granted++;
      extra++;
    }
    if (extra > 0) {
      grant.accept(extra);
    }
  }

  /** The task consumed one received frame: its buffer is free again. */
  public void onConsumed() {
    if (released) {
      return;
    }
    held--;
    if (floating > 0 && !wantsFloatingAfterReturn()) {
      floating--;
      pool.release(1);
    } else {
      granted++;
      grant.accept(1);
    }
  }

  private boolean wantsFloatingAfterReturn() {
    return backlog > granted;
  }

  /** More credits would let the producer send its backlog. */
  boolean wantsFloating() {
    return !released && backlog > granted && floating < maxFloating;
  }

  /** The pool lends one buffer. */
  void grantFloating() {
    floating++;
    granted++;
    grant.accept(1);
  }

  /** Gives every buffer back to the pool (the channel closed); later calls do nothing. */
  public void release() {
    if (released) {
      return;
    }
    released = true;
    pool.forget(this);
    pool.release(exclusive + floating);
    floating = 0;
    granted = 0;
    held = 0;
  }

  public int granted() {
    return granted;
  }

  public int held() {
    return held;
  }

  public int floating() {
    return floating;
  }
}
