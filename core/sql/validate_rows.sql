-- Type and check every row of an upload; a row with a reason is set aside.
-- Stage 1 trims the text of each role once; stage 2 parses it; stage 3 gives the reason.
CREATE TABLE checked AS
WITH base AS (
    SELECT {row} AS row_number,
           {date_raw} AS date_raw, {client_raw} AS client_raw,
           {amount_raw} AS amount_raw, {margin_raw} AS margin_raw,
           {quantity_raw} AS quantity_raw, {unit_price_raw} AS unit_price_raw,
           {texts}
    FROM raw
), parsed AS (
    SELECT *,
           {date} AS date,
           CASE WHEN client_raw LIKE '%.0' THEN regexp_replace(client_raw, '^([0-9]+)\.0+$', '\1')
                ELSE client_raw END AS client_id,
           {amount} AS amount, {margin} AS margin, {quantity} AS quantity, {unit_price} AS unit_price
    FROM base
)
SELECT row_number, date, client_id, client_name, {amount_expr} AS amount, margin, quantity,
       product, order_id, manager, region, segment, loss_reason, client_kind,
       CASE
           WHEN date_raw IS NULL THEN 'date is empty'
           WHEN date IS NULL THEN 'date ''' || date_raw || ''' cannot be read as a date'
           WHEN year(date) NOT BETWEEN 1900 AND 2100 THEN 'date ''' || date_raw || ''' is out of range'
           WHEN client_id IS NULL THEN 'client is empty'
           WHEN amount_raw IS NULL AND unit_price_raw IS NULL THEN 'amount is empty'
           WHEN amount_raw IS NOT NULL AND amount IS NULL THEN 'amount ''' || amount_raw || ''' is not a number'
           WHEN unit_price_raw IS NOT NULL AND unit_price IS NULL THEN 'unit price ''' || unit_price_raw || ''' is not a number'
           WHEN {amount_expr} IS NULL THEN 'amount is empty'
           WHEN margin_raw IS NOT NULL AND margin IS NULL THEN 'margin ''' || margin_raw || ''' is not a number'
           WHEN quantity_raw IS NOT NULL AND quantity IS NULL THEN 'quantity ''' || quantity_raw || ''' is not a number'
       END AS reason
FROM parsed
