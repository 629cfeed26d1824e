aws connect send-chat-integration-event \
  --cli-input-yaml 'SourceId: "+14155550123"
DestinationId: "arn:aws:sms-voice:us-east-1:111122223333:phone-number/phone-0a1b2c3d4e5f67890"
Subtype: "connect:sms"
Event:
  Type: message
  ContentType: text/plain
  Content: Hello
' \
  --region us-east-1