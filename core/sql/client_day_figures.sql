-- A fragment, not a script: the figures of a clients row grouped from daily rows
-- (refresh_clients.sql and refresh_clients_touched.sql splice it in, core.store.FRAGMENTS):
-- the manager, region and segment of the latest day with one (the first alphabetically
-- when that day has two, as core.managers.client_managers reads a manager), the first
-- and last day, the sums.
arg_min(manager, struct_pack(back := DATE '2000-01-01' - date, name := manager))
    FILTER (WHERE manager IS NOT NULL) AS manager,
arg_min(region, struct_pack(back := DATE '2000-01-01' - date, name := region))
    FILTER (WHERE region IS NOT NULL) AS region,
arg_min(segment, struct_pack(back := DATE '2000-01-01' - date, name := segment))
    FILTER (WHERE segment IS NOT NULL) AS segment,
min(date) AS first_date, max(date) AS last_date, sum(revenue) AS revenue, sum(margin) AS margin
