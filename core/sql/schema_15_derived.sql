-- Derived: one row per client and purchase day over all stored lines, with the
-- purchase days before and after it and the revenue / margin of the 365
-- calendar days ending on it. Refreshed with daily and clients, for the clients
-- a change touched, in the same transaction as every change to the lines
-- (core/sql/refresh_client_days.sql, core.store.refresh_derived);
-- the churn figures read it when no filter narrows the lines (core/churn.py).
CREATE TABLE IF NOT EXISTS client_days (
    client_id     VARCHAR NOT NULL,
    date          DATE NOT NULL,
    previous_date DATE,
    next_date     DATE,
    revenue       DECIMAL(38, 4) NOT NULL,
    margin        DECIMAL(38, 4),
    revenue_365   DECIMAL(38, 4) NOT NULL,
    margin_365    DECIMAL(38, 4)
);

-- What client_days was built from: the number of lines and the newest upload.
-- A database loaded before client_days existed (or by older code) does not
-- match, and the churn figures then take the path over daily.
CREATE TABLE IF NOT EXISTS client_days_built (
    line_count  BIGINT NOT NULL,
    last_upload INTEGER
);
