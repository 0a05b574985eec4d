package io.vortex.taskmanager.testing;

import org.junit.jupiter.api.extension.ExtendWith;

/** Every test of {@link KeyedOperatorsTest}, against an outbox that refuses every other piece of a burst. */
@ExtendWith(RefusingOutbox.class)
class KeyedOperatorsRefusingOutboxTest extends KeyedOperatorsTest {}
