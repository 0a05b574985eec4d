package io.vortex.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JvmDefaultsTest {
  private String before;

  @BeforeEach
  void remember() {
    before = System.getProperty(JvmDefaults.NETTY_JFR);
  }

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty(JvmDefaults.NETTY_JFR);
    } else {
      System.setProperty(JvmDefaults.NETTY_JFR, before);
    }
  }

  @Test
  void when_unset_then_nettysJfrEventsAreOff() {
    // Given
    System.clearProperty(JvmDefaults.NETTY_JFR);

    // When
    JvmDefaults.apply();

    // Then
    assertEquals("false", System.getProperty(JvmDefaults.NETTY_JFR));
  }

  @Test
  void when_theUserSetIt_then_theirValueStays() {
    // Given
    System.setProperty(JvmDefaults.NETTY_JFR, "true");

    // When
    JvmDefaults.apply();

    // Then
    assertEquals("true", System.getProperty(JvmDefaults.NETTY_JFR));
  }
}
