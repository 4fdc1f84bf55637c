import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { BasicAuthMediaFetcher, HeaderMediaFetcher, MetaMediaFetcher } from '../../src/media/fetch-media.js';
import { DEFAULT_ALLOWED_TYPES } from '../../src/media/mime.js';
import { type MediaDeps, type MediaMessage, understandMedia } from '../../src/media/understand.js';
import {
  INFOBIP_KEY,
  photo,
  startFakeGraphMedia,
  startFakeInfobipMedia,
  startFakeTwilioMedia,
  TOKEN,
  TWILIO_SID,
  TWILIO_TOKEN,
  voiceNote,
} from './fake-media.js';
import { answer, startFakeOpenAiMedia } from './fake-openai-media.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

const limits = { maxBytes: 100_000, allowedTypes: DEFAULT_ALLOWED_TYPES, timeoutMs: 2_000 };

/** Meta's media API and an OpenAI-compatible server, with the deps the agent would pass. */
async function setup(overrides: Partial<MediaDeps> = {}) {
  const graph = await startFakeGraphMedia();
  const openai = await startFakeOpenAiMedia();
  closers.push(graph.close, openai.close);
  const deps: MediaDeps = {
    fetcher: new MetaMediaFetcher({
      baseUrl: graph.url,
      apiVersion: 'v26.0',
      accessToken: TOKEN,
      timeoutMs: limits.timeoutMs,
      maxBytes: limits.maxBytes,
    }),
    client: new OpenAI({ apiKey: 'sk-test', baseURL: openai.baseURL, maxRetries: 0 }),
    transcribeModel: 'whisper-1',
    visionModel: 'gpt-4o-mini',
    limits,
    retryDelayMs: 0,
    ...overrides,
  };
  return { graph, openai, deps };
}

const voice = (id = 'voice-1', mimeType = 'audio/ogg; codecs=opus'): MediaMessage => ({
  type: 'audio',
  channel: 'whatsapp',
  media: { id, mimeType, voice: true },
});
const image = (id = 'photo-1'): MediaMessage => ({
  type: 'image',
  channel: 'whatsapp',
  media: { id, mimeType: 'image/jpeg', caption: 'it arrived like this' },
});

