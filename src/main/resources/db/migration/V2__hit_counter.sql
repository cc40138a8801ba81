-- Fixed-window counters shared by every replica: changes per agent per minute (and, later, verification attempts).
CREATE TABLE hit_counter (
    key          TEXT        NOT NULL,
    window_start TIMESTAMPTZ NOT NULL,
    hits         BIGINT      NOT NULL,
    PRIMARY KEY (key, window_start)
);
