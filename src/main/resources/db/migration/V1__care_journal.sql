-- The care journal: every change asked of a wallet through this service, and the lease that keeps changes to one
-- wallet one at a time across replicas. The unfinished row of a wallet IS its lease: at most one per wallet.
CREATE TABLE wallet_change (
    id            TEXT        PRIMARY KEY,  -- time-ordered (ULID), so ids sort newest first and page by id
    customer_id   TEXT        NOT NULL,
    action        TEXT        NOT NULL,     -- UNLOCK, ACTIVATE, DEACTIVATE
    agent         TEXT        NOT NULL,     -- the token's subject
    reason        TEXT,
    ticket_id     TEXT,
    request_id    TEXT        NOT NULL,
    status_before TEXT,                     -- looked up under the lease, before the first gateway write
    status_after  TEXT,
    outcome       TEXT,                     -- the action's outcome or the problem code it ended with
    completed_by  TEXT,                     -- REQUEST or RECOVERY
    requested_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at   TIMESTAMPTZ,
    holder        TEXT,                     -- the replica working on it, while unfinished
    lease_until   TIMESTAMPTZ               -- renewed by the holder; past it, the recovery sweep takes over
);

CREATE UNIQUE INDEX wallet_change_one_open_per_wallet ON wallet_change (customer_id) WHERE finished_at IS NULL;
CREATE INDEX wallet_change_history ON wallet_change (customer_id, id DESC);
CREATE INDEX wallet_change_expired_leases ON wallet_change (lease_until) WHERE finished_at IS NULL;
