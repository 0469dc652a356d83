-- Clients of the analysis window ranked by basis, descending (ties: client id).
-- {daily} is the filtered daily fragment; {basis} and {breadwinner_basis} are
-- fixed column names. Shares are of the summed positive bases; a client whose
-- basis is zero or negative has no share, no cumulative share and ranks last.
-- Values: filter values, window start, as-of, clients to leave out (list).
WITH d AS ({daily}),
window_clients AS (
    SELECT client_id, sum(revenue) AS revenue, sum(margin) AS margin
    FROM d
    WHERE date >= ? AND date <= ? AND NOT list_contains(CAST(? AS VARCHAR[]), client_id)
    GROUP BY client_id
),
based AS (
    SELECT *, {basis} AS basis, {breadwinner_basis} AS breadwinner_basis FROM window_clients
),
shared AS (
    SELECT *,
           row_number() OVER (ORDER BY round(basis, 6) DESC NULLS LAST, client_id) AS rank,
           CASE WHEN basis > 0
                THEN basis / sum(basis) FILTER (WHERE basis > 0) OVER () END AS share,
           CASE WHEN breadwinner_basis > 0
                THEN breadwinner_basis / sum(breadwinner_basis) FILTER (WHERE breadwinner_basis > 0) OVER ()
           END AS breadwinner_share
    FROM based
)
SELECT s.rank, s.client_id, c.client_name, s.revenue, s.margin, s.basis, s.share,
       CASE WHEN s.basis > 0
            THEN sum(s.share) OVER (ORDER BY s.rank ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) END
           AS cumulative_share,
       s.breadwinner_share
FROM shared AS s
LEFT JOIN clients AS c USING (client_id)
ORDER BY s.rank;
