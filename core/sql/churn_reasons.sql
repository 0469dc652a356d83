-- Reasons per period of the loss date and over all periods shown (period_start
-- NULL); '' where no reason is known. clients counts distinct clients.
, periods AS (
    SELECT unnest(?::DATE[]) AS period_start, unnest(?::DATE[]) AS period_end
),
shown AS (
    SELECT p.period_start, coalesce(l.reason, '') AS reason, l.client_id, l.value_before_loss
    FROM periods p JOIN losses l ON l.loss_date >= p.period_start AND l.loss_date < p.period_end
)
SELECT period_start, reason,
       count(DISTINCT client_id) AS clients, count(*) AS losses, sum(value_before_loss) AS value
FROM shown
GROUP BY GROUPING SETS ((period_start, reason), (reason))
ORDER BY period_start NULLS FIRST, value DESC, reason
