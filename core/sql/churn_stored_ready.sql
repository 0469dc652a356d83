-- Whether client_days was built from the lines as they are now (same number
-- of lines, same newest upload), and the first stored date.
SELECT coalesce((
           SELECT b.line_count = (SELECT count(*) FROM lines)
                  AND b.last_upload IS NOT DISTINCT FROM (SELECT max(upload_id) FROM uploads)
           FROM client_days_built b
       ), false) AS built,
       (SELECT min(first_date) FROM clients) AS first_date
