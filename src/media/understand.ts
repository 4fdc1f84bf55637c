/**
 * The one entry point the agent calls for a customer's voice note or photo: audio becomes a
 * transcript handled as text, an image becomes a one-line description for the packet. It never
 * throws: every failure is `{kind: 'none', reason}` so the agent falls back to asking for text,
 * and the customer never meets silence.
 */
import type OpenAI from 'openai';
import { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import type { Logger } from '../log/logger.js';
import { describeImage } from './describe-image.js';
import { MediaError, transientStatus } from './errors.js';
import type { MediaFetcher, MediaRef } from './fetch-media.js';
import { isAllowedType } from './mime.js';
import { transcribeAudio } from './transcribe.js';

export interface MediaLimits {
  maxBytes: number;
  /** Base types (`audio/ogg`, `image/jpeg`). */
  allowedTypes: readonly string[];
  /** Per step: the download, then the model call. */
  timeoutMs: number;
}

export interface MediaDeps {
  /** Absent on the sandbox transport: nothing to download from. */
  fetcher?: MediaFetcher;
  /** Absent without an LLM: the offline behaviour stays. */
  client?: Pick<OpenAI, 'audio' | 'chat'>;
  /** Absent (or `none` in the environment): voice notes are not transcribed. */
  transcribeModel?: string;
  /** Absent (or `none`): photos are not described. */
  visionModel?: string;
  limits: MediaLimits;
  logger?: Logger;
  /** Pause before the one retry; tests set 0. */
  retryDelayMs?: number;
}

export interface MediaMessage {
  /** The stored message type: `audio` and `image` are understood, anything else is not. */
  type: string;
  channel: 'whatsapp' | 'twilio' | 'infobip';
  /** `id` for WhatsApp (a Meta media id), `url` for Twilio and Infobip. */
  media?: { id?: string; url?: string; mimeType?: string; caption?: string; voice?: boolean };
}

/**
 * Why nothing came out. The first four mean "not attempted" (the offline behaviour applies);
 * the rest are failures of an attempt.
 */
export type MediaNoneReason =
  | 'not_media'
  | 'no_llm'
  | 'disabled'
  | 'no_fetcher'
  | 'no_media_ref'
  | 'unsupported_type'
  | 'too_large'
  | 'download_failed'
  | 'expired'
  | 'checksum'
  | 'timeout'
  | 'transcription_failed'
  | 'description_failed'
  | 'empty'
  | 'internal';

export type MediaUnderstanding =
  | { kind: 'transcript'; text: string; language?: string }
  | { kind: 'description'; text: string }
  | { kind: 'none'; reason: MediaNoneReason };

/** The reasons that mean nothing was tried: no model, no fetcher, not a voice note or photo. */
export const NOT_ATTEMPTED: ReadonlySet<MediaNoneReason> = new Set([
  'not_media',
  'no_llm',
  'disabled',
  'no_fetcher',
]);

type Job = 'transcribe' | 'describe';
const jobs = new Map<string, Job>([
  ['audio', 'transcribe'],
  ['image', 'describe'],
]);
const none = (reason: MediaNoneReason): MediaUnderstanding => ({ kind: 'none', reason });

export async function understandMedia(deps: MediaDeps, message: MediaMessage): Promise<MediaUnderstanding> {
  try {
    return await understand(deps, message);
  } catch (error) {
    // A bug here must not cost the customer an answer: log it and fall back like any failure.
    deps.logger?.error('media understanding failed unexpectedly', { type: message.type, error });
    return none('internal');
  }
}

async function understand(deps: MediaDeps, message: MediaMessage): Promise<MediaUnderstanding> {
  const job = jobs.get(message.type);
  if (job === undefined) return none('not_media');
  if (deps.client === undefined) return none('no_llm');
  const client = deps.client;
  const model = job === 'transcribe' ? deps.transcribeModel : deps.visionModel;
  if (!model) return none('disabled');
  if (deps.fetcher === undefined) return none('no_fetcher');
  const fetcher = deps.fetcher;
  const ref = mediaRefOf(message);
  if (ref === undefined) return none('no_media_ref');
  // Refuse what the webhook already declares unusable, without downloading it.
  if (ref.mimeType !== undefined && !fits(ref.mimeType, job, deps.limits)) return none('unsupported_type');

  const fetched = await attempt(deps, message, 'download', () => fetcher.fetch(ref));
  if (!fetched.ok) return none(fetched.reason);
  const file = fetched.value;
  if (!fits(file.mimeType, job, deps.limits)) return none('unsupported_type');
  if (file.size > deps.limits.maxBytes) return none('too_large');

  const timeoutMs = deps.limits.timeoutMs;
  if (job === 'transcribe') {
    const heard = await attempt(deps, message, job, () =>
      transcribeAudio(client, file, { model, timeoutMs }),
    );
    if (!heard.ok) return none(heard.reason);
    if (heard.value.text === '') return none('empty');
    return { kind: 'transcript', ...heard.value };
  }
  const seen = await attempt(deps, message, job, () => describeImage(client, file, { model, timeoutMs }));
  if (!seen.ok) return none(seen.reason);
  return seen.value === '' ? none('empty') : { kind: 'description', text: seen.value };
}

/** Where a stored message's file is: a Meta media id, or the URL Twilio or Infobip sent. */
export function mediaRefOf(message: MediaMessage): MediaRef | undefined {
  const media = message.media;
  const mimeType = media?.mimeType ? { mimeType: media.mimeType } : {};
  if (message.channel === 'whatsapp') {
    return media?.id ? { channel: 'whatsapp', mediaId: media.id, ...mimeType } : undefined;
  }
  return media?.url ? { channel: message.channel, url: media.url, ...mimeType } : undefined;
}

/** The right family for the job (a "voice note" that is an image is refused) and an allowed type. */
function fits(mimeType: string, job: Job, limits: MediaLimits): boolean {
  const family = job === 'transcribe' ? 'audio/' : 'image/';
  return mimeType.trim().toLowerCase().startsWith(family) && isAllowedType(mimeType, limits.allowedTypes);
}

type Step = 'download' | Job;
type Outcome<T> = { ok: true; value: T } | { ok: false; reason: MediaNoneReason };

/**
 * Runs a step, retrying once when the failure is transient (429, 5xx, a dropped connection, a
 * stale media URL). A timeout is not retried: the deadline already bounds how long the customer
 * waits, and a voice note too long to transcribe in time will be as long the second time.
 */
async function attempt<T>(
  deps: MediaDeps,
  message: MediaMessage,
  step: Step,
  run: () => Promise<T>,
): Promise<Outcome<T>> {
  for (let tries = 1; ; tries++) {
    try {
      return { ok: true, value: await run() };
    } catch (error) {
      const fault = classify(error, step);
      const retry = fault.retryable && tries < 2;
      deps.logger?.warn('media step failed', {
        type: message.type,
        step,
        reason: fault.reason,
        status: fault.status,
        retry,
      });
      if (!retry) return { ok: false, reason: fault.reason };
      const delay = deps.retryDelayMs ?? 250;
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

interface Fault {
  reason: MediaNoneReason;
  retryable: boolean;
  status?: number;
}

function classify(error: unknown, step: Step): Fault {
  if (error instanceof MediaError) {
    return {
      reason: error.code,
      retryable: error.retryable && error.code !== 'timeout',
      status: error.status,
    };
  }
  const failed: MediaNoneReason =
    step === 'download'
      ? 'download_failed'
      : step === 'transcribe'
        ? 'transcription_failed'
        : 'description_failed';
  // The SDK's own timeout (set to ours) counts as ours: not retried, for the same reason.
  if (error instanceof APIConnectionTimeoutError) return { reason: 'timeout', retryable: false };
  if (error instanceof APIConnectionError) return { reason: failed, retryable: true };
  if (error instanceof APIError) {
    const status = error.status ?? 0;
    return { reason: failed, retryable: transientStatus(status), status };
  }
  // A malformed answer (zod, JSON) or anything else from the step: not worth a second try.
  return { reason: failed, retryable: false };
}
