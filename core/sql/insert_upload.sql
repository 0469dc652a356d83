INSERT INTO uploads
SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, min(date), max(date), sum(amount), sum(margin), ?, ?,
       current_timestamp::TIMESTAMP
FROM lines WHERE upload_id = ?
