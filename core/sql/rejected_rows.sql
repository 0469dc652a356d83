-- The set-aside rows with the reason and the row as it stood in the file.
SELECT c.row_number, c.reason, {raw_row} AS raw
FROM {checked} c JOIN raw r ON r.{row} = c.row_number
WHERE c.reason IS NOT NULL
ORDER BY c.row_number
