// Issue 6 §3 and §4: the CLI command and other outputs follow the form; a pasted command fills it.
const { test, expect } = require('@playwright/test');
const { openFresh, loadPreset } = require('./helpers');

test('the CLI command follows the form, per shell and style', async ({ page }) => {
  const { errors } = await openFresh(page);
  await loadPreset(page, 'sms-reply');
  await page.locator('#tab-cli').click();
  const cli = page.locator('#out-cli');
  await expect(cli).toContainText('aws connect send-chat-integration-event');
  await expect(cli).toContainText('--source-id +14155550123');
  await expect(cli).toContainText('--subtype connect:sms');
  // The content has a comma and an apostrophe: shorthand quotes the value, bash quotes the whole.
  await expect(cli).toContainText(`--event 'Type=MESSAGE,ContentType=text/plain,Content="It'\\''s 12 Elm Street, apartment 4."'`);
  await expect(page.locator('.notes')).toContainText(/quot/i);

  await page.locator('#style-json').check();
  await expect(cli).toContainText('--event \'{"Type":"MESSAGE"');
  await page.locator('#shell').selectOption('cmd');
  await expect(cli).toContainText('^');
  await expect(cli).not.toContainText("'\\''");

  await page.locator('#tab-shorthand').click();
  await expect(page.locator('#out-shorthand-event')).toHaveText(`Type=MESSAGE,ContentType=text/plain,Content="It's 12 Elm Street, apartment 4."`);
  await expect(page.locator('#out-shorthand-nsd')).toContainText('no NewSessionDetails');

  await page.locator('#tab-cli-input-json').click();
  const doc = JSON.parse(await page.locator('#out-cli-input-json').innerText());
  expect(doc.Event.Content).toBe("It's 12 Elm Street, apartment 4.");
  await expect(page.locator('#out-cli-input-json-command')).toContainText('--cli-input-json file://');

  await page.locator('#tab-cli-input-yaml').click();
  await expect(page.locator('#out-cli-input-yaml')).toContainText('SourceId:');
  // The SDK snippets: boto3 by default, the AWS SDK for JavaScript v3 on request; the choice is kept.
  await page.locator('#tab-sdk').click();
  await expect(page.locator('#out-sdk')).toContainText('response = client.send_chat_integration_event(');
  await expect(page.locator('#out-sdk')).toContainText(`"Content": "It's 12 Elm Street, apartment 4."`);
  await page.locator('#sdk-language').selectOption('JavaScript (SDK v3)');
  await expect(page.locator('#out-sdk')).toContainText('new SendChatIntegrationEventCommand({');
  await expect(page.locator('#out-sdk')).toContainText(`Content: "It's 12 Elm Street, apartment 4."`);
  // Rust (aws-sdk-connect's builders) and PowerShell (the AWS Tools' cmdlet), with their own literals.
  await page.locator('#sdk-language').selectOption('Rust (aws-sdk-connect)');
  await expect(page.locator('#out-sdk')).toContainText('.send_chat_integration_event()');
  await expect(page.locator('#out-sdk')).toContainText(`.content("It's 12 Elm Street, apartment 4.")`);
  await page.locator('#sdk-language').selectOption('PowerShell (AWS Tools)');
  await expect(page.locator('#out-sdk')).toContainText('$response = Send-CONNChatIntegrationEvent');
  await expect(page.locator('#out-sdk')).toContainText(`-Event_Content 'It''s 12 Elm Street, apartment 4.'`);
  // The region and the explaining comment, for every language, kept with the page.
  await page.locator('#sdk-region').fill('eu-west-2');
  await page.locator('#sdk-explain').check();
  await expect(page.locator('#out-sdk')).toContainText(`-Region 'eu-west-2'`);
  await expect(page.locator('#out-sdk')).toContainText('# SourceId, DestinationId and Subtype name one chat.');
  await page.locator('#sdk-language').selectOption('JavaScript (SDK v3)');
  await expect(page.locator('#out-sdk')).toContainText('new ConnectClient({ region: "eu-west-2" })');
  await page.reload();
  await expect(page.locator('#sdk-language')).toHaveValue('JavaScript (SDK v3)');
  await expect(page.locator('#sdk-region')).toHaveValue('eu-west-2');
  await expect(page.locator('#sdk-explain')).toBeChecked();
  await page.locator('#sdk-region').fill('');
  await expect(page.locator('#out-sdk')).toContainText('new ConnectClient({})');
  await page.locator('#tab-cli-input-yaml').click();
  // Keyboard: arrows move between tabs.
  await page.locator('#tab-cli-input-yaml').focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('#tab-cli-input-json')).toBeFocused();
  await expect(page.locator('#tab-cli-input-json')).toHaveAttribute('aria-selected', 'true');
  expect(errors).toEqual([]);
});

