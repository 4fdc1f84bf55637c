import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { MetaMediaFetcher } from '../../src/media/fetch-media.js';
import { DEFAULT_ALLOWED_TYPES } from '../../src/media/mime.js';
import type { MediaDeps } from '../../src/media/understand.js';
import { createHarness, type Harness } from '../support/harness.js';
import { photo, startFakeGraphMedia, TOKEN, voiceNote } from './fake-media.js';
import { answer, startFakeOpenAiMedia } from './fake-openai-media.js';

const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function setup() {
  const graph = await startFakeGraphMedia();
  const openai = await startFakeOpenAiMedia();
  const limits = { maxBytes: 100_000, allowedTypes: DEFAULT_ALLOWED_TYPES, timeoutMs: 2_000 };
  const media: MediaDeps = {
    fetcher: new MetaMediaFetcher({ baseUrl: graph.url, apiVersion: 'v26.0', accessToken: TOKEN, ...limits }),
    client: new OpenAI({ apiKey: 'sk-test', baseURL: openai.baseURL, maxRetries: 0 }),
    transcribeModel: 'whisper-1',
    visionModel: 'gpt-4o-mini',
    limits,
    retryDelayMs: 0,
  };
  const harness: Harness = await createHarness({ media });
  closers.push(() => harness.close(), graph.close, openai.close);
  return { graph, openai, harness };
}

/** The sandbox names a message's media `media.sandbox.<wamid>`. */
const mediaIdOf = (wamid: string) => `media.sandbox.${wamid}`;

describe('voice notes and photos through the pipeline', () => {
  it('reads an Arabic voice note as text, answers it, and keeps the transcript for the agent', async () => {
    const { graph, openai, harness } = await setup();
    graph.add(mediaIdOf('wamid.voice.1'), { bytes: voiceNote(), mimeType: 'audio/ogg', sha256: 'hex' });
    openai.scriptTranscripts(answer.text('ابي اكلم موظف لو سمحت', 'ar'));
    await harness.post({ waId: '966500001101', type: 'audio', id: 'wamid.voice.1' });
    const [packet] = await harness.packets();
    expect(packet?.reasons[0]?.code).toBe('human_requested');
    expect(packet?.customer.language).toBe('ar');
    expect(packet?.transcript[0]?.text).toBe('[audio] ابي اكلم موظف لو سمحت');
  });

  it('describes a photo for the packet and lets it support a trigger', async () => {
    const { graph, openai, harness } = await setup();
    graph.add(mediaIdOf('wamid.photo.1'), { bytes: photo(), mimeType: 'image/jpeg', sha256: 'hex' });
    openai.scriptVision(answer.text('A laptop whose screen arrived cracked in the box.'));
    await harness.post({ waId: '966500001102', type: 'image', id: 'wamid.photo.1' });
    const [packet] = await harness.packets();
    expect(packet?.reasons[0]?.code).toBe('complex_query');
    expect(packet?.facts.media[0]).toMatch(/cracked/);
  });

  it('falls back to asking for text when transcription fails, never to silence', async () => {
    const { graph, openai, harness } = await setup();
    graph.add(mediaIdOf('wamid.voice.2'), { bytes: voiceNote(), mimeType: 'audio/ogg', sha256: 'hex' });
    openai.scriptTranscripts(answer.error(500), answer.error(500));
    await harness.post({ waId: '966500001103', type: 'audio', id: 'wamid.voice.2' });
    expect(await harness.replies('966500001103')).toEqual([expect.stringMatching(/voice message.*cannot/)]);
    expect(await harness.packets()).toEqual([]);
  });
});
