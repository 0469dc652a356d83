-- The latest day with a line in each period (core.grid.former_cells: the
-- as-of date of the grid a former cell is read from), the filters applied and
-- not after the grid's own as-of date (NULL: no bound). {filtered} is
-- core.analysis.filtered_daily(); {period} a whitelisted period.
-- Bound values: the filter values, the as-of date or NULL.
WITH d AS ({filtered})
SELECT CAST(date_trunc('{period}', date) AS DATE) AS period_start, max(date) AS latest
FROM d
WHERE date <= coalesce(?::DATE, DATE '9999-12-31')
GROUP BY 1
