-- A wallet's history in the order the database took its entries, not by their ids: ids are made from a replica's
-- clock, and two replicas' clocks may differ. Entries already there keep the order of their ids.
CREATE SEQUENCE wallet_change_seq;
ALTER TABLE wallet_change ADD COLUMN seq BIGINT;
UPDATE wallet_change w SET seq = ordered.n
FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM wallet_change) ordered
WHERE w.id = ordered.id;
SELECT setval('wallet_change_seq', COALESCE((SELECT max(seq) FROM wallet_change), 0) + 1, false);
ALTER TABLE wallet_change ALTER COLUMN seq SET DEFAULT nextval('wallet_change_seq');
ALTER TABLE wallet_change ALTER COLUMN seq SET NOT NULL;
ALTER SEQUENCE wallet_change_seq OWNED BY wallet_change.seq;
DROP INDEX wallet_change_history;
CREATE INDEX wallet_change_history ON wallet_change (customer_id, seq DESC);
