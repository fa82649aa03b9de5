package dev.trellis.testsupport;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** An in-memory informer cache with indexes, for unit tests of mappers. */
public class FakeIndexedCache<T extends HasMetadata> implements IndexerResourceCache<T> {
  private final List<T> items = new ArrayList<>();
  private final Map<String, Function<T, List<String>>> indexers = new HashMap<>();

  @SafeVarargs
  public final FakeIndexedCache<T> with(T... objects) {
    items.addAll(List.of(objects));
    return this;
  }

  @Override
  public void addIndexers(Map<String, Function<T, List<String>>> indexers) {
    this.indexers.putAll(indexers);
  }

  @Override
  public List<T> byIndex(String index, String key) {
    Function<T, List<String>> indexer = Objects.requireNonNull(indexers.get(index), "no index " + index);
    return items.stream().filter(i -> indexer.apply(i).contains(key)).toList();
  }

  @Override
  public Stream<T> list(String namespace, Predicate<T> predicate) {
    return items.stream().filter(i -> Objects.equals(namespace, i.getMetadata().getNamespace())).filter(predicate);
  }

  @Override
  public Optional<T> get(ResourceID id) {
    return items.stream().filter(i -> ResourceID.fromResource(i).equals(id)).findFirst();
  }

  @Override
  public Stream<ResourceID> keys() {
    return items.stream().map(ResourceID::fromResource);
  }

  @Override
  public Stream<T> list(Predicate<T> predicate) {
    return items.stream().filter(predicate);
  }
}
