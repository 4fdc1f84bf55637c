import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/log/logger.js';
import { type MediaMessage, understandMedia } from '../../src/media/understand.js';
import { openLibsql } from '../../src/store/libsql.js';
import { systemClock } from '../../src/util/clock.js';
import { wireAdapters } from '../../src/wiring.js';
import { photo, startFakeGraphMedia, TOKEN, voiceNote } from './fake-media.js';
import { answer, startFakeOpenAiMedia } from './fake-openai-media.js';

const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** The media deps the wired service builds for Azure OpenAI, on the fakes of Meta and Azure. */
async function wiredOnAzure(env: Record<string, string> = {}) {
  const graph = await startFakeGraphMedia();
  const azure = await startFakeOpenAiMedia();
  const { db, close } = openLibsql(':memory:');
  closers.push(graph.close, azure.close, close);
  const { agentDeps } = wireAdapters({
    config: loadConfig({
      NODE_ENV: 'test',
      AZURE_OPENAI_ENDPOINT: azure.url,
      AZURE_OPENAI_API_KEY: 'azure-key',
      AZURE_OPENAI_DEPLOYMENT: 'gpt-4o-prod',
      WHATSAPP_ACCESS_TOKEN: TOKEN,
      WHATSAPP_PHONE_NUMBER_ID: '1234',
      WHATSAPP_APP_SECRET: 'secret',
      WHATSAPP_API_BASE_URL: graph.url,
      ...env,
    }),
    db,
    clock: systemClock,
    logger: createLogger({ level: 'error', write: () => {} }),
    knowledge: [],
    version: 'test',
  });
  return { graph, azure, media: agentDeps.media };
}

const voice: MediaMessage = {
  type: 'audio',
  channel: 'whatsapp',
  media: { id: 'voice-1', mimeType: 'audio/ogg' },
};
const image: MediaMessage = {
  type: 'image',
  channel: 'whatsapp',
  media: { id: 'photo-1', mimeType: 'image/jpeg' },
};

describe('voice notes and photos on Azure OpenAI', () => {
  it('transcribes through the named Whisper deployment and describes through the chat deployment', async () => {
    const { graph, azure, media } = await wiredOnAzure({ LLM_TRANSCRIBE_MODEL: 'whisper-prod' });
    if (media === undefined) throw new Error('media understanding is off on Azure');
    graph.add('voice-1', { bytes: voiceNote(), mimeType: 'audio/ogg' });
    graph.add('photo-1', { bytes: photo(), mimeType: 'image/jpeg' });
    azure.scriptTranscripts(answer.text('وين طلبي A1001؟'));
    azure.scriptVision(answer.text('A cracked phone screen.'));

    await expect(understandMedia(media, voice)).resolves.toEqual({
      kind: 'transcript',
      text: 'وين طلبي A1001؟',
    });
    await expect(understandMedia(media, image)).resolves.toEqual({
      kind: 'description',
      text: 'A cracked phone screen.',
    });
    const azureCall = { apiVersion: '2024-10-21', apiKey: 'azure-key' };
    expect(azure.transcriptions[0]?.azure).toEqual({ deployment: 'whisper-prod', ...azureCall });
    expect(azure.completions[0]?.azure).toEqual({ deployment: 'gpt-4o-prod', ...azureCall });
  });

  it('leaves voice notes alone until a transcription deployment is named (none exists by default)', async () => {
    const { graph, azure, media } = await wiredOnAzure();
    graph.add('voice-1', { bytes: voiceNote(), mimeType: 'audio/ogg' });
    if (media === undefined) throw new Error('media understanding is off on Azure');
    await expect(understandMedia(media, voice)).resolves.toEqual({ kind: 'none', reason: 'disabled' });
    expect(azure.transcriptions).toEqual([]);
    expect(media.visionModel).toBe('gpt-4o-prod');
  });

  it('takes LLM_VISION_MODEL as the vision deployment when the chat one cannot see', async () => {
    const { media } = await wiredOnAzure({ LLM_VISION_MODEL: 'gpt-4o-vision' });
    expect(media?.visionModel).toBe('gpt-4o-vision');
  });
});
