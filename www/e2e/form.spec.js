// Issue 6 §1, §2, §3: the form drives the outputs, mistakes show inline, the summary focuses fields.
const { test, expect } = require('@playwright/test');
const { openFresh, updateP95, clearMeasures, loadPreset } = require('./helpers');

test('filling the form updates the JSON body', async ({ page }) => {
  const { errors } = await openFresh(page);
  await page.locator('#f-SourceId').fill('+447700900123');
  await page.locator('#f-DestinationId').fill('arn:aws:sms-voice:eu-west-2:111122223333:phone-number/phone-abc');
  await page.locator('#f-Subtype').selectOption('connect:sms');
  await page.locator('#f-Event-Type').selectOption('MESSAGE');
  await page.locator('#f-Event-ContentType').selectOption('text/plain');
  await page.locator('#f-Event-Content').fill('Hello from the test');
  await page.locator('#include-nsd').uncheck();
  await page.locator('#tab-json').click();
  const body = JSON.parse(await page.locator('#out-json').innerText());
  expect(body).toEqual({
    SourceId: '+447700900123',
    DestinationId: 'arn:aws:sms-voice:eu-west-2:111122223333:phone-number/phone-abc',
    Subtype: 'connect:sms',
    Event: { Type: 'MESSAGE', ContentType: 'text/plain', Content: 'Hello from the test' },
  });
  await expect(page.locator('#diagnostic-summary')).toContainText('No problems found');
  expect(errors).toEqual([]);
});

test('a mistake shows its inline error, and the summary focuses the field', async ({ page }) => {
  const { errors } = await openFresh(page);
  await page.locator('#f-SourceId').fill('(415) 555-0123');
  const inline = page.locator('#f-SourceId-diags .diag');
  await expect(inline.first()).toBeVisible();
  await expect(inline.first()).toContainText('E.164');
  await expect(page.locator('[data-path="SourceId"]')).toHaveClass(/has-(error|warning)/);

  // The suggested fix applies the normalized number.
  await inline.first().getByRole('button', { name: /Use \+14155550123/ }).click();
  await expect(page.locator('#f-SourceId')).toHaveValue('+14155550123');
  await expect(page.locator('#f-SourceId-diags .diag')).toHaveCount(0);

  // An error the CLI does not catch is marked so.
  await page.locator('#f-Event-Type').selectOption('');
  await page.locator('#f-SourceId').fill('x'.repeat(256));
  const summaryItem = page.locator('#diagnostic-summary .diag', { hasText: 'SourceId' }).first();
  await expect(summaryItem).toContainText("CLI won't catch this");
  await page.locator('#f-Event-Content').focus();
  await summaryItem.locator('button.summary-item').click();
  await expect(page.locator('#f-SourceId')).toBeFocused();
  expect(errors).toEqual([]);
});

test('an attribute key with a dot is flagged and fixed in place', async ({ page }) => {
  const { errors } = await openFresh(page);
  await loadPreset(page, 'broken-new-session');
  const diag = page.locator('#f-NewSessionDetails-Attributes-diags .diag', { hasText: 'order.id' });
  await expect(diag).toHaveClass(/error/);
  await diag.getByRole('button', { name: 'Use order_id' }).click();
  await expect(page.locator('#f-NewSessionDetails-Attributes-key-0')).toHaveValue('order_id');
  await expect(page.locator('#f-NewSessionDetails-Attributes-diags .diag')).toHaveCount(0);
  await expect(page.locator('[data-path="NewSessionDetails.Attributes"] .counter')).toContainText('14 / 32,768 bytes');
  expect(errors).toEqual([]);
});

test('Content: JSON check for application/json, counter, receipt builder', async ({ page }) => {
  const { errors } = await openFresh(page);
  await loadPreset(page, 'sms-reply');
  await page.locator('#f-Subtype').selectOption('');
  await page.locator('#f-Event-ContentType').selectOption('application/json');
  await page.locator('#f-Event-Content').fill('{"a": 1');
  await expect(page.locator('#f-Event-Content-diags .diag').first()).toContainText(/JSON/);
  await page.locator('#f-Event-Content').fill('{"a": 1}');
  await expect(page.locator('#f-Event-Content-diags .diag', { hasText: 'JSON' })).toHaveCount(0);
  await expect(page.locator('[data-path="Event.Content"] .counter')).toHaveText('8 / 16,384 characters');
  // WhatsApp's tighter limit replaces the model's.
  await page.locator('#f-Subtype').selectOption('connect:WhatsApp');
  await expect(page.locator('[data-path="Event.Content"] .counter')).toHaveText('8 / 1,024 characters');

  // A ContentType that does not fit the new Type stays, marked in the menu, and is flagged.
  await page.locator('#f-Event-Type').selectOption('EVENT');
  await expect(page.locator('#f-Event-ContentType')).toHaveValue('application/json');
  await expect(page.locator('#f-Event-ContentType option:checked')).toHaveText('application/json (does not fit)');
  await expect(page.locator('#f-Event-ContentType-diags .diag.error')).toHaveCount(1);
  await page.locator('#f-Event-ContentType').selectOption('application/vnd.amazonaws.connect.event.message.delivered');
  await page.locator('#receipt-message-id').fill('m-1');
  await expect(page.locator('#f-Event-Content')).toHaveValue('{"messageId":"m-1"}');
  // Choosing "custom…" offers a free text box for the ContentType.
  await page.locator('#f-Event-ContentType').selectOption({ label: 'custom…' });
  await page.locator('#f-Event-ContentType').fill('application/x-custom');
  await expect(page.locator('#f-Event-ContentType-choice')).toHaveValue(/custom/);
  await page.locator('#tab-json').click();
  await expect(page.locator('#out-json')).toContainText('"ContentType": "application/x-custom"');
  expect(errors).toEqual([]);
});

test('keystroke to every output updated: p95 within 8 ms', async ({ page }) => {
  await openFresh(page);
  await loadPreset(page, 'whatsapp-attributes');
  const content = page.locator('#f-Event-Content');
  await content.click();
  await page.keyboard.press('End');
  await clearMeasures(page);
  await page.keyboard.type('A reasonably long message typed key by key, to time every update.', { delay: 5 });
  const { count, p95, max } = await updateP95(page);
  console.log(`keystroke → outputs: ${count} updates, p95 ${p95.toFixed(2)} ms, max ${max.toFixed(2)} ms`);
  expect(count).toBeGreaterThanOrEqual(60);
  expect(p95).toBeLessThanOrEqual(8);
});
