-- A fragment, not a script (refresh_clients.sql and refresh_clients_touched.sql splice it
-- in after a CTE ``days``, core.store.FRAGMENTS: one clients row per client but its name).
-- The name is not in daily: it is read from the lines of the client's last day (the
-- first alphabetically when that day has two), and from all its lines (the latest named
-- day, the first alphabetically again) only when none of those has one. Then the rows,
-- in the clients table's column order.
named_last_day AS (
    SELECT l.client_id, min(l.client_name) AS client_name
    FROM lines l
    JOIN days d ON d.client_id = l.client_id AND d.last_date = l.date
    -- implied by the join; said outright, it lets DuckDB skip the row groups of earlier dates
    WHERE l.client_name IS NOT NULL AND l.date >= (SELECT min(last_date) FROM days)
    GROUP BY l.client_id
),
named_before AS (
    SELECT client_id,
           arg_min(client_name, struct_pack(back := DATE '2000-01-01' - date, name := client_name))
               FILTER (WHERE client_name IS NOT NULL) AS client_name
    FROM lines
    WHERE client_id IN (SELECT client_id FROM days ANTI JOIN named_last_day USING (client_id))
    GROUP BY client_id
)
SELECT d.client_id, coalesce(n.client_name, b.client_name) AS client_name, d.manager, d.region, d.segment,
       d.first_date, d.last_date, d.revenue, d.margin
FROM days d
LEFT JOIN named_last_day n USING (client_id)
LEFT JOIN named_before b USING (client_id)
