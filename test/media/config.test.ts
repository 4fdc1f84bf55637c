import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MEDIA_MAX_BYTES,
  mediaEnvSchema,
  mediaSettings,
  whatsappMediaFetcher,
} from '../../src/media/config.js';
import { MetaMediaFetcher } from '../../src/media/fetch-media.js';
import { DEFAULT_ALLOWED_TYPES } from '../../src/media/mime.js';

const settingsOf = (env: Record<string, string>, llmModel?: string) =>
  mediaSettings({ ...mediaEnvSchema.parse(env), LLM_MODEL: llmModel });

describe('media configuration', () => {
  it('defaults to whisper-1, gpt-4o-mini, 16 MiB and the default types', () => {
    expect(settingsOf({})).toEqual({
      transcribeModel: 'whisper-1',
      visionModel: 'gpt-4o-mini',
      limits: { maxBytes: DEFAULT_MEDIA_MAX_BYTES, allowedTypes: DEFAULT_ALLOWED_TYPES, timeoutMs: 15_000 },
    });
    expect(DEFAULT_MEDIA_MAX_BYTES).toBe(16 * 1024 * 1024);
  });

  it('counts empty strings as unset', () => {
    expect(
      settingsOf({
        LLM_TRANSCRIBE_MODEL: '',
        LLM_VISION_MODEL: '',
        MEDIA_MAX_BYTES: '',
        MEDIA_ALLOWED_TYPES: '',
      }),
    ).toEqual(settingsOf({}));
  });

  it('uses LLM_MODEL for photos unless LLM_VISION_MODEL is set', () => {
    expect(settingsOf({}, 'gpt-4.1-mini').visionModel).toBe('gpt-4.1-mini');
    expect(settingsOf({ LLM_VISION_MODEL: 'llava' }, 'gpt-4.1-mini').visionModel).toBe('llava');
  });

  it('turns a job off with none', () => {
    const settings = settingsOf({ LLM_TRANSCRIBE_MODEL: 'none', LLM_VISION_MODEL: 'off' });
    expect(settings.transcribeModel).toBeUndefined();
    expect(settings.visionModel).toBeUndefined();
  });

  it('reads the allowed types as a lowercase list', () => {
    expect(
      settingsOf({ MEDIA_ALLOWED_TYPES: 'audio/ogg, Audio/AMR ,image/jpeg' }).limits.allowedTypes,
    ).toEqual(['audio/ogg', 'audio/amr', 'image/jpeg']);
  });

  it.each([
    { MEDIA_ALLOWED_TYPES: 'video/mp4' },
    { MEDIA_ALLOWED_TYPES: 'ogg' },
    { MEDIA_MAX_BYTES: '-1' },
    { MEDIA_TIMEOUT_MS: 'soon' },
  ])('rejects %o', (env) => {
    expect(mediaEnvSchema.safeParse(env).success).toBe(false);
  });

  it('builds the Meta fetcher only with a WhatsApp token', () => {
    const graph = { WHATSAPP_API_BASE_URL: 'https://graph.facebook.com', WHATSAPP_API_VERSION: 'v26.0' };
    const { limits } = settingsOf({});
    expect(whatsappMediaFetcher(graph, limits)).toBeUndefined();
    expect(whatsappMediaFetcher({ ...graph, WHATSAPP_ACCESS_TOKEN: 't' }, limits)).toBeInstanceOf(
      MetaMediaFetcher,
    );
  });
});
