-- The whole periods of grid_stats.sql from the filtered days: each client's basis
-- and last purchase per complete period from the earliest window's start to the
-- latest as-of date's own period (not included).
SELECT client_id, date_trunc('{period}', date) AS period,
       coalesce(sum({basis}), 0) AS basis, max(date) AS last_purchase
FROM filtered
WHERE date >= (SELECT min(window_start) FROM as_of_dates)
  AND date < (SELECT max(as_of_period) FROM as_of_periods)
GROUP BY ALL
