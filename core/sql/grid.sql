-- The ABC-XYZ grid for one or more as-of dates: one row per (as-of date, client
-- with a line in that date's window). Spliced before the call (fixed identifiers
-- from whitelists): {filtered} the filtered daily table, {basis} revenue|margin,
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
first_periods AS (
    SELECT client_id, date_trunc('{period}', min(date)) AS first_period
    FROM filtered
    GROUP BY client_id
),
as_of_periods AS (
    SELECT as_of, window_start, date_trunc('{period}', as_of) AS as_of_period FROM as_of_dates
),
-- Basis per client and complete period, computed once for every window: each
-- as-of date takes the periods of its window before its own period from here.
whole_periods AS (
    SELECT client_id, date_trunc('{period}', date) AS period,
           coalesce(sum({basis}), 0) AS basis, max(date) AS last_purchase
    FROM filtered
    WHERE date >= (SELECT min(window_start) FROM as_of_dates)
      AND date < (SELECT max(as_of_period) FROM as_of_periods)
    GROUP BY ALL
),
-- The period holding each as-of date, up to and including that date only.
as_of_period_basis AS (
    SELECT a.as_of, f.client_id, a.as_of_period AS period,
           coalesce(sum(f.{basis}), 0) AS basis, max(f.date) AS last_purchase
    FROM as_of_periods a
    JOIN filtered f ON f.date >= a.as_of_period AND f.date <= a.as_of
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
per_client AS (
    SELECT p.as_of, p.client_id,
           date_diff('{diff_unit}', greatest(fp.first_period, p.window_start),
                     date_trunc('{period}', p.as_of)) // {diff_step} + 1 AS periods,
           sum(p.basis) AS basis,
           count(*) AS purchase_periods,
           max(p.last_purchase) AS last_purchase
    FROM period_basis p
    JOIN first_periods fp USING (client_id)
    GROUP BY p.as_of, p.client_id, p.window_start, fp.first_period
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
-- zero: deviations of the periods with lines, plus (empty periods) x mean^2.
spread AS (
    SELECT c.as_of, c.client_id,
           greatest(
               (sum((p.basis - c.basis / c.periods) ^ 2)
                + (c.periods - c.purchase_periods) * (c.basis / c.periods) ^ 2) / c.periods,
               0) AS variance
    FROM asked c
    JOIN period_basis p USING (as_of, client_id)
    GROUP BY c.as_of, c.client_id, c.periods, c.basis, c.purchase_periods
),
ranked AS (
    SELECT c.as_of, c.client_id, c.periods, c.basis, c.purchase_periods, c.last_purchase,
           c.basis / c.periods AS mean,
           v.variance,
           row_number() OVER by_basis AS abc_rank,
           sum(greatest(c.basis, 0)) OVER (PARTITION BY c.as_of) AS total_positive,
           coalesce(sum(c.basis) OVER (by_basis ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)
               AS basis_before
    FROM per_client c
    LEFT JOIN spread v USING (as_of, client_id)
    -- Rounded so that clients with equal totals tie whatever order the float sums ran
    -- in, and the tie goes by client id as DOMAIN.md says.
    WINDOW by_basis AS (PARTITION BY c.as_of ORDER BY round(c.basis, 6) DESC, c.client_id)
),
classified AS (
    SELECT r.*,
           CASE WHEN r.total_positive > 0 THEN r.basis / r.total_positive END AS share,
           CASE WHEN r.total_positive > 0 THEN r.basis_before / r.total_positive END AS share_before,
           CASE WHEN r.mean > 0 THEN sqrt(r.variance) / r.mean END AS cv,
           r.purchase_periods / r.periods AS frequency,
           -- Compare products, not quotients, so a client exactly on a limit
           -- lands on the side DOMAIN.md says.
           CASE WHEN r.basis <= 0 THEN 'C'
                WHEN 100 * r.basis_before < st.a * r.total_positive THEN 'A'
                WHEN 100 * r.basis_before < st.b * r.total_positive THEN 'B'
                ELSE 'C' END AS abc,
           CASE WHEN r.periods < 3 THEN NULL
                -- no CV without a positive mean; purchase frequency ignores the basis sign (DOMAIN.md)
                WHEN st.measure = 'cv' AND r.mean <= 0 THEN 'Z'
                WHEN st.measure = 'cv' AND 100 * sqrt(r.variance) <= st.x * r.mean THEN 'X'
                WHEN st.measure = 'cv' AND 100 * sqrt(r.variance) <= st.y * r.mean THEN 'Y'
                WHEN st.measure = 'frequency' AND 100 * r.purchase_periods >= st.x * r.periods THEN 'X'
                WHEN st.measure = 'frequency' AND 100 * r.purchase_periods >= st.y * r.periods THEN 'Y'
                ELSE 'Z' END AS xyz
    FROM ranked r, settings st
)
SELECT k.as_of, k.client_id, cl.client_name, k.basis, k.share, k.abc_rank, k.share_before,
       k.abc, k.xyz, CASE WHEN k.xyz IS NOT NULL THEN k.abc || k.xyz END AS cell,
       k.cv, k.frequency, k.periods, k.purchase_periods, k.last_purchase,
       cl.manager, cl.region, cl.segment
FROM classified k
LEFT JOIN clients cl USING (client_id)
WHERE k.variance IS NOT NULL  -- the asked clients (every asked client has a variance)
ORDER BY k.as_of, k.abc_rank
