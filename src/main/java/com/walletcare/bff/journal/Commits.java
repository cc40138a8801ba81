package com.walletcare.bff.journal;

/**
 * Commits that need not wait for the disk. Each waited-for commit costs a WAL flush, and on the change path that flush
 * (a few milliseconds on a busy disk, tens at its tail) is most of this service's own time per unlock. A statement
 * that nothing outside this database acts upon before a later statement's commit has reached the disk can skip the
 * wait: PostgreSQL writes its WAL in order, so a waited-for commit makes every commit before it durable too, and a
 * commit that was not waited for is visible to every other session at once all the same. A crash of the database
 * between the two loses the earlier one; the statement that relies on it then fails, and nothing was done on its
 * strength.
 */
final class Commits {

    /**
     * A FROM item that sets {@code synchronous_commit = off} for the statement's own transaction only
     * ({@code set_config(..., true)}, undone at its commit, so the pooled connection is left as it was).
     */
    static final String NOT_AWAITED = "(SELECT set_config('synchronous_commit', 'off', true)) AS not_awaited";

    private Commits() {
    }
}