test('a shorthand error shows the CLI\'s echo of the input, the caret under its character, and the hint apart', async ({ page }) => {
  const { errors } = await openFresh(page);
  await page.locator('#import-text').fill("aws connect send-chat-integration-event --source-id +1 --destination-id d --event 'Type=MESSAGE,Content=a,'");
  const diag = page.locator('#import-diags .diag.error').first();
  // AWS CLI version 2's words by default: its prefix, the echo one column right of its caret line.
  await expect(page.locator('#import-cli')).toHaveValue('v2');
  await expect(diag.locator('.msg')).toContainText("aws: [ERROR]: An error occurred (ParamValidation): Error parsing parameter '--event'");
  const echo = diag.locator('.echo');
  const [shifted, v2Caret] = (await echo.textContent()).split('\n');
  expect(shifted).toBe(' Type=MESSAGE,Content=a,');
  await expect(diag.locator('.exit-code')).toHaveText('Exit code: 252 (AWS CLI version 2).');
  // Version 1's, chosen with the keyboard: the echo at the start of its line, the caret one past
  // the trailing comma, where the CLI expected a second item.
  await page.locator('#import-cli').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('#import-cli')).toHaveValue('v1');
  await expect(diag.locator('.msg')).not.toContainText('aws: [ERROR]');
  await expect(diag.locator('.exit-code')).toHaveText('Exit code: 255 (AWS CLI version 1).');
  const [input, caret] = (await echo.textContent()).split('\n');
  expect(input).toBe('Type=MESSAGE,Content=a,');
  expect(caret).toBe(' '.repeat(input.length) + '^');
  expect(v2Caret).toBe(caret);
  expect(await echo.evaluate((e) => getComputedStyle(e).whiteSpace)).toBe('pre');
  expect(await echo.evaluate((e) => getComputedStyle(e).fontFamily)).toMatch(/mono/i);
  await expect(diag.locator('.hint')).toHaveText(/^Hint: .*trailing comma/);
  // The choice is kept with the page.
  await page.reload();
  await expect(page.locator('#import-cli')).toHaveValue('v1');
  await expect(page.locator('#import-diags .diag.error .exit-code').first()).toHaveText('Exit code: 255 (AWS CLI version 1).');
  expect(errors).toEqual([]);
});

test('a pasted PowerShell command is read as PowerShell reads it, and another shell can be chosen', async ({ page }) => {
  const { errors } = await openFresh(page);
  // Windows PowerShell 5.1's idiom: \" inside single quotes, and a backtick line continuation.
  await page.locator('#import-text').fill(`aws connect send-chat-integration-event --source-id +15551234567 \`
  --destination-id d --event '{\\"Type\\":\\"MESSAGE\\",\\"ContentType\\":\\"text/plain\\",\\"Content\\":\\"It''s me\\"}'`);
  const reading = page.locator('#import-shell-reading');
  await expect(reading).toContainText('Read as Windows PowerShell 5.1.');
  await expect(reading).toContainText("PowerShell's line continuation");
  await expect(page.locator('#import-status')).toContainText('ready to load');
  // What aws receives: the JSON with its quotes, as the C runtime leaves it.
  await reading.locator('summary').click();
  await expect(reading.locator('.arguments li').nth(7)).toHaveText('{"Type":"MESSAGE","ContentType":"text/plain","Content":"It\'s me"}');
  // PowerShell 7.3+, chosen with the keyboard, passes the backslashes on: the CLI refuses the JSON.
  await page.locator('#import-shell').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('#import-shell')).toHaveValue('pwsh7');
  await expect(reading).toContainText('Read as PowerShell 7.3+. It was chosen.');
  await expect(page.locator('#import-diags .diag.error .msg').first()).toContainText('Invalid JSON');
  // The choice is kept with the page.
  await page.reload();
  await expect(page.locator('#import-shell')).toHaveValue('pwsh7');
  expect(errors).toEqual([]);
});

test('a pasted CLI command fills the form; a broken one is located and kept', async ({ page }) => {
  const { errors } = await openFresh(page);
  const box = page.locator('#import-text');
  const command = `aws connect send-chat-integration-event \\
  --source-id +5511987654321 \\
  --destination-id arn:aws:sms-voice:sa-east-1:111122223333:phone-number/phone-1 \\
  --subtype connect:WhatsApp \\
  --event 'Type=MESSAGE,ContentType=text/plain,Content="Oi, tudo bem?"' \\
  --new-session-details 'SupportedMessagingContentTypes=text/plain,ParticipantDetails={DisplayName=Ana},Attributes={tier=gold}'`;
  await box.fill(command);
  await expect(page.locator('#import-status')).toContainText('AWS CLI command');
  await page.locator('#import-load').click();
  await expect(page.locator('#f-SourceId')).toHaveValue('+5511987654321');
  await expect(page.locator('#f-Subtype')).toHaveValue('connect:WhatsApp');
  await expect(page.locator('#f-Event-Content')).toHaveValue('Oi, tudo bem?');
  await expect(page.locator('#f-NewSessionDetails-ParticipantDetails-DisplayName')).toHaveValue('Ana');
  await expect(page.locator('#f-NewSessionDetails-Attributes-key-0')).toHaveValue('tier');

  // An unclosed quote: the error names its line, the text stays, the form keeps the last good request.
  const broken = command.replace('Content="Oi, tudo bem?"\'', 'Content="Oi, tudo bem?');
  await box.fill(broken);
  await expect(page.locator('#import-diags .diag.error').first()).toContainText(/line \d+/);
  await expect(page.locator('#import-load')).toBeDisabled();
  await expect(box).toHaveValue(broken);
  await expect(page.locator('#f-Event-Content')).toHaveValue('Oi, tudo bem?');

  // YAML is detected too.
  await box.fill('SourceId: "+14155550199"\nDestinationId: d\nEvent:\n  Type: DISCONNECT\n');
  await expect(page.locator('#import-status')).toContainText('YAML');
  await box.press('Control+Enter');
  await expect(page.locator('#f-SourceId')).toHaveValue('+14155550199');
  expect(errors).toEqual([]);
});
