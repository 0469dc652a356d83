-- The churn base's spans of the clients without a known reason, grouped by
-- purchase day and gap to the next purchase (NULL: none up to the cutoff):
-- how many spans, how many follow an earlier purchase, their summed 365-day
-- basis (and that sum in ten-thousandths of the money unit, exact in 64 bits:
-- 0 for no value, null when it would not fit). Every figure of a loss or an
-- active span depends on a span only through these, so moving L filters some
-- 10^5 groups instead of every span (core.churn._Sums).
-- Follows churn_spans.sql (or its stored twin) and churn_reason_clients.sql.
SELECT sp.last_purchase AS day,
       (sp.next_purchase - sp.last_purchase)::INTEGER AS gap,
       count(*) AS spans,
       count(sp.previous_purchase) AS repeats,
       sum(sp.value_365) AS value,
       coalesce(TRY_CAST(sum(sp.value_365) * 10000 AS BIGINT), CASE WHEN sum(sp.value_365) IS NULL THEN 0 END) AS units
FROM spans sp
ANTI JOIN reason_clients r ON sp.client_id = r.client_id
GROUP BY ALL
