-- The kinds of key client a person sets (prospect, image maker, expert), keyed by
-- client id so they survive re-uploads, fresh exports and deletes of lines; every
-- change is kept in the history with who made it and when.
CREATE TABLE IF NOT EXISTS client_tags (
    client_id VARCHAR NOT NULL,
    kind      VARCHAR NOT NULL,   -- prospect | image_maker | expert
    set_by    VARCHAR NOT NULL,
    set_at    TIMESTAMP NOT NULL,
    note      VARCHAR
);

CREATE TABLE IF NOT EXISTS client_tag_history (
    client_id VARCHAR NOT NULL,
    kind      VARCHAR NOT NULL,
    action    VARCHAR NOT NULL,   -- set | removed
    changed_by VARCHAR NOT NULL,
    changed_at TIMESTAMP NOT NULL,
    note      VARCHAR
);

-- Every client's kinds, what the shared "kind" filter reads. Breadwinner is
-- computed here, with fixed settings because a view takes no parameters: over
-- the last 12 calendar months of all stored lines (the month of the latest date
-- and the 11 before it), a client whose margin is 10 % or more of the summed
-- positive client margins (revenue when no line carries a margin). The
-- concentration page computes breadwinners again over its own window.
CREATE OR REPLACE VIEW client_kinds AS
WITH latest AS (
    SELECT max(date) AS last_date, count(margin) > 0 AS has_margin FROM daily
),
recent AS (
    SELECT d.client_id,
           sum(CASE WHEN latest.has_margin THEN d.margin ELSE d.revenue END) AS basis
    FROM daily AS d, latest
    WHERE d.date >= CAST(date_trunc('month', latest.last_date) - INTERVAL 11 MONTH AS DATE)
    GROUP BY d.client_id
),
positive AS (
    SELECT client_id, basis / sum(basis) OVER () AS share FROM recent WHERE basis > 0
)
SELECT client_id, 'breadwinner' AS kind FROM positive WHERE share >= 0.10
UNION
SELECT client_id, kind FROM client_tags
UNION
-- image maker and expert as an uploaded column says (English, Russian, Georgian words)
SELECT client_id,
       CASE WHEN regexp_matches(lower(client_kind), 'image|имидж|იმიჯ') THEN 'image_maker'
            WHEN regexp_matches(lower(client_kind), 'expert|эксперт|ექსპერტ') THEN 'expert' END AS kind
FROM (SELECT DISTINCT client_id, client_kind FROM lines WHERE client_kind IS NOT NULL)
WHERE kind IS NOT NULL;
