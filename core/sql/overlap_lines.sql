upload_id IN (SELECT upload_id FROM uploads WHERE source_key = ?)
  AND date BETWEEN ? AND ?
