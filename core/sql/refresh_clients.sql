-- Refresh the per-client table for the clients in {client_scope} (after
-- refresh_daily): latest name, the manager/region/segment of the client's most
-- recent line with one, first and last purchase dates, totals. Two values on that
-- day: the first alphabetically (as core.managers.client_managers reads a manager).
-- Everything but the name comes from daily, which holds each (client, day,
-- manager, region, segment) once: a third as many rows as lines, the same sums, the same
-- latest day with a manager. The name is not in daily: it is read from the lines
-- of the client's last day (the first alphabetically when that day has two), and from
-- all its lines only when none of those has one.
DELETE FROM clients WHERE {client_scope};
INSERT INTO clients
WITH days AS (
    SELECT client_id,
           arg_min(manager, struct_pack(back := DATE '2000-01-01' - date, name := manager))
               FILTER (WHERE manager IS NOT NULL) AS manager,
           arg_min(region, struct_pack(back := DATE '2000-01-01' - date, name := region))
               FILTER (WHERE region IS NOT NULL) AS region,
           arg_min(segment, struct_pack(back := DATE '2000-01-01' - date, name := segment))
               FILTER (WHERE segment IS NOT NULL) AS segment,
           min(date) AS first_date, max(date) AS last_date, sum(revenue) AS revenue, sum(margin) AS margin
    FROM daily
    WHERE {client_scope}
    GROUP BY client_id
),
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
SELECT d.client_id, coalesce(n.client_name, b.client_name), d.manager, d.region, d.segment,
       d.first_date, d.last_date, d.revenue, d.margin
FROM days d
LEFT JOIN named_last_day n USING (client_id)
LEFT JOIN named_before b USING (client_id);
