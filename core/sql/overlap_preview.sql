-- Lines of earlier uploads from the same source inside a date range, per upload.
SELECT u.file_name, count(*) AS rows, min(l.date) AS date_min, max(l.date) AS date_max, sum(l.amount) AS amount
FROM lines l JOIN uploads u USING (upload_id)
WHERE u.source_key = ? AND l.date BETWEEN ? AND ?
GROUP BY u.upload_id, u.file_name
ORDER BY u.upload_id
