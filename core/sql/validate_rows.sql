-- Type and check every row of an upload; a row with a reason is set aside.
-- Stage 1 cleans the text of each role once (control characters out of text, then
-- trimmed, then missing words as NULL: one stage each, so no cell is cleaned twice),
-- the first two in the rows a screen over all the row's cells flags (nearly none);
-- stage 2 reads it under the column's one date order and decimal style; stage 3
-- gives the first reason a row cannot be stored, in the words a person fixes it by.
CREATE OR REPLACE TABLE {checked} AS
WITH screened AS (
    SELECT *, {suspect} AS suspect
    FROM raw
), controls AS (
    SELECT {row} AS row_number, suspect,
           {controls}
    FROM screened
), edges AS (
    SELECT row_number,
           {edges}
    FROM controls
), base AS (
    SELECT row_number,
           {date_raw} AS date_raw, {client_raw} AS client_raw,
           {amount_raw} AS amount_raw, {margin_raw} AS margin_raw, {cost_raw} AS cost_raw,
           {quantity_raw} AS quantity_raw, {unit_price_raw} AS unit_price_raw,
           {texts}
    FROM edges
), canonical AS (
    SELECT *,
           {date} AS date,
           CASE WHEN client_raw LIKE '%.0' THEN regexp_replace(client_raw, '^([0-9]+)\.0+$', '\1')
                ELSE client_raw END AS client_id,
           {amount_canon} AS amount_canon, {margin_canon} AS margin_canon, {cost_canon} AS cost_canon,
           {quantity_canon} AS quantity_canon, {unit_price_canon} AS unit_price_canon
    FROM base
), parsed AS (
    SELECT *,
           {amount_value} AS amount_value, {margin_value} AS margin_value, {cost_value} AS cost_value,
           {quantity_value} AS quantity_value, {unit_price_value} AS unit_price_value
    FROM canonical
), derived AS (
    SELECT *,
           {amount_expr} AS amount_line,
           {margin_expr} AS margin_line
    FROM parsed
)
SELECT row_number, date, client_id, client_name,
       CAST(amount_line AS DECIMAL(20, 4)) AS amount,
       CAST(margin_line AS DECIMAL(20, 4)) AS margin,
       CAST(quantity_value AS DOUBLE) AS quantity,
       product, order_id, manager, region, segment, loss_reason, client_kind,
       CASE
           WHEN date_raw IS NULL THEN 'no date'
           WHEN date IS NULL THEN 'date ''' || date_raw || ''' cannot be read as a date written ' || {date_style}
           WHEN date < DATE '1900-01-01' THEN 'date ''' || date_raw || ''' is before 1900'
           WHEN date > DATE '{latest_date}' THEN 'date ''' || date_raw || ''' is more than 31 days after the upload'
           WHEN client_id IS NULL THEN 'no client'
           {number_reasons}
           WHEN amount_line IS NULL THEN 'no amount'
           WHEN abs(amount_line) > 1e15 THEN 'amount is beyond ±10^15'
           WHEN abs(margin_line) > 1e15 THEN 'margin is beyond ±10^15'
       END AS reason
FROM derived
