package io.vortex.api.state;

/** Gives keyed state by descriptor. The same descriptor name always gives the same state. */
public interface KeyedStateStore {
  <S extends State> S getState(StateDescriptor<S> descriptor);
}
