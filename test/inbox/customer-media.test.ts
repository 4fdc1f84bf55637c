import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { addAgent } from '../../src/inbox/agents.js';
import { createLogger } from '../../src/log/logger.js';
import { openLibsql } from '../../src/store/libsql.js';
import { systemClock } from '../../src/util/clock.js';
import { wireAdapters } from '../../src/wiring.js';
import { inboxMediaFetcher, photo, startFakeGraphMedia, TOKEN, voiceNote } from '../media/fake-media.js';
import { createHarness, type Harness } from '../support/harness.js';

const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** The sandbox names a message's media `media.sandbox.<wamid>`. */
const mediaIdOf = (wamid: string) => `media.sandbox.${wamid}`;

async function setup(options: { fetcher?: boolean } = {}) {
  const graph = await startFakeGraphMedia();
  const harness: Harness = await createHarness(
    options.fetcher === false ? {} : { mediaFetcher: inboxMediaFetcher(graph.url) },
  );
  closers.push(() => harness.close(), graph.close);
  const orders = await addAgent(harness.db, { name: 'Layla', queues: ['orders'], now: Date.now() });
  const billing = await addAgent(harness.db, { name: 'Omar', queues: ['billing'], now: Date.now() });
  const as = (token: string | undefined) => (path: string) =>
    harness.app.request(path, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  return { graph, harness, layla: as(orders.token), omar: as(billing.token), anonymous: as(undefined) };
}

/** A damaged-item handoff, then a photo and a voice note sent while it waits. */
async function damagedItemWithPhoto(harness: Harness, waId: string) {
  await harness.post({ waId, text: 'my kettle arrived broken' });
  await harness.post({ waId, type: 'image', caption: 'the box', id: `wamid.${waId}.photo` });
  await harness.post({ waId, type: 'audio', id: `wamid.${waId}.voice` });
  const [packet] = await harness.packets();
  if (packet === undefined) throw new Error('no handoff');
  return packet.id;
}

type Line = { id: string; type: string; text: string | null; media: boolean };

async function transcriptOf(
  open: (path: string) => Response | Promise<Response>,
  handoffId: string,
): Promise<Line[]> {
  return ((await (await open(`/api/handoffs/${handoffId}`)).json()) as { transcript: Line[] }).transcript;
}

describe('files customers send, opened from the inbox', () => {
  it('fetches a photo and a voice note from the channel for an agent who may see the handoff', async () => {
    const { graph, harness, layla } = await setup();
    const waId = '966500001201';
    graph.add(mediaIdOf(`wamid.${waId}.photo`), { bytes: photo(), mimeType: 'image/jpeg', sha256: 'hex' });
    graph.add(mediaIdOf(`wamid.${waId}.voice`), {
      bytes: voiceNote(),
      mimeType: 'audio/ogg; codecs=opus',
      sha256: 'hex',
    });
    const id = await damagedItemWithPhoto(harness, waId);

    const transcript = await transcriptOf(layla, id);
    expect(transcript.map((line) => [line.type, line.media])).toEqual([
      ['text', false],
      ['text', false],
      ['image', true],
      // "Thanks, our team will see it…"
      ['text', false],
      ['audio', true],
    ]);
    const image = transcript.find((line) => line.type === 'image');
    const audio = transcript.find((line) => line.type === 'audio');

    const response = await layla(`/api/handoffs/${id}/media/${image?.id}`);
    expect(response.status).toBe(200);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(photo());
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain('sandbox');
    expect(response.headers.get('cache-control')).toBe('private, max-age=3600');
    // the channel's credentials stay on the server
    expect(graph.calls.every((call) => call.authorization === `Bearer ${TOKEN}`)).toBe(true);

    const voice = await layla(`/api/handoffs/${id}/media/${audio?.id}`);
    expect(voice.headers.get('content-type')).toBe('audio/ogg');
    expect(new Uint8Array(await voice.arrayBuffer())).toEqual(voiceNote());
  });

  it('shows nothing to an agent outside the queue, without a token, or for a message of another conversation', async () => {
    const { graph, harness, layla, omar, anonymous } = await setup();
    graph.add(mediaIdOf('wamid.966500001202.photo'), { bytes: photo(), mimeType: 'image/jpeg' });
    graph.add(mediaIdOf('wamid.966500001203.photo'), { bytes: photo(), mimeType: 'image/jpeg' });
    const mine = await damagedItemWithPhoto(harness, '966500001202');
    await damagedItemWithPhoto(harness, '966500001203');
    const other = (await harness.packets())[1]?.id ?? '';
    const [mineLines, otherLines] = [await transcriptOf(layla, mine), await transcriptOf(layla, other)];
    const otherPhoto = otherLines.find((line) => line.type === 'image')?.id;
    const myPhoto = mineLines.find((line) => line.type === 'image')?.id;
    const myText = mineLines.find((line) => line.type === 'text')?.id;

    expect((await omar(`/api/handoffs/${mine}/media/${myPhoto}`)).status).toBe(403);
    expect((await anonymous(`/api/handoffs/${mine}/media/${myPhoto}`)).status).toBe(401);
    expect((await layla(`/api/handoffs/${mine}/media/${otherPhoto}`)).status).toBe(404);
    expect((await layla(`/api/handoffs/${mine}/media/${myText}`)).status).toBe(404);
    expect((await layla(`/api/handoffs/${mine}/media/${myPhoto}`)).status).toBe(200);
  });

  it('says when the channel no longer keeps the file, cannot show it, or did not answer', async () => {
    const { graph, harness, layla } = await setup();
    const waId = '966500001204';
    // the voice note was never stored on the fake: Meta's answer for an expired media id
    graph.add(mediaIdOf(`wamid.${waId}.photo`), {
      bytes: new TextEncoder().encode('<svg onload="alert(1)"/>'),
      mimeType: 'image/svg+xml',
    });
    const id = await damagedItemWithPhoto(harness, waId);
    const lines = await transcriptOf(layla, id);
    const image = lines.find((line) => line.type === 'image');
    const audio = lines.find((line) => line.type === 'audio');

    const svg = await layla(`/api/handoffs/${id}/media/${image?.id}`);
    expect(svg.status).toBe(415);
    expect(await svg.json()).toMatchObject({ code: 'unsupported_media' });
    const expired = await layla(`/api/handoffs/${id}/media/${audio?.id}`);
    expect(expired.status).toBe(410);
    expect(await expired.json()).toMatchObject({ code: 'gone' });

    graph.add(mediaIdOf(`wamid.${waId}.voice`), {
      bytes: voiceNote(),
      mimeType: 'audio/ogg',
      downloadFailures: [500, 500],
    });
    const down = await layla(`/api/handoffs/${id}/media/${audio?.id}`);
    expect(down.status).toBe(502);
    expect(await down.json()).toMatchObject({ code: 'bad_gateway' });
  });

  it('explains that the sandbox keeps no files', async () => {
    const { harness, layla } = await setup({ fetcher: false });
    const id = await damagedItemWithPhoto(harness, '966500001205');
    const [, , image] = await transcriptOf(layla, id);
    const response = await layla(`/api/handoffs/${id}/media/${image?.id}`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { message: string }).message).toMatch(/sandbox/);
  });
});

describe('the inbox media fetcher', () => {
  const wire = (env: Record<string, string>) =>
    wireAdapters({
      config: loadConfig({ NODE_ENV: 'test', ...env }),
      db: openLibsql(':memory:').db,
      clock: systemClock,
      logger: createLogger({ level: 'error', write: () => {} }),
      knowledge: [],
      version: 'test',
    }).options.mediaFetcher;

  it("is the configured channel's, and there is none with the sandbox", async () => {
    expect(wire({})).toBeUndefined();
    expect(
      wire({
        WHATSAPP_ACCESS_TOKEN: 'token',
        WHATSAPP_APP_SECRET: 'secret',
        WHATSAPP_PHONE_NUMBER_ID: '123',
        WHATSAPP_VERIFY_TOKEN: 'verify',
      }),
    ).toBeDefined();
  });
});
