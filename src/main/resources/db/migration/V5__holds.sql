-- A wallet's hold: placed by a deactivate through this service that ended with the wallet deactivated (in the same
-- statement that finishes that change), lifted by an activate that ended with it active. One per wallet; a
-- SUSPECTED_FRAUD hold replaces a hold of another reason, and nothing replaces it but an activate (a supervisor's).
CREATE TABLE wallet_hold (
    customer_id TEXT        PRIMARY KEY,
    reason      TEXT,                      -- as given on that deactivate; null when none was given
    ticket_id   TEXT,
    agent       TEXT        NOT NULL,      -- the token's subject
    since       TIMESTAMPTZ NOT NULL,      -- the deactivation's finish time, the database's clock
    change_id   TEXT        NOT NULL       -- the wallet_change that placed it
);
