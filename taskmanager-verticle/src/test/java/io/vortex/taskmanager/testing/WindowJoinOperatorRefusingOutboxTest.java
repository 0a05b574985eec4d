package io.vortex.taskmanager.testing;

import org.junit.jupiter.api.extension.ExtendWith;

/** Every test of {@link WindowJoinOperatorTest}, against an outbox that refuses every other piece of a burst. */
@ExtendWith(RefusingOutbox.class)
class WindowJoinOperatorRefusingOutboxTest extends WindowJoinOperatorTest {}
