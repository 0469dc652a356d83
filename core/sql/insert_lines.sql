INSERT INTO lines BY NAME
SELECT ? AS upload_id, row_number, date, client_id, client_name, amount, margin, quantity,
       product, order_id, manager, region, segment, loss_reason, client_kind
FROM staged_lines
