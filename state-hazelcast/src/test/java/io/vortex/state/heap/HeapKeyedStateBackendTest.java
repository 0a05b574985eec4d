package io.vortex.state.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vortex.api.state.KeyedStateBackend;
import io.vortex.api.state.StateDescriptor;
import io.vortex.api.state.ValueState;
import io.vortex.state.KeyGroupRange;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeapKeyedStateBackendTest {
  private final HeapKeyedStateBackend backend = new HeapKeyedStateBackend(new KeyGroupRange(0, 7));
  private final ValueState<Long> sums = backend.getState(StateDescriptor.value("sums"));

  private void put(String key, int keyGroup, Object namespace, long value) {
    backend.setCurrentKey(key, keyGroup);
    backend.setCurrentNamespace(namespace);
    sums.update(value);
    backend.setCurrentNamespace(KeyedStateBackend.VOID_NAMESPACE);
  }

  @Test
  void when_a_namespaces_keys_are_walked_then_each_key_with_a_value_there_becomes_current_once() {
    // Given keys of several key groups in two windows, and one in the void namespace
    for (int k = 0; k < 50; k++) {
      put("k" + k, k % 8, "w1", k);
    }
    put("k0", 0, "w2", 1000);
    put("void", 3, KeyedStateBackend.VOID_NAMESPACE, 7);
    // When the keys of w1 are walked
    Map<Object, Long> seen = new HashMap<>();
    KeyedStateBackend.KeyCursor cursor = backend.keys("sums", "w1");
    while (cursor.advance()) {
      // Then the backend is on that key (and its key group) in w1: its value can be read
      Long previous = seen.put(backend.currentKey(), sums.value());
      assertNull(previous, "key seen twice: " + backend.currentKey());
      sums.update(sums.value() + 1); // updates in place are allowed during the walk
    }
    assertEquals(50, seen.size());
    for (int k = 0; k < 50; k++) {
      assertEquals(k, seen.get("k" + k));
    }
    assertFalse(cursor.advance(), "an exhausted cursor stays exhausted");
    assertFalse(backend.keys("sums", "unknown window").advance());
    assertFalse(backend.keys("no such state", "w1").advance());
  }

  @Test
  void when_a_namespace_is_cleared_then_its_values_go_and_other_namespaces_stay() {
    // Given
    for (int k = 0; k < 20; k++) {
      put("k" + k, k % 8, "w1", k);
      put("k" + k, k % 8, "w2", -k);
    }
    assertEquals(40, backend.size("sums"));
    // When
    backend.clearNamespace("sums", "w1");
    // Then
    assertEquals(20, backend.size("sums"));
    backend.setCurrentKey("k5", 5);
    backend.setCurrentNamespace("w1");
    assertNull(sums.value());
    backend.setCurrentNamespace("w2");
    assertEquals(-5L, sums.value());
  }

  @Test
  void when_the_last_value_of_a_namespace_is_cleared_then_the_namespace_is_gone() {
    // Given one key in a session window
    put("a", 1, "session", 1);
    // When its value is cleared key by key (as a per-key timer does)
    backend.setCurrentKey("a", 1);
    backend.setCurrentNamespace("session");
    sums.clear();
    // Then nothing is left to walk or count, and a new value starts a fresh namespace
    assertEquals(0, backend.size("sums"));
    assertFalse(backend.keys("sums", "session").advance());
    sums.update(5L);
    assertEquals(5L, sums.value());
    assertEquals(1, backend.size("sums"));
  }
}
