-- Derived: one row per client and calendar month with a purchase, over all stored
-- lines: the month's revenue and margin and its last purchase day. Refreshed with
-- daily, for the (client, month) pairs a change touched, in the same transaction
-- as every change to the lines (core/sql/refresh_client_months.sql,
-- core.store.refresh_derived). The grid reads its whole months (and quarters)
-- from here, half the rows of daily, when no filter narrows the lines
-- (core/sql/grid_periods_months.sql, grid_periods_quarters.sql).
CREATE TABLE IF NOT EXISTS client_months (
    client_id VARCHAR NOT NULL,
    month     DATE NOT NULL,
    revenue   DECIMAL(38, 4) NOT NULL,
    margin    DECIMAL(38, 4),
    last_date DATE NOT NULL
);

-- What client_months was built from, as client_days_built says it for client_days: a
-- store made before client_months existed has no row here, and the grid then reads daily.
CREATE TABLE IF NOT EXISTS client_months_built (
    line_count  BIGINT NOT NULL,
    last_upload INTEGER
);
