aws connect send-chat-integration-event \
  --source-id +5511987654321 \
  --destination-id arn:aws:sms-voice:sa-east-1:111122223333:phone-number/phone-1f2e3d4c5b6a79800 \
  --subtype connect:WhatsApp \
  --event '{"Type":"MESSAGE","ContentType":"text/plain","Content":"Olá! Meu pedido ainda não chegou."}' \
  --new-session-details 'SupportedMessagingContentTypes=text/plain,ParticipantDetails={DisplayName=Marina},Attributes={customer-id=C-1042,locale=pt_BR,order_ref=A-7731},StreamingConfiguration={StreamingEndpointArn=arn:aws:sns:sa-east-1:111122223333:chat-transcripts}' \
  --region us-east-1