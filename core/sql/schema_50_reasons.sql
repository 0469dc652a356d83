-- Loss reasons people give (recorded in the app or loaded from a reasons file),
-- keyed by client id and a date inside the loss, so they survive re-uploads
-- and deletes of lines. Reasons from an uploaded column stay on the lines.
CREATE TABLE IF NOT EXISTS loss_reasons (
    client_id VARCHAR NOT NULL,
    at_date   DATE,              -- the loss's last purchase (app) or the file's date; NULL = latest loss
    reason    VARCHAR NOT NULL,
    source    VARCHAR NOT NULL,  -- 'app' or 'file'
    file_name VARCHAR,
    set_by    VARCHAR,
    set_at    TIMESTAMP NOT NULL
);

-- The editable catalogue of reasons offered on the page.
CREATE TABLE IF NOT EXISTS loss_reason_catalogue (
    reason   VARCHAR PRIMARY KEY,
    position INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS loss_reason_catalogue_seeded (seeded BOOLEAN);

-- The article's reasons plus the common ones, offered once; people edit the list after.
INSERT INTO loss_reason_catalogue
SELECT reason, position FROM (VALUES
    ('service_level', 1), ('quality', 2), ('broken_promises', 3), ('opinion_ignored', 4),
    ('price', 5), ('competitor', 6), ('closed_or_merged', 7), ('other', 8)
) AS defaults(reason, position)
WHERE NOT EXISTS (SELECT 1 FROM loss_reason_catalogue_seeded);

INSERT INTO loss_reason_catalogue_seeded
SELECT true WHERE NOT EXISTS (SELECT 1 FROM loss_reason_catalogue_seeded);
