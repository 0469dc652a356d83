-- Every client's revenue, margin and last day per period with a line, from the first
-- period of the filtered lines up to the as-of date: what core.periods keeps in memory,
-- and core.concentration and core.grid sum each analysis window from (a window's sums
-- are its periods', a running sum as the windows move).
-- client_periods, spliced in: from the days (client_periods_daily.sql) or, for months
-- where it holds the same days, from client_months (client_periods_months.sql).
-- A period is numbered from the first one (0); sums are in ten-thousandths of the
-- money unit (DOMAIN.md keeps 4 places), so every sum over them stays exact in 64-bit
-- integers. A margin with no value counts 0 (margin_valued says so); a sum too large
-- for 64 bits is null, and refused by the caller.
-- {daily}: filtered daily fragment; {period}: month | quarter | week; {basis}: revenue
-- (both sums are read); {diff_unit}/{diff_step}: how to count periods
-- (core.analysis.PERIOD_STEPS).
-- Values: filter values, as-of, first day, clients to leave out (list, empty here:
-- core.concentration leaves them out of the kept periods), first period.
WITH d AS ({daily}),
{client_periods}
SELECT client_id,
       CAST(date_diff('{diff_unit}', CAST(? AS DATE), period_start) // {diff_step} AS INTEGER) AS period,
       TRY_CAST(revenue * 10000 AS BIGINT) AS revenue,
       coalesce(TRY_CAST(margin * 10000 AS BIGINT), CASE WHEN margin IS NULL THEN 0 END) AS margin,
       margin IS NOT NULL AS margin_valued,
       last_date
FROM client_periods
ORDER BY period;
