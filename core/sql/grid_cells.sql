-- Only each classified client's cell (grid_classify.sql), for the former cells of
-- churn and win-back: no names, no figures, in no particular order.
SELECT as_of, client_id, CASE WHEN xyz IS NOT NULL THEN abc || xyz END AS cell
FROM classified
