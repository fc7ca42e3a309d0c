curl --request GET \
  --url https://api.kapso.ai/platform/v1/whatsapp/phone_numbers/{phone_number_id}/webhooks \
  --header 'X-API-Key: <api-key>'
