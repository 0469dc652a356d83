-- Concentration figures for one or more analysis windows, one row per window.
-- A window is named by the start of its last period and its first period;
-- lines after the as-of date are left out. Only clients with a positive basis
-- in the window enter the shares, the key set, Gini and HHI.
-- {daily}: filtered daily fragment; {period}: month | quarter | week; {basis}: column.
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
window_clients AS (
    SELECT w.last_period, cp.client_id, sum(cp.basis) AS basis
    FROM client_periods AS cp
    JOIN windows AS w ON cp.period_start BETWEEN w.first_period AND w.last_period
    GROUP BY ALL
),
positive AS (
    SELECT last_period, client_id, basis,
           basis / sum(basis) OVER (PARTITION BY last_period) AS share,
           row_number() OVER (PARTITION BY last_period ORDER BY round(basis, 6) DESC, client_id) AS rank,
           count(*) OVER (PARTITION BY last_period) AS n
    FROM window_clients
    WHERE basis > 0
),
cumulated AS (
    SELECT *, sum(share) OVER (PARTITION BY last_period ORDER BY rank
                               ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cumulative_share
    FROM positive
),
figures AS (
    SELECT last_period,
           sum(basis) AS total,
           count(*) AS clients,
           sum(share) FILTER (WHERE rank <= ?) AS top_n_share,
           min(rank) FILTER (WHERE cumulative_share >= ? - ?) AS key_set_clients,
           -- cumulative shares rise strictly, so the smallest one reaching the
           -- target is the key set's own
           min(cumulative_share) FILTER (WHERE cumulative_share >= ? - ?) AS key_set_share,
           -- Gini over clients ranked descending: sum((n + 1 - 2 rank) * basis) / (n * total)
           sum((n + 1 - 2 * rank) * basis) / (max(n) * sum(basis)) AS gini,
           sum((100 * share) * (100 * share)) AS hhi
    FROM cumulated
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
