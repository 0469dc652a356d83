-- Win-back work the team records (DOMAIN.md "Win-back"), keyed by client id so it
-- survives re-uploads, fresh exports and deletes of lines.
--
-- The status history: every change is a new row (to_contact -> contacted ->
-- offer_made -> won_back | declined), with owner, next step, note, who and when;
-- nothing is updated in place. last_purchase is the last purchase of the loss
-- (or at-risk spell) the entry is about: when the client buys again and is
-- later lost once more, the new loss starts again at "to contact".
CREATE SEQUENCE IF NOT EXISTS winback_entry_seq START 1;

CREATE TABLE IF NOT EXISTS winback_status_history (
    entry_id      BIGINT PRIMARY KEY DEFAULT nextval('winback_entry_seq'),
    client_id     VARCHAR NOT NULL,
    status        VARCHAR NOT NULL,   -- to_contact | contacted | offer_made | won_back | declined
    owner         VARCHAR,
    next_step     DATE,
    note          VARCHAR,
    last_purchase DATE,
    changed_by    VARCHAR NOT NULL,
    changed_at    TIMESTAMP NOT NULL
);

-- The lever rules the team edits on the page. The first rule, by position, whose
-- conditions all hold fires; an empty condition holds for every client.
-- former: an ABC class (A, B, C) or a whole ABC-XYZ cell (AX ... CZ).
-- reason: a loss reason (compared without case). lever: a known lever key
-- (translated on the page) or the team's own words.
CREATE TABLE IF NOT EXISTS winback_lever_rules (
    position   INTEGER PRIMARY KEY,
    former     VARCHAR,
    reason     VARCHAR,
    lever      VARCHAR NOT NULL,
    changed_by VARCHAR,
    changed_at TIMESTAMP
);

CREATE TABLE IF NOT EXISTS winback_lever_rules_seeded (seeded BOOLEAN);

-- The defaults, offered once; after that the table is the team's. The reason
-- rules come first: the reason says what to repair, and a discount does not
-- repair a broken service. The class rules catch the rest; the last rule
-- makes sure every candidate gets a lever.
INSERT INTO winback_lever_rules
SELECT position, former, reason, lever, 'defaults', NULL FROM (VALUES
    (10, NULL, 'price', 'discount'),
    (20, NULL, 'quality', 'meeting_then_offer'),
    (30, NULL, 'service_level', 'meeting_then_offer'),
    (40, 'A', NULL, 'meeting_and_offer'),
    (50, 'B', NULL, 'discount_usual'),
    (60, 'C', NULL, 'gift_or_standard'),
    (70, NULL, NULL, 'standard_offer')
) AS defaults(position, former, reason, lever)
WHERE NOT EXISTS (SELECT 1 FROM winback_lever_rules_seeded);

INSERT INTO winback_lever_rules_seeded
SELECT true WHERE NOT EXISTS (SELECT 1 FROM winback_lever_rules_seeded);
