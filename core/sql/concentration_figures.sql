-- Concentration figures for one or more analysis windows, one row per window.
-- A window is named by the start of its last period and its first period;
-- lines after the as-of date are left out. Only clients with a positive basis
-- in the window enter the shares, the key set, Gini and HHI.
-- {daily}: filtered daily fragment; {period}: month | quarter | week; {basis}: column;
-- {diff_unit}/{diff_step}: how to count periods (core.analysis.PERIOD_STEPS).
-- Values: filter values, as-of, first day of the earliest window, clients to leave
-- out (list), window ends (list),
-- window starts (list), top N, then twice: key-set target (fraction), tolerance.
WITH d AS ({daily}),
client_periods AS (
    SELECT client_id, CAST(date_trunc('{period}', date) AS DATE) AS period_start, sum({basis}) AS basis
    FROM d
    WHERE date <= ? AND date >= ? AND NOT list_contains(CAST(? AS VARCHAR[]), client_id)
    GROUP BY ALL
),
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
numbered_periods AS (
    SELECT client_id, basis,
           date_diff('{diff_unit}', (SELECT first_period FROM shape), period_start) // {diff_step} AS i
    FROM client_periods
),
changes AS (
    SELECT client_id, k, sum(change) AS change, sum(periods) AS periods
    FROM (
        SELECT p.client_id, greatest(p.i - s.length + 1, 0) AS k, p.basis AS change, 1 AS periods
        FROM numbered_periods p, shape s
        UNION ALL
        SELECT p.client_id, p.i + 1, -p.basis, -1
        FROM numbered_periods p, shape s
        WHERE p.i + 1 < s.windows
    )
    GROUP BY client_id, k
),
spans AS (
    SELECT client_id, k,
           sum(change) OVER by_window AS basis,
           sum(periods) OVER by_window AS periods,
           lead(k, 1, (SELECT windows FROM shape)) OVER (PARTITION BY client_id ORDER BY k) AS next_k
    FROM changes
    WINDOW by_window AS (PARTITION BY client_id ORDER BY k ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
),
window_clients AS (
    SELECT n.last_period, s.client_id, s.basis
    FROM (SELECT client_id, basis, unnest(range(k, next_k)) AS k FROM spans WHERE periods > 0) s
    JOIN numbered n USING (k)
),
totals AS (
    -- Each window's total and clients, and how many rows and how much basis
    -- the windows before it hold in the one ordering below.
    SELECT last_period, total, n,
           coalesce(sum(n) OVER earlier, 0) AS rows_before,
           coalesce(sum(total) OVER earlier, 0) AS basis_before
    FROM (
        SELECT last_period, sum(basis) AS total, count(*) AS n
        FROM window_clients
        WHERE basis > 0
        GROUP BY last_period
    )
    WINDOW earlier AS (ORDER BY last_period ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
),
ordered AS (
    -- One ordering of every window's clients, by window then basis
    -- descending, with the position and the running sum of the bases (exact
    -- decimals): a window's rank and running sum are these less what the
    -- windows before it hold. One running sum over all rows is several times
    -- cheaper than one per window. Equal bases may take either order: no
    -- figure below depends on which.
    SELECT last_period, basis,
           row_number() OVER by_basis AS position,
           sum(basis) OVER (by_basis ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running_all
    FROM window_clients
    WHERE basis > 0
    WINDOW by_basis AS (ORDER BY last_period, basis DESC)
),
ranked AS (
    SELECT o.last_period, o.basis, t.total, t.n,
           o.position - t.rows_before AS rank,
           (o.running_all - t.basis_before) / t.total AS cumulative_share
    FROM ordered AS o
    JOIN totals AS t USING (last_period)
),
figures AS (
    SELECT last_period,
           any_value(total) AS total,
           any_value(n) AS clients,
           sum(basis) FILTER (WHERE rank <= ?) / any_value(total) AS top_n_share,
           min(rank) FILTER (WHERE cumulative_share >= ? - ?) AS key_set_clients,
           -- cumulative shares rise strictly, so the smallest one reaching the
           -- target is the key set's own
           min(cumulative_share) FILTER (WHERE cumulative_share >= ? - ?) AS key_set_share,
           -- Gini over clients ranked descending: sum((n + 1 - 2 rank) * basis) / (n * total)
           sum((n + 1 - 2 * rank) * basis) / (any_value(n) * any_value(total)) AS gini,
           sum((100 * basis / total) * (100 * basis / total)) AS hhi
    FROM ranked
    GROUP BY last_period
),
left_out AS (
    SELECT last_period, count(*) FILTER (WHERE basis <= 0 OR basis IS NULL) AS clients_left_out
    FROM window_clients
    GROUP BY last_period
)
SELECT w.last_period, w.first_period,
       coalesce(f.total, 0) AS total,
       coalesce(f.clients, 0) AS clients,
       coalesce(l.clients_left_out, 0) AS clients_left_out,
       f.top_n_share, f.key_set_clients, f.key_set_share, f.gini, f.hhi
FROM windows AS w
LEFT JOIN figures AS f USING (last_period)
LEFT JOIN left_out AS l USING (last_period)
ORDER BY w.last_period;
