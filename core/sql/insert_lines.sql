INSERT INTO lines
SELECT ?, row_number, date, client_id, client_name, amount, margin, quantity,
       product, order_id, manager, region, segment, loss_reason
FROM staged
