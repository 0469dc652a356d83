-- The per-client figures of the ABC-XYZ grid for one or more as-of dates,
-- before any limit is applied: one row per (as-of date, client with a line in
-- that date's window) with its periods, basis, purchase periods, last purchase
-- and (for the asked clients) the population variance of its per-period basis.
-- core/grid.py follows it with grid_classify.sql, directly (one query) or over
-- these figures kept in memory, so a move of the A/B/X/Y limits reads the
-- clients, not the lines.
-- Spliced before the call (fixed identifiers
-- from whitelists): {filtered} the filtered daily table, {first_dates} (above), the whole
-- periods' part (below), {basis} revenue|margin,
-- {period} week|month|quarter, {diff_unit}/{diff_step} how to count periods.
-- Bound, in order: the filter values, the as-of dates and their window starts
-- (two parallel lists), then a, b, measure, x, y, then the (as-of date, client)
-- pairs asked for (two parallel lists, former_cells) or two NULLs for every client.
WITH filtered AS ({filtered}),
as_of_dates AS (
    SELECT unnest(?::DATE[]) AS as_of, unnest(?::DATE[]) AS window_start
),
settings AS (
    SELECT ?::DOUBLE AS a, ?::DOUBLE AS b, ?::VARCHAR AS measure, ?::DOUBLE AS x, ?::DOUBLE AS y
),
asked_pairs AS (
    SELECT unnest(?::DATE[]) AS as_of, unnest(?::VARCHAR[]) AS client_id
),
-- A client's first period in the data the filters keep (lines after any as-of
-- date cannot move it: a client in a window has a line on or before its as-of).
-- {first_dates}: each client's first date, from the kept clients table when no
-- filter narrows the lines (or only an end date, which cannot move it), else
-- from the filtered days.
first_periods AS (
    SELECT client_id, date_trunc('{period}', first_date) AS first_period
    FROM ({first_dates})
),
as_of_periods AS (
    SELECT as_of, window_start, date_trunc('{period}', as_of) AS as_of_period FROM as_of_dates
),
-- Basis per client and complete period, computed once for every window: each
-- as-of date takes the periods of its window before its own period from here.
-- Spliced in (core.grid._statement): grid_periods_daily.sql (from the filtered days) or
-- grid_periods_months.sql / grid_periods_quarters.sql (from the kept client_months:
-- the same rows, when no filter narrows them and the periods are months or quarters).
whole_periods AS ({whole_periods}),
-- The period holding each as-of date, up to and including that date only.
as_of_period_basis AS (
    SELECT a.as_of, f.client_id, a.as_of_period AS period,
           coalesce(sum(f.{basis}), 0) AS basis, max(f.date) AS last_purchase
    FROM as_of_periods a
    JOIN filtered f ON f.date >= a.as_of_period AND f.date <= a.as_of
    -- implied by the join; said outright, it lets DuckDB skip the row groups of other dates
    WHERE f.date >= (SELECT CAST(min(as_of_period) AS DATE) FROM as_of_periods)
      AND f.date <= (SELECT max(as_of) FROM as_of_dates)
    GROUP BY ALL
),
-- Basis per client and period with at least one line, inside each window.
period_basis AS (
    SELECT a.as_of, a.window_start, w.client_id, w.period, w.basis, w.last_purchase
    FROM as_of_periods a
    JOIN whole_periods w ON w.period >= a.window_start AND w.period < a.as_of_period
    UNION ALL
    SELECT a.as_of, a.window_start, p.client_id, p.period, p.basis, p.last_purchase
    FROM as_of_periods a
    JOIN as_of_period_basis p USING (as_of)
),
-- Grouped first, then given the client's first period: the join runs over the
-- (as-of date, client) rows, not over their periods.
client_sums AS (
    SELECT as_of, client_id, window_start,
           sum(basis) AS basis,
           count(*) AS purchase_periods,
           max(last_purchase) AS last_purchase,
           -- the squares, for the spread: sum(b^2) over the periods with lines
           sum(CAST(basis AS DOUBLE) * CAST(basis AS DOUBLE)) AS basis_squares
    FROM period_basis
    GROUP BY as_of, client_id, window_start
),
per_client AS (
    SELECT c.as_of, c.client_id,
           date_diff('{diff_unit}', greatest(fp.first_period, c.window_start),
                     date_trunc('{period}', c.as_of)) // {diff_step} + 1 AS periods,
           c.basis, c.purchase_periods, c.last_purchase, c.basis_squares
    FROM client_sums c
    JOIN first_periods fp USING (client_id)
),
-- The clients whose XYZ class is asked for: every client, or (former_cells)
-- only the asked pairs; ABC still ranks every client of each window.
asked AS (
    SELECT c.* FROM per_client c
    WHERE NOT EXISTS (SELECT 1 FROM asked_pairs)
    UNION ALL
    SELECT c.* FROM per_client c SEMI JOIN asked_pairs w USING (as_of, client_id)
),
-- Population variance over the client's periods, the empty ones counting as
-- zero: (n * sum(b^2) - (sum b)^2) / n^2 over the n periods counted.
spread AS (
    SELECT as_of, client_id,
           greatest((periods * basis_squares - CAST(basis AS DOUBLE) * CAST(basis AS DOUBLE))
                    / (periods * periods), 0) AS variance
    FROM asked
)
