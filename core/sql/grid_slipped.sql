-- (over grid_migration.sql's rows, ``joined``) The clients in both grids that slipped: from A to B or C, or from
-- X or Y to Z; the largest basis then first.
SELECT client_id, client_name, cell_then, cell_now, basis_then, basis_now
FROM joined
WHERE in_both AND ((abc_then = 'A' AND abc_now IN ('B', 'C')) OR (xyz_then IN ('X', 'Y') AND xyz_now = 'Z'))
ORDER BY basis_then DESC, client_id
