-- The stored sales lines, the upload log, and the tables derived from them.
CREATE SEQUENCE IF NOT EXISTS upload_id_seq START 1;

CREATE TABLE IF NOT EXISTS uploads (
    upload_id     INTEGER PRIMARY KEY,
    file_name     VARCHAR NOT NULL,
    sha256        VARCHAR NOT NULL,
    sheet         VARCHAR,
    source_key    VARCHAR NOT NULL,   -- fingerprint of the headers: "same source"
    mapping       JSON,
    options       JSON,
    rows_loaded   BIGINT,
    rows_rejected BIGINT,
    date_min      DATE,
    date_max      DATE,
    amount_total  DECIMAL(38, 4),
    margin_total  DECIMAL(38, 4),
    replaced_rows BIGINT DEFAULT 0,
    loaded_by     VARCHAR,
    loaded_at     TIMESTAMP
);

CREATE TABLE IF NOT EXISTS lines (
    upload_id   INTEGER NOT NULL,
    row_number  BIGINT NOT NULL,      -- line of the source file, for error reports
    date        DATE NOT NULL,
    client_id   VARCHAR NOT NULL,
    client_name VARCHAR,
    amount      DECIMAL(20, 4) NOT NULL, -- revenue, exact; negative lines are returns
    margin      DECIMAL(20, 4),
    quantity    DOUBLE,
    product     VARCHAR,
    order_id    VARCHAR,
    manager     VARCHAR,
    region      VARCHAR,
    segment     VARCHAR,
    loss_reason VARCHAR,
    client_kind VARCHAR               -- image maker / expert, when the export says so
);

CREATE TABLE IF NOT EXISTS rejected_rows (
    upload_id  INTEGER NOT NULL,
    row_number BIGINT NOT NULL,
    reason     VARCHAR NOT NULL,
    raw        VARCHAR
);

CREATE TABLE IF NOT EXISTS mappings (
    source_key VARCHAR PRIMARY KEY,
    headers    JSON,
    mapping    JSON,
    options    JSON,
    updated_at TIMESTAMP
);

-- Derived: one row per client, day and (manager, region, segment) — what every
-- analysis reads. Refreshed (for the client-days a change touched) in the same
-- transaction as every change to lines.
CREATE TABLE IF NOT EXISTS daily (
    client_id VARCHAR NOT NULL,
    date      DATE NOT NULL,
    manager   VARCHAR,
    region    VARCHAR,
    segment   VARCHAR,
    revenue   DECIMAL(38, 4) NOT NULL,
    margin    DECIMAL(38, 4),
    lines     BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS clients (
    client_id   VARCHAR PRIMARY KEY,
    client_name VARCHAR,
    manager     VARCHAR,
    region      VARCHAR,
    segment     VARCHAR,
    first_date  DATE,
    last_date   DATE,
    revenue     DECIMAL(38, 4),
    margin      DECIMAL(38, 4)
);
