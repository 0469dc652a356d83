-- Refresh the per-client table for the clients in {client_scope}: latest name, the
-- manager/region/segment of the client's most recent line, first and last
-- purchase dates, totals.
DELETE FROM clients WHERE {client_scope};
INSERT INTO clients
SELECT client_id,
       arg_max(client_name, date) FILTER (WHERE client_name IS NOT NULL),
       arg_max(manager, date) FILTER (WHERE manager IS NOT NULL),
       arg_max(region, date) FILTER (WHERE region IS NOT NULL),
       arg_max(segment, date) FILTER (WHERE segment IS NOT NULL),
       min(date), max(date), sum(amount), sum(margin)
FROM lines
WHERE {client_scope}
GROUP BY client_id;
