package dev.omniid.core;

/**
 * Hears every change to the partition. Called synchronously by the thread that made the
 * change, in the order the changes happened, before the next change starts: under the
 * resolver's write lock for an in-memory resolver; with a {@linkplain Journal journal}, under
 * the journal's lock once the change's record is written (the in-memory write lock is then
 * released, so a listener never hears a change that a crash could still lose). Either way a
 * listener may read from the resolver but must not block, and must not call a method that
 * changes it. An exception thrown by a listener is caught and logged through
 * {@link System.Logger}; it never undoes the change.
 */
@FunctionalInterface
public interface ProfileListener {
  /**
   * Called once per change.
   *
   * @param event the change, never null; for one call that changes the resolver, events arrive
   *     in the order of {@link Resolution#events()}
   */
  void onEvent(ProfileEvent event);
}
