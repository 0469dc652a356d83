-- The same ranks as grid_ranks_asked.sql for one client at as-of dates that close
-- consecutive periods (each period's last day, the last date the as-of date: the
-- dossier's cell over time), without a pass over each window's periods: every
-- client's basis in those rolling windows comes from window_clients.sql (spliced in
-- after WITH), and the client's rank counts the clients ranked above it (a larger
-- basis, or the same basis and a smaller client id) and its basis_before sums theirs.
-- Values: those of window_clients.sql, then the as-of dates and the starts of their
-- periods (two parallel lists), then the client id.
WITH {window_clients},
dates AS (
    SELECT unnest(CAST(? AS DATE[])) AS as_of, unnest(CAST(? AS DATE[])) AS last_period
),
asked AS (
    SELECT last_period, client_id, basis FROM window_clients WHERE client_id = ?
)
SELECT d.as_of, r.client_id, r.abc_rank, r.total_positive, r.basis_before
FROM (
    SELECT last_period, client_id,
           count(*) FILTER (WHERE above) + 1 AS abc_rank,
           sum(greatest(other_basis, 0)) AS total_positive,
           coalesce(sum(other_basis) FILTER (WHERE above), 0) AS basis_before
    FROM (
        SELECT a.last_period, a.client_id, o.basis AS other_basis,
               o.basis > a.basis OR (o.basis = a.basis AND o.client_id < a.client_id) AS above
        FROM asked a
        JOIN window_clients o USING (last_period)
    )
    GROUP BY last_period, client_id
) r
JOIN dates d USING (last_period)
