package io.vortex.api.graph;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.jsontype.impl.StdSubtypeResolver;
import java.util.Collection;

/**
 * Takes the subtypes of a sealed interface from its permitted subclasses, so a sealed message
 * hierarchy with {@code @JsonTypeInfo} needs no {@code @JsonSubTypes} list to keep in step.
 *
 * <p>Threading: thread-safe (Jackson resolves once per base type and caches the result).
 */
final class SealedSubtypeResolver extends StdSubtypeResolver {
  private static final long serialVersionUID = 1L;

  @Override
  public synchronized void registerSubtypes(NamedType... types) {
    super.registerSubtypes(types);
  }

  @Override
  public synchronized void registerSubtypes(Class<?>... classes) {
    super.registerSubtypes(classes);
  }

  @Override
  public synchronized void registerSubtypes(Collection<Class<?>> subtypes) {
    super.registerSubtypes(subtypes);
  }

  @Override
  public synchronized Collection<NamedType> collectAndResolveSubtypesByClass(
      MapperConfig<?> config, AnnotatedMember property, JavaType baseType) {
    addPermitted(baseType == null ? null : baseType.getRawClass());
    return super.collectAndResolveSubtypesByClass(config, property, baseType);
  }

  @Override
  public synchronized Collection<NamedType> collectAndResolveSubtypesByClass(
      MapperConfig<?> config, AnnotatedClass baseType) {
    addPermitted(baseType.getRawType());
    return super.collectAndResolveSubtypesByClass(config, baseType);
  }

  @Override
  public synchronized Collection<NamedType> collectAndResolveSubtypesByTypeId(
      MapperConfig<?> config, AnnotatedMember property, JavaType baseType) {
    addPermitted(baseType == null ? null : baseType.getRawClass());
    return super.collectAndResolveSubtypesByTypeId(config, property, baseType);
  }

  @Override
  public synchronized Collection<NamedType> collectAndResolveSubtypesByTypeId(
      MapperConfig<?> config, AnnotatedClass baseType) {
    addPermitted(baseType.getRawType());
    return super.collectAndResolveSubtypesByTypeId(config, baseType);
  }

  private void addPermitted(Class<?> type) {
    if (type != null && type.isSealed()) {
      super.registerSubtypes(type.getPermittedSubclasses());
    }
  }
}
