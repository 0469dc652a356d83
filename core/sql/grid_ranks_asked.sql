-- The same ranks as grid_ranks.sql for the asked clients only (those with a
-- spread, with the per_client figures grid_classify.sql reads), without
-- sorting anyone: a client's rank counts the clients ranked above it (a larger
-- basis, or the same basis and a smaller client id: the order of
-- grid_ranks.sql) and its basis_before sums their bases. It reads every client
-- of the window once per asked client, so core.grid takes it when a few
-- clients are asked (a client's cell at a few dates), the sort else.
ranks AS (
    -- every column per_client has (its figures)
    SELECT * EXCLUDE (other_basis, above),
           count(*) FILTER (WHERE above) + 1 AS abc_rank,
           sum(greatest(other_basis, 0)) AS total_positive,
           coalesce(sum(other_basis) FILTER (WHERE above), 0) AS basis_before
    FROM (
        SELECT a.*, o.basis AS other_basis,
               o.basis > a.basis OR (o.basis = a.basis AND o.client_id < a.client_id) AS above
        FROM (SELECT c.* FROM per_client c SEMI JOIN spread v USING (as_of, client_id)) a
        JOIN per_client o ON o.as_of = a.as_of
    )
    GROUP BY ALL
)
