-- Prospects and their qualification by the three "P" (DOMAIN.md "Prospects: the
-- three P"): need, pay (solvency), power (the contact decides), each yes |
-- unclear | no with a note. A prospect may be a company not yet in the sales
-- data; once it buys it is linked to its client id and keeps its history.
-- Append-only: every change is a whole new row for the prospect (prospect_id),
-- with who and when; the latest row is the prospect as it stands (core/prospects.py).
CREATE SEQUENCE IF NOT EXISTS prospect_id_seq START 1;
CREATE SEQUENCE IF NOT EXISTS prospect_entry_seq START 1;

CREATE TABLE IF NOT EXISTS prospect_entries (
    entry_id    BIGINT PRIMARY KEY DEFAULT nextval('prospect_entry_seq'),
    prospect_id BIGINT NOT NULL,
    name        VARCHAR NOT NULL,
    client_id   VARCHAR,            -- the client it is (or became), when known
    source      VARCHAR NOT NULL,   -- suggested | manual
    need        VARCHAR NOT NULL,   -- yes | unclear | no
    need_note   VARCHAR,
    pay         VARCHAR NOT NULL,
    pay_note    VARCHAR,
    power       VARCHAR NOT NULL,
    power_note  VARCHAR,
    status      VARCHAR NOT NULL,   -- new | contacted | negotiating | won | dropped
    owner       VARCHAR,
    note        VARCHAR,
    changed_by  VARCHAR NOT NULL,
    changed_at  TIMESTAMP NOT NULL
);
