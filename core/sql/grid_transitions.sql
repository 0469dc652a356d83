-- (after grid_migration.sql) How many clients went from each label then to each label now.
SELECT label_then, label_now, count(*) AS n
FROM joined
GROUP BY ALL
