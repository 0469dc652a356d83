-- How a date column is written, counted over the whole column: each distinct text once
-- (a few thousand dates in millions of lines), weighted by how often it occurs.
WITH written AS (
    SELECT {column} AS v, count(*) AS n FROM raw GROUP BY ALL
), v AS (
    SELECT trim(v) AS v, n FROM written WHERE nullif(trim(v), '') IS NOT NULL
)
SELECT coalesce(sum(n), 0) AS filled,
       coalesce(sum(n) FILTER (WHERE v ~ '^[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}([ T].*)?$'), 0) AS ymd,
       coalesce(sum(n) FILTER (WHERE v ~ '^(19|20)[0-9]{6}$'), 0) AS ymd8,
       coalesce(sum(n) FILTER (WHERE v ~ '^[0-9]{1,2}[-/.][0-9]{1,2}[-/.][0-9]{2,4}( .*)?$'), 0) AS dmy,
       max(TRY_CAST(regexp_extract(v, '^([0-9]{1,2})[-/.][0-9]{1,2}[-/.][0-9]{2,4}', 1) AS INTEGER)) AS first_max,
       max(TRY_CAST(regexp_extract(v, '^[0-9]{1,2}[-/.]([0-9]{1,2})[-/.][0-9]{2,4}', 1) AS INTEGER)) AS second_max
FROM v
