curl --request POST \
--url https://api.kapso.ai/platform/v1/whatsapp/phone_numbers/{phone_number_id}/webhooks \
--header 'Content-Type: application/json' \
--header 'X-API-Key: <api-key>' \
--data '{
"whatsapp_webhook": {
"url": "https://api.acme.com/webhooks/whatsapp",
"secret_key": "wh_sec_3kfj9dmfkg8s2",
"events": [
"whatsapp.message.received",
"whatsapp.message.sent"
],
"active": true
}
}'
