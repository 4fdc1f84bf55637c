/**
 * Media types Baton will download and hand to a model. Audio is what OpenAI's transcription
 * endpoint accepts (flac, mp3, mp4/m4a, ogg, wav, webm) and WhatsApp sends; `audio/aac` and
 * `audio/amr` are left out because that endpoint rejects them, but a self-hosted Whisper server
 * (ffmpeg underneath) takes them, so `MEDIA_ALLOWED_TYPES` can add them back. Images are what
 * vision models read; GIF is left out because animated ones are refused.
 */
export const DEFAULT_ALLOWED_TYPES: readonly string[] = [
  'audio/ogg',
  'audio/opus',
  'audio/mpeg',
  'audio/mp4',
  'audio/m4a',
  'audio/x-m4a',
  'audio/wav',
  'audio/x-wav',
  'audio/webm',
  'audio/flac',
  'image/jpeg',
  'image/png',
  'image/webp',
];

/**
 * What an agent can open from the inbox: what browsers show inline (photos, voice notes, videos
 * and PDFs) and WhatsApp carries. SVG is left out: it can carry script.
 */
export const INBOX_MEDIA_TYPES: readonly string[] = [
  ...DEFAULT_ALLOWED_TYPES,
  'audio/aac',
  'audio/amr',
  'video/mp4',
  'video/3gpp',
  'application/pdf',
];

/** `audio/ogg; codecs=opus` → `audio/ogg`: parameters never decide whether we accept a file. */
export function baseType(mimeType: string): string {
  return (mimeType.split(';')[0] ?? '').trim().toLowerCase();
}

export function isAllowedType(mimeType: string, allowed: readonly string[]): boolean {
  const base = baseType(mimeType);
  return base !== '' && allowed.includes(base);
}

/** A type that says nothing about the content; a declared type beats it. */
export function isGenericType(mimeType: string | null | undefined): boolean {
  if (!mimeType) return true;
  const base = baseType(mimeType);
  return base === '' || base === 'application/octet-stream' || base === 'binary/octet-stream';
}

/**
 * The file extension a transcription server expects: OpenAI picks the decoder from the file
 * name, not from the part's content type, so a voice note named `.bin` is refused.
 */
const extensions: Record<string, string> = {
  'audio/ogg': 'ogg',
  'audio/opus': 'ogg',
  'audio/mpeg': 'mp3',
  'audio/mp3': 'mp3',
  'audio/mp4': 'm4a',
  'audio/m4a': 'm4a',
  'audio/x-m4a': 'm4a',
  'audio/aac': 'aac',
  'audio/amr': 'amr',
  'audio/wav': 'wav',
  'audio/x-wav': 'wav',
  'audio/wave': 'wav',
  'audio/webm': 'webm',
  'audio/flac': 'flac',
  'audio/x-flac': 'flac',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};

export function extensionFor(mimeType: string): string {
  return extensions[baseType(mimeType)] ?? 'bin';
}
