-- Every client's basis in each of several rolling analysis windows (a fragment:
-- the CTEs from d to window_clients, spliced after WITH by core/sql/concentration_figures.sql
-- for the concentration trend). A window is named by the start of its last period
-- and its first period; lines after the as-of date are left out. window_clients holds one
-- row (last_period, client_id, basis) per window and client with a line in it.
-- client_periods, spliced in: each client's basis per period with a line, from the
-- earliest window's first day to the as-of date, from the days
-- (client_periods_daily.sql) or, for months where it holds the same days, from
-- client_months (client_periods_months.sql).
-- {daily}: filtered daily fragment; {period}: month | quarter | week; {basis}: column;
-- {diff_unit}/{diff_step}: how to count periods (core.analysis.PERIOD_STEPS).
-- Values: filter values, as-of, first day of the earliest window, clients to leave
-- out (list), window ends (list), window starts (list).
d AS ({daily}),
{client_periods},
windows AS (
    SELECT unnest(CAST(? AS DATE[])) AS last_period, unnest(CAST(? AS DATE[])) AS first_period
),
-- The windows are consecutive periods (core.concentration.window_ends), each the
-- same number of periods long: window k (0 for the earliest) holds the periods
-- numbered k to k + length - 1, counted from the earliest window's first period.
numbered AS (
    SELECT row_number() OVER (ORDER BY last_period) - 1 AS k, last_period FROM windows
),
shape AS (
    SELECT count(*) AS windows, min(first_period) AS first_period,
           date_diff('{diff_unit}', min(first_period), min(last_period)) // {diff_step} + 1 AS length
    FROM windows
),
-- A client's basis in each window without one row per window and period: each
-- period with lines adds its basis from the first window holding it and takes
-- it back from the first window after the last one holding it. A running sum
-- over those changes, client by client, is the client's basis from that window
-- until its next change (exact decimals, so nothing is left over when a period
-- leaves); the client is in those windows while a period with lines is inside.
-- Two changes can fall on one window (a period entering as another leaves): the
-- running sum takes them together (RANGE: each carries every change up to and in
-- its window, whatever order they sort in), and only the last of them, whose next
-- change is in a later window, spans any windows (the others' range is empty).
numbered_periods AS (
    SELECT client_id, basis,
           date_diff('{diff_unit}', (SELECT first_period FROM shape), period_start) // {diff_step} AS i
    FROM client_periods
),
changes AS (
    SELECT p.client_id, greatest(p.i - s.length + 1, 0) AS k, p.basis AS change, 1 AS periods
    FROM numbered_periods p, shape s
    UNION ALL
    SELECT p.client_id, p.i + 1, -p.basis, -1
    FROM numbered_periods p, shape s
    WHERE p.i + 1 < s.windows
),
spans AS (
    SELECT client_id, k,
           sum(change) OVER by_window AS basis,
           sum(periods) OVER by_window AS periods,
           lead(k, 1, (SELECT windows FROM shape)) OVER (PARTITION BY client_id ORDER BY k) AS next_k
    FROM changes
    WINDOW by_window AS (PARTITION BY client_id ORDER BY k RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
),
window_clients AS (
    SELECT n.last_period, s.client_id, s.basis
    FROM (SELECT client_id, basis, unnest(range(k, next_k)) AS k FROM spans WHERE periods > 0) s
    JOIN numbered n USING (k)
)
