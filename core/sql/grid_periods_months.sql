-- The same rows as grid_periods_daily.sql from client_months, when every line up
-- to the as-of dates is kept (no filter but an end date on or after them) and the
-- periods are months or quarters: a window starts on the first day of a period,
-- and an as-of date's own period begins a month, so the months read are exactly
-- the whole periods' days.
SELECT client_id, date_trunc('{period}', month) AS period,
       coalesce(sum({basis}), 0) AS basis, max(last_date) AS last_purchase
FROM client_months
WHERE month >= (SELECT min(window_start) FROM as_of_dates)
  AND month < (SELECT max(as_of_period) FROM as_of_periods)
GROUP BY ALL
