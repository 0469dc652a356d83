-- (over grid_migration.sql's rows, ``joined``) How many clients went from each label then to each label now.
SELECT label_then, label_now, count(*) AS n
FROM joined
GROUP BY ALL
