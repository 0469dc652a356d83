-- The clients a change touched (temp.touched_days, see core.store.touch_lines),
-- read before their clients and client_days rows are refreshed, for
-- refresh_clients_touched.sql and refresh_client_days_touched.sql:
--   from_date    the first day the change touched;
--   appended     every touched day comes after the client's stored last date:
--                the client only gained later days (a new client too);
--   stored       the client has a clients row;
--   before_date  its last purchase day before from_date (NULL for none): for an
--                appended client its stored last date, else read from client_days.
-- refresh_client_days_touched.sql drops it.
CREATE TEMP TABLE touched_clients AS
WITH touched AS (
    SELECT t.client_id,
           min(t.date) AS from_date,
           bool_and(c.last_date IS NULL OR t.date > c.last_date) AS appended,
           bool_or(c.client_id IS NOT NULL) AS stored,
           any_value(c.last_date) AS last_date
    FROM temp.touched_days t
    LEFT JOIN clients c USING (client_id)
    GROUP BY t.client_id
),
earlier AS (
    SELECT cd.client_id, max(cd.date) AS before_date
    FROM client_days cd
    JOIN touched t ON cd.client_id = t.client_id AND cd.date < t.from_date
    WHERE cd.client_id IN (SELECT client_id FROM touched WHERE NOT appended)
    GROUP BY cd.client_id
)
SELECT t.client_id, t.from_date, t.appended, t.stored,
       CASE WHEN t.appended THEN t.last_date ELSE e.before_date END AS before_date
FROM touched t
LEFT JOIN earlier e USING (client_id);
