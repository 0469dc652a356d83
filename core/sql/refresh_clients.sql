-- Refresh the per-client table for the clients in {client_scope} (after
-- refresh_daily): latest name, the manager/region/segment of the client's most
-- recent line with one, first and last purchase dates, totals.
-- Everything but the name comes from daily, which holds each (client, day,
-- manager, region, segment) once: a third as many rows as lines, the same sums, the same
-- latest day with a manager (client_day_figures.sql); the name from the lines
-- (clients_from_days.sql).
DELETE FROM clients WHERE {client_scope};
INSERT INTO clients
WITH days AS (
    SELECT client_id, {client_day_figures}
    FROM daily
    WHERE {client_scope}
    GROUP BY client_id
),
{clients_from_days};
