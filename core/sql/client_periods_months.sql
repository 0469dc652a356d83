-- The same rows as client_periods_daily.sql for months, when core.analysis.months_cover
-- says client_months holds the same days: the months before the as-of date's own
-- month are client_months' rows as they are (one per client and month already),
-- the as-of month is summed from its days up to the as-of date.
-- Values: as-of, first day of the earliest window, clients to leave out (list),
-- once each, as client_periods_daily.sql takes them.
period_bounds AS (
    SELECT *, CAST(date_trunc('month', as_of) AS DATE) AS as_of_month
    FROM (SELECT CAST(? AS DATE) AS as_of, CAST(? AS DATE) AS first_day, CAST(? AS VARCHAR[]) AS left_out)
),
client_periods AS (
    SELECT client_id, month AS period_start, {basis} AS basis, revenue, margin, last_date
    FROM client_months
    WHERE month >= (SELECT first_day FROM period_bounds)
      AND month < (SELECT as_of_month FROM period_bounds)
      AND NOT list_contains((SELECT left_out FROM period_bounds), client_id)
    UNION ALL
    SELECT client_id, (SELECT as_of_month FROM period_bounds), sum({basis}), sum(revenue), sum(margin), max(date)
    FROM d
    WHERE date >= (SELECT as_of_month FROM period_bounds)
      AND date <= (SELECT as_of FROM period_bounds)
      AND NOT list_contains((SELECT left_out FROM period_bounds), client_id)
    GROUP BY client_id
)
