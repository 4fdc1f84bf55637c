import { describe, expect, it } from 'vitest';
import { MediaError } from '../../src/media/errors.js';
import { extensionFor } from '../../src/media/mime.js';
import { transcribeAudio } from '../../src/media/transcribe.js';
import { voiceNote } from './fake-media.js';
import { answer, openFakeMediaClient } from './fake-openai-media.js';

const ogg = (bytes = voiceNote()) => ({ bytes, mimeType: 'audio/ogg; codecs=opus', size: bytes.byteLength });

describe('transcribeAudio', () => {
  it('sends the model and the file as multipart, named with the extension of its type', async () => {
    const { fake, client } = await openFakeMediaClient();
    fake.scriptTranscripts(answer.text('  where is my order A1001?  '));
    const file = ogg();

    const transcript = await transcribeAudio(client, file, { model: 'whisper-1', timeoutMs: 2_000 });

    expect(transcript).toEqual({ text: 'where is my order A1001?' });
    const [request] = fake.transcriptions;
    expect(request).toMatchObject({
      authorization: 'Bearer sk-test',
      model: 'whisper-1',
      responseFormat: 'json',
      fileName: 'voice-note.ogg',
      fileType: 'audio/ogg',
      language: undefined,
    });
    expect(request?.bytes).toEqual(file.bytes);
  });

  it('passes an Arabic transcript through unchanged', async () => {
    const { fake, client } = await openFakeMediaClient();
    const arabic = 'وين طلبي A1001؟ صار له أسبوع ما وصل';
    fake.scriptTranscripts(answer.text(arabic, 'arabic'));
    await expect(transcribeAudio(client, ogg(), { model: 'whisper-1', timeoutMs: 2_000 })).resolves.toEqual({
      text: arabic,
      language: 'ar',
    });
  });

  it('sends a language hint when given one', async () => {
    const { fake, client } = await openFakeMediaClient();
    fake.scriptTranscripts(answer.text('hello'));
    await transcribeAudio(client, ogg(), { model: 'whisper-1', language: 'en', timeoutMs: 2_000 });
    expect(fake.transcriptions[0]?.language).toBe('en');
  });

  it('stops at its deadline with a timeout error', async () => {
    const { fake, client } = await openFakeMediaClient();
    fake.scriptTranscripts(answer.hang());
    const error = await transcribeAudio(client, ogg(), { model: 'whisper-1', timeoutMs: 150 }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(MediaError);
    expect(error).toMatchObject({ code: 'timeout' });
  });

  it.each([
    ['audio/ogg; codecs=opus', 'ogg'],
    ['audio/mpeg', 'mp3'],
    ['audio/mp4', 'm4a'],
    ['audio/amr', 'amr'],
    ['image/jpeg', 'jpg'],
    ['application/x-unknown', 'bin'],
  ])('names %s with .%s', (mimeType, extension) => {
    expect(extensionFor(mimeType)).toBe(extension);
  });
});
