-- Reasons per period of the loss date and over all periods shown (period_start
-- NULL); '' where no reason is known. clients counts distinct clients. Reads
-- weighted_losses and plain_lost_clients (churn_weighted.sql, or the churn
-- base's churn_fast_weighted.sql): a row without client_id stands for
-- ``weight`` losses of as many clients without a known reason — distinct
-- within one period because the base is read only when L is at least the
-- longest period, and over all periods counted by plain_lost_clients.
, periods AS (
    SELECT unnest(?::DATE[]) AS period_start, unnest(?::DATE[]) AS period_end
),
shown AS (
    SELECT p.period_start, coalesce(l.reason, '') AS reason, l.client_id, l.weight, l.value
    FROM periods p JOIN weighted_losses l ON l.loss_date >= p.period_start AND l.loss_date < p.period_end
)
SELECT period_start, reason,
       (count(DISTINCT client_id)
        + CASE WHEN grouping(period_start) = 0 THEN coalesce(sum(weight) FILTER (WHERE client_id IS NULL), 0)
               WHEN reason = '' THEN (SELECT clients FROM plain_lost_clients)
               ELSE 0 END)::BIGINT AS clients,
       sum(weight)::BIGINT AS losses,
       sum(value) AS value
FROM shown
GROUP BY GROUPING SETS ((period_start, reason), (reason))
ORDER BY period_start NULLS FIRST, value DESC, reason