describe('understandMedia', () => {
  it('turns a WhatsApp voice note into its transcript', async () => {
    const { graph, openai, deps } = await setup();
    graph.add('voice-1', { bytes: voiceNote(), mimeType: 'audio/ogg; codecs=opus', sha256: 'hex' });
    openai.scriptTranscripts(answer.text('Where is my order A1001?', 'english'));

    await expect(understandMedia(deps, voice())).resolves.toEqual({
      kind: 'transcript',
      text: 'Where is my order A1001?',
      language: 'en',
    });
    expect(openai.transcriptions[0]).toMatchObject({ model: 'whisper-1', fileName: 'voice-note.ogg' });
  });

  it('passes an Arabic voice note through as the customer said it', async () => {
    const { graph, openai, deps } = await setup();
    graph.add('voice-1', { bytes: voiceNote(), mimeType: 'audio/ogg' });
    const arabic = 'أبغى أكلم موظف، الجهاز وصلني مكسور';
    openai.scriptTranscripts(answer.text(arabic));
    await expect(understandMedia(deps, voice())).resolves.toEqual({ kind: 'transcript', text: arabic });
  });

  it('describes a photo in one line', async () => {
    const { graph, openai, deps } = await setup();
    graph.add('photo-1', { bytes: photo(), mimeType: 'image/jpeg' });
    openai.scriptVision(answer.text('A blender jar with a large crack along its side.'));

    await expect(understandMedia(deps, image())).resolves.toEqual({
      kind: 'description',
      text: 'A blender jar with a large crack along its side.',
    });
    expect(openai.completions[0]?.model).toBe('gpt-4o-mini');
  });

  it('retries a transcription that failed once with a 500', async () => {
    const { graph, openai, deps } = await setup();
    graph.add('voice-1', { bytes: voiceNote(), mimeType: 'audio/ogg' });
    openai.scriptTranscripts(answer.error(500), answer.text('hello'));
    await expect(understandMedia(deps, voice())).resolves.toEqual({ kind: 'transcript', text: 'hello' });
    expect(openai.transcriptions).toHaveLength(2);
  });

  it('gives up after a transcription fails twice with a 500', async () => {
    const { graph, openai, deps } = await setup();
    graph.add('voice-1', { bytes: voiceNote(), mimeType: 'audio/ogg' });
    openai.scriptTranscripts(answer.error(500), answer.error(500));
    await expect(understandMedia(deps, voice())).resolves.toEqual({
      kind: 'none',
      reason: 'transcription_failed',
    });
    expect(openai.transcriptions).toHaveLength(2);
  });

  it('gives up after a description is rate limited twice', async () => {
    const { graph, openai, deps } = await setup();
    graph.add('photo-1', { bytes: photo(), mimeType: 'image/jpeg' });
    openai.scriptVision(answer.error(429), answer.error(429));
    await expect(understandMedia(deps, image())).resolves.toEqual({
      kind: 'none',
      reason: 'description_failed',
    });
    expect(openai.completions).toHaveLength(2);
  });

  it('does not retry a request the server refuses (400)', async () => {
    const { graph, openai, deps } = await setup();
    graph.add('photo-1', { bytes: photo(), mimeType: 'image/jpeg' });
    openai.scriptVision(answer.error(400));
    await expect(understandMedia(deps, image())).resolves.toEqual({
      kind: 'none',
      reason: 'description_failed',
    });
    expect(openai.completions).toHaveLength(1);
  });

  it('answers none at the deadline when the transcription hangs', async () => {
    const { graph, openai, deps } = await setup({ limits: { ...limits, timeoutMs: 200 } });
    graph.add('voice-1', { bytes: voiceNote(), mimeType: 'audio/ogg' });
    openai.scriptTranscripts(answer.hang());
    await expect(understandMedia(deps, voice())).resolves.toEqual({ kind: 'none', reason: 'timeout' });
  });

  it('answers none at the deadline when the download hangs', async () => {
    const { graph, deps } = await setup({ limits: { ...limits, timeoutMs: 200 } });
    deps.fetcher = new MetaMediaFetcher({
      baseUrl: graph.url,
      apiVersion: 'v26.0',
      accessToken: TOKEN,
      timeoutMs: 200,
      maxBytes: limits.maxBytes,
    });
    graph.add('voice-1', { bytes: voiceNote(), mimeType: 'audio/ogg', hang: true });
    await expect(understandMedia(deps, voice())).resolves.toEqual({ kind: 'none', reason: 'timeout' });
  });

  it('refuses a type the webhook declares unusable, without downloading it', async () => {
    const { graph, openai, deps } = await setup();
    graph.add('voice-1', { bytes: voiceNote(), mimeType: 'audio/amr' });
    await expect(understandMedia(deps, voice('voice-1', 'audio/amr'))).resolves.toEqual({
      kind: 'none',
      reason: 'unsupported_type',
    });
    expect(graph.calls).toEqual([]);
    expect(openai.transcriptions).toEqual([]);
  });

  it('refuses a file whose real type is not the one the message claims', async () => {
    const { graph, openai, deps } = await setup();
    graph.add('voice-1', { bytes: photo(), mimeType: 'image/jpeg' });
    await expect(understandMedia(deps, voice('voice-1', ''))).resolves.toEqual({
      kind: 'none',
      reason: 'unsupported_type',
    });
    expect(openai.transcriptions).toEqual([]);
  });

  it('refuses a file over the size limit', async () => {
    const { graph, deps } = await setup();
    graph.add('voice-1', { bytes: voiceNote(200_000), mimeType: 'audio/ogg' });
    await expect(understandMedia(deps, voice())).resolves.toEqual({ kind: 'none', reason: 'too_large' });
  });

  it('fetches a fresh URL when the first one went stale', async () => {
    const { graph, openai, deps } = await setup();
    graph.add('voice-1', { bytes: voiceNote(), mimeType: 'audio/ogg', downloadFailures: [404] });
    openai.scriptTranscripts(answer.text('hi'));
    await expect(understandMedia(deps, voice())).resolves.toEqual({ kind: 'transcript', text: 'hi' });
    expect(graph.downloads()).toHaveLength(2);
  });

  it('answers none when the media is gone', async () => {
    const { graph, deps } = await setup();
    graph.add('voice-1', { bytes: voiceNote(), mimeType: 'audio/ogg', downloadFailures: [404, 404] });
    await expect(understandMedia(deps, voice())).resolves.toEqual({ kind: 'none', reason: 'expired' });
    await expect(understandMedia(deps, voice('unknown-id'))).resolves.toEqual({
      kind: 'none',
      reason: 'expired',
    });
  });

  it('answers none on a checksum mismatch', async () => {
    const { graph, deps } = await setup();
    graph.add('voice-1', { bytes: voiceNote(), mimeType: 'audio/ogg', sha256: '00'.repeat(32) });
    await expect(understandMedia(deps, voice())).resolves.toEqual({ kind: 'none', reason: 'checksum' });
  });

  it('answers none for silence', async () => {
    const { graph, openai, deps } = await setup();
    graph.add('voice-1', { bytes: voiceNote(), mimeType: 'audio/ogg' });
    openai.scriptTranscripts(answer.text('   '));
    await expect(understandMedia(deps, voice())).resolves.toEqual({ kind: 'none', reason: 'empty' });
  });

  it('keeps the offline behaviour when nothing is configured to understand the media', async () => {
    const { graph, deps } = await setup();
    const { client: _client, ...withoutLlm } = deps;
    expect(await understandMedia(withoutLlm, voice())).toEqual({ kind: 'none', reason: 'no_llm' });
    const { fetcher: _fetcher, ...withoutFetcher } = deps;
    expect(await understandMedia(withoutFetcher, voice())).toEqual({ kind: 'none', reason: 'no_fetcher' });
    expect(await understandMedia({ ...deps, visionModel: undefined }, image())).toEqual({
      kind: 'none',
      reason: 'disabled',
    });
    expect(await understandMedia(deps, { type: 'video', channel: 'whatsapp', media: { id: 'v' } })).toEqual({
      kind: 'none',
      reason: 'not_media',
    });
    expect(await understandMedia(deps, { type: 'audio', channel: 'whatsapp' })).toEqual({
      kind: 'none',
      reason: 'no_media_ref',
    });
    expect(graph.calls).toEqual([]);
  });

  it('never throws, even when the fetcher breaks its contract', async () => {
    const { deps } = await setup();
    const broken = {
      fetch: () => Promise.resolve(null as unknown as { bytes: Uint8Array; mimeType: string; size: number }),
    };
    await expect(understandMedia({ ...deps, fetcher: broken }, voice())).resolves.toEqual({
      kind: 'none',
      reason: 'internal',
    });
  });

  it('transcribes a Twilio voice note fetched with basic auth', async () => {
    const { openai, deps } = await setup();
    const twilio = await startFakeTwilioMedia();
    closers.push(twilio.close);
    const url = twilio.add('ME1', voiceNote(), 'audio/ogg');
    openai.scriptTranscripts(answer.text('my order is late'));
    const fetcher = new BasicAuthMediaFetcher({
      username: TWILIO_SID,
      password: TWILIO_TOKEN,
      timeoutMs: 2_000,
      maxBytes: limits.maxBytes,
    });
    const message: MediaMessage = { type: 'audio', channel: 'twilio', media: { url, mimeType: 'audio/ogg' } };
    await expect(understandMedia({ ...deps, fetcher }, message)).resolves.toEqual({
      kind: 'transcript',
      text: 'my order is late',
    });
  });

  it('describes an Infobip photo fetched with the App key', async () => {
    const { openai, deps } = await setup();
    const infobip = await startFakeInfobipMedia();
    closers.push(infobip.close);
    const url = infobip.add('m1', photo(), 'image/png');
    openai.scriptVision(answer.text('An app screen showing "Payment failed (E402)".'));
    const fetcher = new HeaderMediaFetcher({
      headers: { authorization: `App ${INFOBIP_KEY}` },
      timeoutMs: 2_000,
      maxBytes: limits.maxBytes,
    });
    const message: MediaMessage = { type: 'image', channel: 'infobip', media: { url } };
    await expect(understandMedia({ ...deps, fetcher }, message)).resolves.toEqual({
      kind: 'description',
      text: 'An app screen showing "Payment failed (E402)".',
    });
  });
});
