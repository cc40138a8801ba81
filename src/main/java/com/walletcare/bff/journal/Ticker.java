package com.walletcare.bff.journal;

/**
 * A monotonic clock in nanoseconds, as {@link System#nanoTime()}: how much time passed on this replica since a lease
 * was confirmed, never affected by the wall clock being set. A test gives a journal one it can move on, to stand for a
 * process paused between two lines.
 */
@FunctionalInterface
public interface Ticker {

    Ticker SYSTEM = System::nanoTime;

    long nanos();
}
