curl --request PATCH \
--url https://api.kapso.ai/platform/v1/whatsapp/phone_numbers/{phone_number_id}/webhooks/{webhook_id} \
--header 'Content-Type: application/json' \
--header 'X-API-Key: <api-key>' \
--data '{
"whatsapp_webhook": {
"buffer_enabled": true,
"buffer_window_seconds": 5,
"max_buffer_size": 20,
"buffer_events": [
"whatsapp.message.received"
]
}
}'
