package io.vortex.api.internal.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class AccumulatorPagesTest {

  @Test
  void when_slots_span_several_pages_then_each_keeps_its_own_value_until_released() {
    // Given four pages' worth of slots, and a small array within one page
    int length = 4 * AccumulatorPages.PAGE;
    AccumulatorPages pages = new AccumulatorPages(length);
    AccumulatorPages small = new AccumulatorPages(16);
    // When every slot is set to its own object, the small array's through update
    Object[] expected = new Object[length];
    for (int i = 0; i < length; i++) {
      expected[i] = "v" + i;
      pages.set(i, expected[i]);
    }
    for (int i = 0; i < 16; i++) {
      small.update(i, expected[i]);
      small.update(i, expected[i]); // the same object again: no change
    }
    // Then each slot reads back its own value, the pages' boundaries included
    for (int i = 0; i < length; i++) {
      assertSame(expected[i], pages.get(i), "slot " + i);
    }
    for (int i = 0; i < 16; i++) {
      assertSame(expected[i], small.get(i));
    }
    pages.update(AccumulatorPages.PAGE, "other");
    assertEquals("other", pages.get(AccumulatorPages.PAGE));
    assertSame(expected[AccumulatorPages.PAGE - 1], pages.get(AccumulatorPages.PAGE - 1));
    // And release nulls every slot
    pages.release();
    for (int i = 0; i < length; i++) {
      assertNull(pages.get(i));
    }
  }
}
