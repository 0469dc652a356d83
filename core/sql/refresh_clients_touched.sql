-- Refresh the clients rows (after refresh_daily) of the clients a change
-- touched, as refresh_clients.sql computes them from all of daily.
-- A client whose touched days all come after its stored last date only
-- gained later days: nothing was deleted (no stored line is that late) and
-- none of its earlier days changed. Its row is the stored one carried forward
-- with the daily rows of those new days: their latest manager, region and
-- segment where they have one, the stored one where not; the stored first
-- date; their last date; the sums added. A new client is such a client with
-- no stored row. Only the other touched clients are grouped again over all
-- of their daily rows. The name is read as refresh_clients.sql reads it.
-- (tests/test_fast_paths.py holds this equal to a full rebuild.)
CREATE TEMP TABLE client_rows AS
WITH added AS (
    SELECT client_id,
           arg_min(manager, struct_pack(back := DATE '2000-01-01' - date, name := manager))
               FILTER (WHERE manager IS NOT NULL) AS manager,
           arg_min(region, struct_pack(back := DATE '2000-01-01' - date, name := region))
               FILTER (WHERE region IS NOT NULL) AS region,
           arg_min(segment, struct_pack(back := DATE '2000-01-01' - date, name := segment))
               FILTER (WHERE segment IS NOT NULL) AS segment,
           min(date) AS first_date, max(date) AS last_date, sum(revenue) AS revenue, sum(margin) AS margin
    FROM daily
    WHERE {day_scope}
      AND client_id IN (SELECT client_id FROM temp.touched_clients WHERE appended)
    GROUP BY client_id
),
regrouped AS (
    SELECT client_id,
           arg_min(manager, struct_pack(back := DATE '2000-01-01' - date, name := manager))
               FILTER (WHERE manager IS NOT NULL) AS manager,
           arg_min(region, struct_pack(back := DATE '2000-01-01' - date, name := region))
               FILTER (WHERE region IS NOT NULL) AS region,
           arg_min(segment, struct_pack(back := DATE '2000-01-01' - date, name := segment))
               FILTER (WHERE segment IS NOT NULL) AS segment,
           min(date) AS first_date, max(date) AS last_date, sum(revenue) AS revenue, sum(margin) AS margin
    FROM daily
    WHERE client_id IN (SELECT client_id FROM temp.touched_clients WHERE NOT appended)
    GROUP BY client_id
),
days AS (
    SELECT a.client_id,
           coalesce(a.manager, c.manager) AS manager,
           coalesce(a.region, c.region) AS region,
           coalesce(a.segment, c.segment) AS segment,
           coalesce(c.first_date, a.first_date) AS first_date,
           a.last_date,
           coalesce(c.revenue, 0) + a.revenue AS revenue,
           -- a sum over no margin is NULL, as sum(margin) over all of the client's days gives
           CASE WHEN c.margin IS NULL AND a.margin IS NULL THEN NULL
                ELSE coalesce(c.margin, 0) + coalesce(a.margin, 0) END AS margin
    FROM added a
    LEFT JOIN clients c USING (client_id)
    UNION ALL
    SELECT * FROM regrouped
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
SELECT d.client_id, coalesce(n.client_name, b.client_name) AS client_name, d.manager, d.region, d.segment,
       d.first_date, d.last_date, d.revenue, d.margin
FROM days d
LEFT JOIN named_last_day n USING (client_id)
LEFT JOIN named_before b USING (client_id);
-- Stored rows are updated in place and only the rows of clients left with no line deleted:
-- deleting keys from the client_id index costs more at commit than the whole refresh.
DELETE FROM clients WHERE client_id IN (
    SELECT client_id FROM temp.touched_clients ANTI JOIN temp.client_rows USING (client_id)
);
UPDATE clients c
SET client_name = r.client_name, manager = r.manager, region = r.region, segment = r.segment,
    first_date = r.first_date, last_date = r.last_date, revenue = r.revenue, margin = r.margin
FROM temp.client_rows r
WHERE c.client_id = r.client_id;
INSERT INTO clients
SELECT r.* FROM temp.client_rows r
JOIN temp.touched_clients t USING (client_id)
WHERE NOT t.stored;
DROP TABLE temp.client_rows;
