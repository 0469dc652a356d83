-- How a date column is written, counted over the whole column.
WITH v AS (
    SELECT trim({column}) AS v FROM raw WHERE nullif(trim({column}), '') IS NOT NULL
)
SELECT count(*) AS filled,
       count(*) FILTER (WHERE v ~ '^[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}([ T].*)?$') AS ymd,
       count(*) FILTER (WHERE v ~ '^(19|20)[0-9]{6}$') AS ymd8,
       count(*) FILTER (WHERE v ~ '^[0-9]{1,2}[-/.][0-9]{1,2}[-/.][0-9]{2,4}( .*)?$') AS dmy,
       max(TRY_CAST(regexp_extract(v, '^([0-9]{1,2})[-/.][0-9]{1,2}[-/.][0-9]{2,4}', 1) AS INTEGER)) AS first_max,
       max(TRY_CAST(regexp_extract(v, '^[0-9]{1,2}[-/.]([0-9]{1,2})[-/.][0-9]{2,4}', 1) AS INTEGER)) AS second_max
FROM v
