-- The same rows as grid_periods_daily.sql from client_months, when every line up
-- to the as-of dates is kept (no filter but an end date on or after them) and the
-- periods are months: a window starts on the first day of a month, and so does
-- an as-of date's own period, so the months read are exactly the whole periods'
-- days. client_months holds one row per client and month, so its rows are the
-- periods as they are (grid_periods_quarters.sql groups them for quarters).
SELECT client_id, month AS period, coalesce({basis}, 0) AS basis, last_date AS last_purchase
FROM client_months
WHERE month >= (SELECT min(window_start) FROM as_of_dates)
  AND month < (SELECT max(as_of_period) FROM as_of_periods)
