package dev.omniid.core;

/**
 * Hears every change to the partition. Called synchronously by the thread that made the
 * change, in the order the changes happened, while the resolver's write lock is held: a
 * listener may read from the resolver but must not block, and must not call a method that
 * changes it. An exception thrown by a listener is caught and logged through
 * {@link System.Logger}; it never undoes the change.
 */
@FunctionalInterface
public interface ProfileListener {
  /** Called once per change. */
  void onEvent(ProfileEvent event);
}
