-- Count values that can only be decimal-comma (12,5  1.234,56  0,1234) against
-- values that can only be decimal-point (12.5  1,234.56  0.1234).
WITH v AS (
    SELECT regexp_replace(trim({column}), ?, '', 'g') AS v
    FROM raw WHERE nullif(trim({column}), '') IS NOT NULL
)
SELECT count(*) FILTER (WHERE v ~ ',[0-9]{1,2}\)?-?$' OR v ~ '\.[0-9]{3},' OR v ~ ',[0-9]{4,}\)?-?$') AS comma,
       count(*) FILTER (WHERE v ~ '\.[0-9]{1,2}\)?-?$' OR v ~ ',[0-9]{3}\.' OR v ~ '\.[0-9]{4,}\)?-?$') AS dot
FROM v
