package io.vortex.taskmanager.task;

import io.vortex.api.internal.operators.Outbox;
import io.vortex.api.internal.operators.Output;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The outboxes of one operator chain, one per operator, and when their bursts may go on. A burst
 * of operator {@code i} emits its next piece only while downstream has room (the task's writers
 * and the chain's sinks can take more), no operator
 * after {@code i} holds output (the piece must pass through them) and the step's budget of
 * pieces is not spent (a step stays short even when downstream is fast). A record a {@code
 * Collector} flatMap collects passes straight through under the same conditions but the budget
 * ({@link Outbox.Room#canTakeRecord}): the user call cannot be split, its overflow is held. Held
 * output is resumed deepest first. The task takes no input while any outbox holds output or a writer is full.
 *
 * <p>Whether downstream is full is a flag, read per record: it is computed once per step (at
 * {@link #startStep}, after the task looked at its channels again) and set during the step by
 * whoever fills up ({@link #downstreamFull()}: a writer whose channel has no capacity left after a
 * send, a sink that is not ready after a write). It is cleared only by the next step's check, which
 * follows the wakeup that capacity or a ready sink sends.
 *
 * <p>Threading: confined to the owning task's thread.
 */
final class ChainOutboxes {
  private final BooleanSupplier downstreamHasRoom;
  /** Downstream can take nothing more this step (see the class comment). */
  private boolean downstreamFull;
  private final List<Outbox<Object>> outboxes = new ArrayList<>();
  private final List<String> names = new ArrayList<>();
  private final BitSet holding = new BitSet();
  private int budget;

  /** {@code downstreamHasRoom}: whether the writers and sinks can take more (asked once per step). */
  ChainOutboxes(BooleanSupplier downstreamHasRoom) {
    this.downstreamHasRoom = downstreamHasRoom;
  }

  /** The outbox of the next operator of the chain, {@code name} (operators are added head first). */
  Outbox<Object> add(String name, Output<Object> target) {
    int index = outboxes.size();
    Outbox<Object> outbox =
        new Outbox<>(
            target,
            new Outbox.Room() {
              @Override
              public boolean hasRoom() {
                if (budget <= 0 || downstreamFull || holding.length() > index + 1) {
                  return false;
                }
                budget--;
                return true;
              }

              @Override
              public boolean canTakeRecord() {
                return !downstreamFull && holding.length() <= index + 1;
              }

              @Override
              public void holding(boolean on) {
                holding.set(index, on);
              }
            });
    outboxes.add(outbox);
    names.add(name);
    return outbox;
  }

  /**
   * Starts a task step: bursts may emit up to {@code pieces} pieces in it; looks at the writers
   * and sinks again (throws a sink's write error).
   */
  void startStep(int pieces) {
    budget = pieces;
    downstreamFull = !downstreamHasRoom.getAsBoolean();
  }

  /** A writer's channel or a sink can take no more: the task takes no more input this step. */
  void downstreamFull() {
    downstreamFull = true;
  }

  boolean isHolding() {
    return !holding.isEmpty();
  }

  /** True when the step's budget of pieces is spent (held output waits for the next step only). */
  boolean isBudgetSpent() {
    return budget <= 0;
  }

  /** True when the task must not take input: downstream is full or output is held. Two field reads. */
  boolean isBlocked() {
    return downstreamFull || !holding.isEmpty();
  }

  /** Emits held output, deepest outbox first, while there is room; true when none is held. */
  boolean resume() {
    int deepest;
    while ((deepest = holding.length() - 1) >= 0) {
      if (!resume(deepest) && holding.length() - 1 <= deepest) {
        return false; // no room (not a deeper outbox that started holding: that one goes first)
      }
    }
    return true;
  }

  private boolean resume(int index) {
    try {
      return outboxes.get(index).resume();
    } catch (Exception | Error e) {
      throw OperatorException.wrap(names.get(index), e);
    }
  }
}
