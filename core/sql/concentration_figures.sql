-- Concentration figures for one or more analysis windows, one row per window.
-- The windows' clients come from window_clients.sql (several windows) or
-- window_clients_one.sql (one), spliced in after WITH by core.concentration.
-- Only clients with a positive basis in the window enter the shares, the key set,
-- Gini and HHI.
-- Nothing here sorts every window's clients (5M rows for the trend at 10M lines):
-- the top N come from a bounded aggregate, the key set from the one band of bases
-- where its cumulative share reaches the target, and Gini, which needs every rank,
-- is computed for the last window only (the headline's; the trend shows none).
-- Values: those of window_clients.sql, then top N, then key-set target (fraction),
-- tolerance.
WITH {window_clients},
asked AS (
    SELECT CAST(? AS BIGINT) AS top_n, CAST(? AS DOUBLE) - CAST(? AS DOUBLE) AS reach
),
positive AS (
    -- A band groups close bases, bands in the bases' order (sqrt is exactly rounded,
    -- so the band never decreases as the basis grows): about 2 % of the basis wide
    -- at 10^6, wider below, where the key set seldom ends.
    SELECT last_period, basis, CAST(floor(16 * sqrt(sqrt(CAST(basis AS DOUBLE)))) AS BIGINT) AS band
    FROM window_clients
    WHERE basis > 0
),
totals AS (
    SELECT last_period, sum(basis) AS total, count(*) AS n,
           list_sum(max(basis, (SELECT top_n FROM asked))) AS top_n_basis
    FROM positive
    GROUP BY last_period
),
bands AS (
    -- Each band's clients and basis, and what the bands above it hold in the window.
    SELECT last_period, band, clients, basis, total,
           sum(basis) OVER above AS basis_through,
           sum(clients) OVER above AS clients_through,
           hhi
    FROM (
        SELECT p.last_period, p.band, count(*) AS clients, sum(p.basis) AS basis, any_value(t.total) AS total,
               sum((100 * p.basis / t.total) * (100 * p.basis / t.total)) AS hhi
        FROM positive AS p
        JOIN totals AS t USING (last_period)
        GROUP BY p.last_period, p.band
    )
    WINDOW above AS (PARTITION BY last_period ORDER BY band DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
),
reaching AS (
    -- The band where the cumulative share first reaches the target: the key set ends in it.
    SELECT last_period, band, basis_through - basis AS basis_before, clients_through - clients AS clients_before, total
    FROM bands
    WHERE basis_through / total >= (SELECT reach FROM asked)
    QUALIFY band = max(band) OVER (PARTITION BY last_period)
),
edge AS (
    -- That band's clients by basis descending, with the cumulative share through each
    -- (exact decimals); equal bases may take either order, no figure depends on which.
    SELECT p.last_period,
           r.clients_before + row_number() OVER by_basis AS rank,
           (r.basis_before + sum(p.basis) OVER (by_basis ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) / r.total
               AS cumulative_share
    FROM positive AS p
    JOIN reaching AS r USING (last_period, band)
    WINDOW by_basis AS (PARTITION BY p.last_period ORDER BY p.basis DESC)
),
key_set AS (
    -- cumulative shares rise strictly, so the smallest one reaching the target is the key set's own
    SELECT last_period, min(rank) AS key_set_clients, min(cumulative_share) AS key_set_share
    FROM edge
    WHERE cumulative_share >= (SELECT reach FROM asked)
    GROUP BY last_period
),
gini AS (
    -- Gini over clients ranked descending: sum((n + 1 - 2 rank) * basis) / (n * total)
    SELECT last_period, sum((n + 1 - 2 * rank) * basis) / (any_value(n) * any_value(total)) AS gini
    FROM (
        SELECT p.last_period, p.basis, t.n, t.total, row_number() OVER (ORDER BY p.basis DESC) AS rank
        FROM positive AS p
        JOIN totals AS t USING (last_period)
        WHERE p.last_period = (SELECT max(last_period) FROM windows)
    )
    GROUP BY last_period
),
left_out AS (
    SELECT last_period, count(*) FILTER (WHERE basis <= 0 OR basis IS NULL) AS clients_left_out
    FROM window_clients
    GROUP BY last_period
)
SELECT w.last_period, w.first_period,
       coalesce(t.total, 0) AS total,
       coalesce(t.n, 0) AS clients,
       coalesce(l.clients_left_out, 0) AS clients_left_out,
       t.top_n_basis / t.total AS top_n_share, k.key_set_clients, k.key_set_share, g.gini, h.hhi
FROM windows AS w
LEFT JOIN totals AS t USING (last_period)
LEFT JOIN key_set AS k USING (last_period)
LEFT JOIN gini AS g USING (last_period)
LEFT JOIN (SELECT last_period, sum(hhi) AS hhi FROM bands GROUP BY last_period) AS h USING (last_period)
LEFT JOIN left_out AS l USING (last_period)
ORDER BY w.last_period;
