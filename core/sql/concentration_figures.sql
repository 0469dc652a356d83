-- Concentration figures for one or more analysis windows, one row per window.
-- The windows' clients come from window_clients.sql (several windows) or
-- window_clients_one.sql (one), spliced in after WITH by core.concentration.
-- Only clients with a positive basis in the window enter the shares, the key set,
-- Gini and HHI.
-- Values: those of window_clients.sql, then top N, then twice: key-set target
-- (fraction), tolerance.
WITH {window_clients},
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
