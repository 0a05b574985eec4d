package io.vortex.api.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A bounded source over a list of elements, which travel inside the job graph (they must be
 * serializable). Split across instances like {@link GeneratorSource}; at parallelism 1 the
 * elements come in list order.
 */
public final class CollectionSource<T> implements Source<T> {
  private static final long serialVersionUID = 1L;
  private final ArrayList<T> elements;

  public CollectionSource(List<T> elements) {
    Objects.requireNonNull(elements, "elements");
    for (T e : elements) {
      Objects.requireNonNull(e, "a source element must not be null");
    }
    this.elements = new ArrayList<>(elements);
  }

  @Override
  public boolean isBounded() {
    return true;
  }

  @Override
  public List<SourceSplit> createSplits(int parallelism) {
    return GeneratorSource.of(elements.size(), i -> null).createSplits(parallelism);
  }

  @Override
  public SourceReader<T> createReader(SourceReaderContext context) {
    ArrayList<T> list = elements;
    return new GeneratorReader<>((i, t) -> list.get((int) i), list.size(), 0);
  }
}
