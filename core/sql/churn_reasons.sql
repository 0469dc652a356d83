-- Reasons per period of the loss date and over all periods shown (period_start
-- NULL); '' where no reason is known. clients counts distinct clients. Reads
-- weighted_losses (churn_weighted.sql; the churn base's numpy twin,
-- core.churn._FromBase.reasons, counts a group of spans of clients without a
-- known reason as that many clients, distinct within one period because the
-- base is read only when L is at least the longest period).
, periods AS (
    SELECT unnest(?::DATE[]) AS period_start, unnest(?::DATE[]) AS period_end
),
shown AS (
    SELECT p.period_start, coalesce(l.reason, '') AS reason, l.client_id, l.weight, l.value
    FROM periods p JOIN weighted_losses l ON l.loss_date >= p.period_start AND l.loss_date < p.period_end
)
SELECT period_start, reason,
       count(DISTINCT client_id)::BIGINT AS clients,
       sum(weight)::BIGINT AS losses,
       sum(value) AS value
FROM shown
GROUP BY GROUPING SETS ((period_start, reason), (reason))
ORDER BY period_start NULLS FIRST, value DESC, reason
