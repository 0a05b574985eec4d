package io.vortex.taskmanager.testing;

import io.vortex.taskmanager.testing.OperatorTestHarness.OutboxMode;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Makes every {@link OperatorTestHarness} a test builds refuse every other piece of a burst
 * ({@link OutboxMode#REFUSING}), unless the test chooses a mode. A test class runs in both modes
 * through a twin that extends it with {@code @ExtendWith(RefusingOutbox.class)}.
 */
public final class RefusingOutbox implements BeforeEachCallback, AfterEachCallback {
  @Override
  public void beforeEach(ExtensionContext context) {
    OperatorTestHarness.DEFAULT_MODE.set(OutboxMode.REFUSING);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    OperatorTestHarness.DEFAULT_MODE.remove();
  }
}
