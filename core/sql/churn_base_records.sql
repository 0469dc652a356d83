-- The churn base's spans that can be a client's latest won-back loss at some L,
-- for the clients without a known reason: a span followed by a purchase whose
-- gap is longer than every later span's of the same client. At a given L the
-- client's latest loss followed by a purchase is its latest such span with a gap
-- over L (a later span with a longer gap would be later still), so moving L
-- filters these few per client instead of every span (core.churn._returned).
-- client_last is the client's last purchase up to the cutoff (the latest
-- purchase that follows a span): at an L it passes, that purchase is itself a
-- loss, later and not won back. By client, latest first; the basis as the
-- nearest float, as every list reads it.
-- Follows churn_spans.sql (or its stored twin) and churn_reason_clients.sql.
SELECT client_id, last_purchase, next_purchase, gap, value_365::DOUBLE AS value_365, client_last
FROM (
    SELECT sp.client_id, sp.last_purchase, sp.next_purchase, sp.value_365,
           (sp.next_purchase - sp.last_purchase)::INTEGER AS gap,
           max((sp.next_purchase - sp.last_purchase)::INTEGER) OVER (
               PARTITION BY sp.client_id ORDER BY sp.last_purchase DESC
               ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING
           ) AS later_gap,
           max(sp.next_purchase) OVER (PARTITION BY sp.client_id) AS client_last
    FROM spans sp
    ANTI JOIN reason_clients r ON sp.client_id = r.client_id
    WHERE sp.next_purchase IS NOT NULL
)
WHERE later_gap IS NULL OR gap > later_gap
ORDER BY client_id, last_purchase DESC
