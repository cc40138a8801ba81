package com.walletcare.bff.journal;

import java.util.concurrent.ThreadLocalRandom;

/**
 * ULIDs (26 characters, Crockford base32: 48 bits of milliseconds, 80 random): ids that sort by creation time.
 * Monotonic within this process: an id made in the same millisecond as the previous one is that one plus one. Ids
 * are unique, not an order across replicas (their clocks differ): history is ordered by the database's sequence.
 */
final class Ulid {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private static long lastTime;
    private static final char[] LAST = new char[26];

    private Ulid() {
    }

    /** An id for now, {@code time} being this replica's clock in epoch milliseconds. */
    static synchronized String next(long time) {
        if (time <= lastTime && increment()) {
            return new String(LAST);
        }
        lastTime = time;
        for (int i = 9; i >= 0; i--) {
            LAST[i] = ALPHABET[(int) (time & 31)];
            time >>>= 5;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        // The first random digit stays below 16, so that a million increments in one millisecond cannot overflow.
        LAST[10] = ALPHABET[random.nextInt(16)];
        for (int i = 11; i < 26; i++) {
            LAST[i] = ALPHABET[random.nextInt(32)];
        }
        return new String(LAST);
    }

    /** Adds one to the random part of the last id; false if it would overflow (then a new one is drawn). */
    private static boolean increment() {
        for (int i = 25; i >= 10; i--) {
            int digit = indexOf(LAST[i]);
            if (digit < 31) {
                LAST[i] = ALPHABET[digit + 1];
                return true;
            }
            LAST[i] = ALPHABET[0];
        }
        return false;
    }

    private static int indexOf(char c) {
        for (int i = 0; i < ALPHABET.length; i++) {
            if (ALPHABET[i] == c) {
                return i;
            }
        }
        throw new IllegalStateException();
    }
}
