-- The losses, with their reasons; follows churn_spans.sql (or the same
-- settings and spans read from a materialised table). Needs settings, spans.
events AS (
    -- A loss: L days after a purchase with no purchase up to and including
    -- that day; only losses dated up to the as-of date count.
    SELECT sp.client_id,
           sp.last_purchase,
           sp.last_purchase + s.lost_days AS loss_date,
           sp.value_365 AS value_before_loss,
           sp.next_purchase AS won_back_date
    FROM spans sp, settings s
    WHERE sp.last_purchase + s.lost_days <= s.as_of
      AND (sp.next_purchase IS NULL OR sp.next_purchase > sp.last_purchase + s.lost_days)
),
given_reasons AS (
    -- Every known reason, with its precedence: recorded in the app (3) over a
    -- reasons file (2) over an uploaded column (1); the newest wins within one.
    SELECT client_id, at_date, trim(reason) AS reason,
           CASE WHEN source = 'app' THEN 3 ELSE 2 END AS priority, set_at
    FROM loss_reasons
    UNION ALL
    SELECT client_id, date, max(trim(loss_reason)), 1, NULL::TIMESTAMP
    FROM lines
    WHERE loss_reason IS NOT NULL AND trim(loss_reason) <> ''
    GROUP BY client_id, date
),
reason_aliases AS (
    SELECT unnest(reason_labels) AS alias, unnest(reason_codes) AS code FROM settings
),
reason_rows AS (
    -- A reason written as a built-in one's label (English or Georgian, any
    -- case) is that built-in reason, so the breakdown counts it once.
    SELECT g.client_id, g.at_date, coalesce(a.code, g.reason) AS reason, g.priority, g.set_at
    FROM given_reasons g
    LEFT JOIN reason_aliases a ON lower(g.reason) = a.alias
),
open_events AS (
    SELECT client_id, last_purchase, coalesce(won_back_date, DATE '9999-12-31') AS open_until
    FROM events
),
matched_reasons AS (
    -- A dated reason belongs to the first loss not yet won back on that date.
    SELECT e.client_id, e.last_purchase, r.reason, r.priority, r.set_at, r.at_date
    FROM reason_rows r ASOF JOIN open_events e
      ON r.client_id = e.client_id AND r.at_date < e.open_until
    UNION ALL
    -- An undated reason belongs to the client's latest loss.
    SELECT e.client_id, e.last_purchase, r.reason, r.priority, r.set_at, r.at_date
    FROM reason_rows r
    JOIN (SELECT client_id, max(last_purchase) AS last_purchase FROM events GROUP BY client_id) e
      ON r.client_id = e.client_id
    WHERE r.at_date IS NULL
),
event_reasons AS (
    SELECT client_id, last_purchase, reason
    FROM matched_reasons
    QUALIFY row_number() OVER (PARTITION BY client_id, last_purchase
                               ORDER BY priority DESC, set_at DESC NULLS LAST, at_date DESC NULLS LAST) = 1
),
losses AS (
    SELECT e.*, er.reason
    FROM events e
    LEFT JOIN event_reasons er USING (client_id, last_purchase)
)
