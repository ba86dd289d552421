package dev.omniid.spark;

import dev.omniid.core.ResolverBuilder;
import java.io.Serializable;

/**
 * Builds the resolver configuration on each executor: the same {@link ResolverBuilder} settings
 * that an in-memory resolver would be built with (policies, normalizers, match model, blocking
 * keys, person rule). Serializable because it travels to the executors; it must give the same
 * configuration every time it is called.
 */
@FunctionalInterface
public interface ResolverConfiguration extends Serializable {
  /**
   * A new builder holding the configuration.
   *
   * @return the builder; listeners and a journal on it are ignored
   */
  ResolverBuilder resolverBuilder();
}
