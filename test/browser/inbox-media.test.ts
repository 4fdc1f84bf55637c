import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboxMediaFetcher, startFakeGraphMedia } from '../media/fake-media.js';
import { hasChromium, type Stage, screenshotDir, signIn, startStage } from './browser.js';

/** A 1×1 PNG: a real image, so the browser decodes it. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

let stage: Stage;
let graph: Awaited<ReturnType<typeof startFakeGraphMedia>>;
let inbox: Page;

describe.skipIf(!hasChromium)('files customers send, in the inbox (headless Chromium)', () => {
  beforeAll(async () => {
    graph = await startFakeGraphMedia();
    stage = await startStage({}, { mediaFetcher: inboxMediaFetcher(graph.url) });
    inbox = await stage.open('/inbox');
    await signIn(inbox, stage.token);
  });
  afterAll(async () => {
    await stage?.close();
    await graph?.close();
  });

  it('shows the photo in the conversation, and says why a voice note that expired cannot be played', async () => {
    const waId = '966500001301';
    graph.add(`media.sandbox.wamid.${waId}.photo`, { bytes: new Uint8Array(PNG), mimeType: 'image/png' });
    await stage.harness.post({ waId, name: 'Noura', text: 'my kettle arrived broken' });
    await stage.harness.post({
      waId,
      type: 'image',
      caption: 'the lid is cracked',
      id: `wamid.${waId}.photo`,
    });
    await stage.harness.post({ waId, type: 'audio', id: `wamid.${waId}.voice` });

    await inbox.locator('#queue-list .item', { hasText: 'Noura' }).click();
    const photoLine = inbox.locator('.line.from-customer', { hasText: 'the lid is cracked' });
    const image = photoLine.locator('.line-media img');
    await image.waitFor();
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBe(1);
    expect(await photoLine.locator('a.line-media').getAttribute('href')).toMatch(
      /^\/api\/handoffs\/.+\/media\//,
    );

    const voice = inbox.locator('.line.from-customer', { hasText: 'Voice note' });
    await voice
      .locator('.line-error', { hasText: 'Voice note not available: the channel no longer keeps this file' })
      .waitFor();
    await inbox.screenshot({ path: `${screenshotDir}/inbox-media.png` });
    expect(stage.pageErrors).toEqual([]);
  }, 30_000);
});
