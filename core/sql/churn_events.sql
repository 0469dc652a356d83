SELECT client_id, last_purchase, loss_date, value_before_loss, won_back_date, reason
FROM losses
ORDER BY client_id, loss_date
