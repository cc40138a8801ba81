-- Caller verifications in the wallet's history: action VERIFY, outcome VERIFIED or NOT_VERIFIED, finished when written
-- (so never a lease), and the names of the factors that matched. Never the caller's answers.
ALTER TABLE wallet_change ADD COLUMN matched TEXT;  -- comma-separated factor names, VERIFY entries only
