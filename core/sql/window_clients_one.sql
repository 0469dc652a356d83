-- The rows of window_clients.sql for a single analysis window (the headline without
-- its trend): every client with a line in it and its basis, summed straight from the
-- days rather than rolled period by period. The same fragment shape (spliced after
-- WITH by core/sql/concentration_figures.sql), the same values, in the same order.
d AS ({daily}),
window_days AS (
    SELECT client_id, {basis} AS basis
    FROM d
    WHERE date <= ? AND date >= ? AND NOT list_contains(CAST(? AS VARCHAR[]), client_id)
),
windows AS (
    SELECT unnest(CAST(? AS DATE[])) AS last_period, unnest(CAST(? AS DATE[])) AS first_period
),
window_clients AS (
    SELECT w.last_period, c.client_id, c.basis
    FROM (SELECT client_id, sum(basis) AS basis FROM window_days GROUP BY client_id) c, windows w
)
