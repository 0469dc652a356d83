-- Who manages which client where the sales lines carry no manager (DOMAIN.md
-- "The key account manager"): an assignments file, client -> manager or
-- region -> manager, each row optionally dated (date_from) so that a
-- reassignment keeps the history: a line is credited to the assignment in
-- force on its date. Kept apart from the lines, so assignments survive
-- re-uploads and deletes of sales data (core/managers.py).
CREATE SEQUENCE IF NOT EXISTS assignment_load_seq START 1;

CREATE TABLE IF NOT EXISTS assignment_loads (
    load_id     BIGINT PRIMARY KEY,
    file_name   VARCHAR NOT NULL,
    sha256      VARCHAR NOT NULL,
    sheet       VARCHAR,
    columns     JSON,               -- role -> column used
    rows_loaded BIGINT NOT NULL,
    rows_rejected BIGINT NOT NULL,
    loaded_by   VARCHAR NOT NULL,
    loaded_at   TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS manager_assignments (
    load_id    BIGINT NOT NULL,
    row_number BIGINT NOT NULL,     -- line of the source file
    scope      VARCHAR NOT NULL,    -- client | region
    key        VARCHAR NOT NULL,    -- the client id or the region
    manager    VARCHAR NOT NULL,
    date_from  DATE                 -- NULL: from the beginning
);

-- The assignments in force: for each client or region and start date, the row
-- of the latest load (a later file restating a row replaces it).
CREATE OR REPLACE VIEW current_assignments AS
SELECT scope, key, manager, date_from, coalesce(date_from, DATE '0001-01-01') AS since
FROM manager_assignments
QUALIFY row_number() OVER (PARTITION BY scope, key, date_from ORDER BY load_id DESC, row_number DESC) = 1;
