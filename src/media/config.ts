/**
 * Configuration of voice notes and photos, as a fragment of the environment schema
 * (`envSchema.extend(mediaEnvSchema.shape)`) and the settings it resolves to.
 */
import { z } from 'zod';
import { MetaMediaFetcher } from './fetch-media.js';
import { DEFAULT_ALLOWED_TYPES } from './mime.js';
import type { MediaLimits } from './understand.js';

/** WhatsApp's own limit for audio, so a voice note WhatsApp accepted is never refused for size. */
export const DEFAULT_MEDIA_MAX_BYTES = 16 * 1024 * 1024;
export const DEFAULT_TRANSCRIBE_MODEL = 'whisper-1';
export const DEFAULT_VISION_MODEL = 'gpt-4o-mini';

/** Empty strings count as unset, as everywhere in Baton's configuration. */
const unsetIfEmpty = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;
const positiveInt = (fallback: number) =>
  z.preprocess(unsetIfEmpty, z.coerce.number().int().positive().default(fallback));
const modelName = z.preprocess(unsetIfEmpty, z.string().trim().optional());

/** `audio/ogg,image/jpeg`: only audio and images, because only those are understood. */
const typeList = z.preprocess(
  unsetIfEmpty,
  z
    .string()
    .default(DEFAULT_ALLOWED_TYPES.join(','))
    .transform((text) =>
      text
        .split(',')
        .map((t) => t.trim().toLowerCase())
        .filter((t) => t !== ''),
    )
    .pipe(z.array(z.string().regex(/^(audio|image)\/[a-z0-9.+-]+$/, 'like "audio/ogg,image/jpeg"')).min(1)),
);

export const mediaEnvSchema = z.object({
  /** `/v1/audio/transcriptions` model; `none` turns transcription off (e.g. a server without it). */
  LLM_TRANSCRIBE_MODEL: modelName,
  /** A vision-capable chat model; defaults to `LLM_MODEL`, then `gpt-4o-mini`; `none` turns it off. */
  LLM_VISION_MODEL: modelName,
  MEDIA_MAX_BYTES: positiveInt(DEFAULT_MEDIA_MAX_BYTES),
  MEDIA_ALLOWED_TYPES: typeList,
  /** Per step: the download, then the transcription or description. */
  MEDIA_TIMEOUT_MS: positiveInt(15_000),
});

export type MediaEnv = z.infer<typeof mediaEnvSchema>;

export interface MediaSettings {
  transcribeModel?: string;
  visionModel?: string;
  limits: MediaLimits;
}

const off = (model: string | undefined) => model === undefined || /^(none|off)$/i.test(model);

/**
 * The settings `understandMedia` takes, with the models' fallbacks resolved. On Azure OpenAI a
 * model is a deployment the operator named, so photos go to the chat deployment (`LLM_MODEL` is
 * then the deployment) and voice notes only to a transcription deployment named explicitly.
 */
export function mediaSettings(
  env: MediaEnv & { LLM_MODEL?: string | undefined },
  options: { azure?: boolean } = {},
): MediaSettings {
  const transcribe = env.LLM_TRANSCRIBE_MODEL ?? (options.azure ? undefined : DEFAULT_TRANSCRIBE_MODEL);
  const vision = env.LLM_VISION_MODEL ?? env.LLM_MODEL ?? DEFAULT_VISION_MODEL;
  return {
    ...(off(transcribe) ? {} : { transcribeModel: transcribe }),
    ...(off(vision) ? {} : { visionModel: vision }),
    limits: {
      maxBytes: env.MEDIA_MAX_BYTES,
      allowedTypes: env.MEDIA_ALLOWED_TYPES,
      timeoutMs: env.MEDIA_TIMEOUT_MS,
    },
  };
}

/** The Meta fetcher for the WhatsApp transport; `undefined` without a token (the sandbox). */
export function whatsappMediaFetcher(
  env: {
    WHATSAPP_API_BASE_URL: string;
    WHATSAPP_API_VERSION: string;
    WHATSAPP_ACCESS_TOKEN?: string | undefined;
  },
  limits: MediaLimits,
  fetchImpl?: typeof fetch,
): MetaMediaFetcher | undefined {
  if (env.WHATSAPP_ACCESS_TOKEN === undefined) return undefined;
  return new MetaMediaFetcher({
    baseUrl: env.WHATSAPP_API_BASE_URL,
    apiVersion: env.WHATSAPP_API_VERSION,
    accessToken: env.WHATSAPP_ACCESS_TOKEN,
    timeoutMs: limits.timeoutMs,
    maxBytes: limits.maxBytes,
    allowedTypes: limits.allowedTypes,
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
}
