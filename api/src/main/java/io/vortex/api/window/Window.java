package io.vortex.api.window;

/**
 * A group of elements that a window function sees together. Windows are values: two equal
 * windows are the same window (they key the window's state and timers).
 */
public interface Window {
  /** The largest timestamp that still belongs to this window; it fires when time passes it. */
  long maxTimestamp();
}
