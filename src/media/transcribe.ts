import type OpenAI from 'openai';
import { toFile } from 'openai';
import { z } from 'zod';
import { withDeadline } from './deadline.js';
import type { MediaFile } from './fetch-media.js';
import { baseType, extensionFor } from './mime.js';

/** The one part of the SDK client transcription uses. */
export type TranscriptionClient = Pick<OpenAI, 'audio'>;

export interface Transcript {
  text: string;
  /** ISO 639-1, when the server reports the language it heard. */
  language?: string;
}

export interface TranscribeOptions {
  model: string;
  /** A hint; left out, the model detects it, which suits customers who switch languages. */
  language?: string;
  timeoutMs: number;
}

/**
 * WhatsApp caps a text message at 4,096 characters; a transcript is handled as a text message, so
 * a long voice note is cut at the same length rather than flooding the classifier's prompt.
 */
const MAX_TRANSCRIPT_CHARS = 4_096;

/** `json` is the format every OpenAI-compatible server speaks; some add the detected language. */
const answerSchema = z.object({ text: z.string(), language: z.string().optional() });

/** Whisper servers report the language by name ("arabic"); Baton speaks in ISO codes. */
const languageNames: Record<string, string> = { english: 'en', arabic: 'ar' };

function languageCode(reported: string | undefined): string | undefined {
  const name = reported?.trim().toLowerCase();
  if (!name) return undefined;
  if (/^[a-z]{2}$/.test(name)) return name;
  return languageNames[name];
}

/**
 * One call to `/v1/audio/transcriptions`. The file name carries the right extension because the
 * server picks its decoder from it. The SDK's own retries are off: the caller retries once.
 * Throws what the SDK throws (APIError and friends) or a `MediaError` on timeout.
 */
export async function transcribeAudio(
  client: TranscriptionClient,
  file: MediaFile,
  options: TranscribeOptions,
): Promise<Transcript> {
  const upload = await toFile(file.bytes, `voice-note.${extensionFor(file.mimeType)}`, {
    type: baseType(file.mimeType),
  });
  const answer = await withDeadline(options.timeoutMs, 'transcription', (signal) =>
    client.audio.transcriptions.create(
      {
        file: upload,
        model: options.model,
        response_format: 'json',
        ...(options.language ? { language: options.language } : {}),
      },
      { signal, timeout: options.timeoutMs, maxRetries: 0 },
    ),
  );
  const parsed = answerSchema.parse(answer);
  const language = languageCode(parsed.language) ?? options.language;
  return {
    text: parsed.text.trim().slice(0, MAX_TRANSCRIPT_CHARS),
    ...(language ? { language } : {}),
  };
}
