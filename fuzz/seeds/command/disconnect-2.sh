aws connect send-chat-integration-event \
  --source-id +14155550123 \
  --destination-id arn:aws:sms-voice:us-east-1:111122223333:phone-number/phone-0a1b2c3d4e5f67890 \
  --subtype connect:sms \
  --event '{"Type":"DISCONNECT"}' \
  --region us-east-1