-- The ranks of one client at as-of dates that close consecutive periods (the dossier's
-- cell over time): the rows grid_ranks_asked.sql gives over every client's basis in
-- each window, in two passes and no sort. Every client's basis in each rolling window
-- is one column (a sum over its periods inside that window), then the clients above
-- the asked one are counted window by window. A client is in a window while a period
-- with lines is inside, as in core.concentration's windows; ranks, the total of the positive
-- bases and the bases above are those of grid_ranks_asked.sql.
-- The window columns, ranks and lists below hold one entry per window, numbered from 0
-- for the earliest; each window holds the periods k to k + length - 1, counted from the
-- earliest window's first period (core.grid._window_columns spells them out, integers
-- only). The client periods are those core.concentration ranks its windows from
-- (kept_periods.sql).
-- Values: those of the client_periods fragment (as-of, the earliest window's first day,
-- clients to leave out), that first day again, the client id, the as-of dates (a list,
-- one per window, earliest first) and the client id again.
WITH d AS ({daily}),
{client_periods},
numbered AS (
    SELECT client_id, basis,
           date_diff('{diff_unit}', CAST(? AS DATE), period_start) // {diff_step} AS i
    FROM client_periods
),
wide AS (
    SELECT client_id, {window_columns}
    FROM numbered
    GROUP BY client_id
),
asked AS (SELECT * FROM wide WHERE client_id = ?),
counted AS (
    SELECT {window_ranks}
    FROM wide AS w, asked AS a
),
ranks AS (
    SELECT unnest(CAST(? AS DATE[])) AS as_of, CAST(? AS VARCHAR) AS client_id, {window_lists}
    FROM counted
)
SELECT as_of, client_id, abc_rank, total_positive, basis_before FROM ranks WHERE present
