-- The same start as churn_spans.sql, read from the stored client_days table
-- instead of a sort of the filtered daily table. Valid only when no filter
-- narrows the lines but the date_to bound (core.churn._stored_spans_allowed):
-- the days up to the cutoff (the earlier of as-of and date_to) are the days
-- the filtered path keeps, the previous day and the 365-day basis of a day
-- depend only on the days before it, and the next day counts only when it is
-- on or before the cutoff. {basis} is a whitelisted column.
-- Bound values, in order: as_of, lost_days, risk_k, the built-in reasons'
-- labels and their codes, then the cutoff.
WITH settings AS (
    SELECT ?::DATE AS as_of, ?::INTEGER AS lost_days, ?::DOUBLE AS risk_k,
           ?::VARCHAR[] AS reason_labels, ?::VARCHAR[] AS reason_codes
),
cutoff AS (SELECT ?::DATE AS day),
spans AS (
    SELECT cd.client_id,
           cd.date AS last_purchase,
           cd.previous_date AS previous_purchase,
           CASE WHEN cd.next_date <= c.day THEN cd.next_date END AS next_purchase,
           cd.{basis}_365 AS value_365
    FROM client_days cd, cutoff c
    WHERE cd.date <= c.day
)
