package com.walletcare.bff.journal;

import java.util.concurrent.ThreadLocalRandom;

/** ULIDs (26 characters, Crockford base32: 48 bits of milliseconds, 80 random): ids that sort by creation time. */
final class Ulid {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private Ulid() {
    }

    static String next() {
        char[] id = new char[26];
        long time = System.currentTimeMillis();
        for (int i = 9; i >= 0; i--) {
            id[i] = ALPHABET[(int) (time & 31)];
            time >>>= 5;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 10; i < 26; i++) {
            id[i] = ALPHABET[random.nextInt(32)];
        }
        return new String(id);
    }
}
