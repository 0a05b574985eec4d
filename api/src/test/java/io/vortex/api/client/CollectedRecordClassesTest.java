package io.vortex.api.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vortex.api.graph.VortexJson;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Collected records inside JSON events resolve their classes through the loader the reader is given. */
class CollectedRecordClassesTest {
  record Reading(String sensor, double value) {}

  /** Delegates to the test's loader and notes every class it is asked for. */
  static final class NotingLoader extends ClassLoader {
    final List<String> asked = new CopyOnWriteArrayList<>();

    NotingLoader() {
      super(CollectedRecordClassesTest.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      asked.add(name);
      return super.loadClass(name, resolve);
    }
  }

  @Test
  void when_readWithARecordClassLoader_then_recordsResolveThroughItAsTheirClass() {
    // Given
    var event = new JobEvent.Collected("job", "readings", 0, List.of(new Reading("a", 1.5), new Reading("b", 2.5)));
    String json = VortexJson.toJson(event);
    var loader = new NotingLoader();

    // When
    JobEvent back = VortexJson.fromJson(json, JobEvent.class, loader);

    // Then
    assertEquals(event.records(), ((JobEvent.Collected) back).records());
    assertTrue(loader.asked.contains(Reading.class.getName()), loader.asked.toString());
  }
}
