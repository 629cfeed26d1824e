aws connect send-chat-integration-event \
  --source-id +14155550123 \
  --destination-id arn:aws:sms-voice:us-east-1:111122223333:phone-number/phone-0a1b2c3d4e5f67890 \
  --subtype connect:sms \
  --event '{"Type":"MESSAGE","ContentType":"text/plain","Content":"Hi, I need to change my delivery address."}' \
  --new-session-details 'SupportedMessagingContentTypes=text/plain,ParticipantDetails={DisplayName=Customer +14155550123},Attributes={channel=sms,customer-tier=gold}' \
  --region us-east-1