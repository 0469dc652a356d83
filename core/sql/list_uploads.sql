SELECT u.upload_id, u.file_name, u.sheet, u.loaded_at, u.loaded_by,
       u.rows_loaded, u.rows_rejected, u.replaced_rows, u.date_min, u.date_max,
       u.amount_total, u.margin_total, u.sha256,
       (SELECT count(*) FROM lines l WHERE l.upload_id = u.upload_id) AS rows_now
FROM uploads u
ORDER BY u.upload_id DESC
