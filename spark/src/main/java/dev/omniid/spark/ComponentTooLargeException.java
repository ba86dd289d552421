package dev.omniid.spark;

/**
 * A connected component holds more touchpoints than {@link ResolveSettings#maxComponentSize()}:
 * partitioning it would collect it onto one executor. Usually a value that should not link
 * (a shop's placeholder email, a shared kiosk device) with a limit too high or none; the message
 * says how to look. Unchecked.
 */
public final class ComponentTooLargeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long size;
  private final long components;
  private final int maxComponentSize;

  ComponentTooLargeException(long size, long components, int maxComponentSize,
      String smallestMember) {
    super(components + " connected component(s) exceed maxComponentSize " + maxComponentSize
        + "; the largest holds " + size + " touchpoints (its smallest touchpoint id is "
        + smallestMember + "). A value shared by too many records usually holds it together:"
        + " give its type a limit or a junk list, or raise maxComponentSize (--max-component-size)"
        + " with enough executor memory for one component");
    this.size = size;
    this.components = components;
    this.maxComponentSize = maxComponentSize;
  }

  /**
   * The largest component's size.
   *
   * @return how many touchpoints it holds
   */
  public long size() {
    return size;
  }

  /**
   * How many components are too large.
   *
   * @return the count
   */
  public long components() {
    return components;
  }

  /**
   * The limit passed.
   *
   * @return the settings' maxComponentSize
   */
  public int maxComponentSize() {
    return maxComponentSize;
  }
}
