-- The ABC ranking of the grid (core.grid, between grid_stats.sql and
-- grid_classify.sql): every client of each window ranked on its basis, the total
-- of the positive bases and the bases ranked above each client, each row carrying
-- its per_client figures (sorting them along costs less than joining them back).
ranks AS (
    SELECT r.* FROM (
        SELECT *,
               row_number() OVER by_basis AS abc_rank,
               sum(greatest(basis, 0)) OVER (PARTITION BY as_of) AS total_positive,
               coalesce(sum(basis) OVER (by_basis ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)
                   AS basis_before
        FROM per_client
        -- The basis is an exact decimal sum, so clients with equal totals are equal here
        -- and the tie goes by client id as DOMAIN.md says.
        WINDOW by_basis AS (PARTITION BY as_of ORDER BY basis DESC, client_id)
    ) r
    -- only the clients classified (with a spread): every one, or those asked about
    SEMI JOIN spread USING (as_of, client_id)
)
