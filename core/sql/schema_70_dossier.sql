-- The client dossier people keep (DOMAIN.md "Dossier of a key client"), keyed by
-- client id so it survives re-uploads, fresh exports and deletes of sales lines.
-- Every table is append-only: an edit is a new row with who and when, never an
-- update in place, so the whole history stays readable (core/dossier.py).
CREATE SEQUENCE IF NOT EXISTS dossier_entry_seq START 1;
CREATE SEQUENCE IF NOT EXISTS dossier_record_seq START 1;

-- General facts: one row per change of one field; a field's value is its latest row.
-- field: description | employees | history | structure | environment
CREATE TABLE IF NOT EXISTS dossier_facts (
    entry_id   BIGINT PRIMARY KEY DEFAULT nextval('dossier_entry_seq'),
    client_id  VARCHAR NOT NULL,
    field      VARCHAR NOT NULL,
    value      VARCHAR,
    changed_by VARCHAR NOT NULL,
    changed_at TIMESTAMP NOT NULL
);

-- The relationship as dated events. record_id names the event across its
-- versions; the latest version counts, and a version with action 'removed'
-- takes the event off the dossier (its history stays).
-- outcome: won | lost | neutral
CREATE TABLE IF NOT EXISTS dossier_events (
    entry_id   BIGINT PRIMARY KEY DEFAULT nextval('dossier_entry_seq'),
    record_id  BIGINT NOT NULL,
    client_id  VARCHAR NOT NULL,
    event_date DATE,
    what       VARCHAR,
    our_people VARCHAR,
    their_people VARCHAR,
    outcome    VARCHAR,
    why        VARCHAR,
    action     VARCHAR NOT NULL,   -- saved | removed
    changed_by VARCHAR NOT NULL,
    changed_at TIMESTAMP NOT NULL
);

-- The decision-making map: people of the client, their role, influence,
-- attitude to us, and whom they report to (another person's record_id).
-- influence: high | medium | low; attitude: supporter | neutral | opponent
CREATE TABLE IF NOT EXISTS dossier_people (
    entry_id   BIGINT PRIMARY KEY DEFAULT nextval('dossier_entry_seq'),
    record_id  BIGINT NOT NULL,
    client_id  VARCHAR NOT NULL,
    name       VARCHAR,
    role       VARCHAR,
    influence  VARCHAR,
    attitude   VARCHAR,
    reports_to BIGINT,
    note       VARCHAR,
    action     VARCHAR NOT NULL,
    changed_by VARCHAR NOT NULL,
    changed_at TIMESTAMP NOT NULL
);

-- Competitors courting the client: who, what they offer, since when.
CREATE TABLE IF NOT EXISTS dossier_competitors (
    entry_id   BIGINT PRIMARY KEY DEFAULT nextval('dossier_entry_seq'),
    record_id  BIGINT NOT NULL,
    client_id  VARCHAR NOT NULL,
    competitor VARCHAR,
    offer      VARCHAR,
    since      DATE,
    note       VARCHAR,
    action     VARCHAR NOT NULL,
    changed_by VARCHAR NOT NULL,
    changed_at TIMESTAMP NOT NULL
);
