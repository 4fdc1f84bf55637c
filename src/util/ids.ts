/**
 * `prefix_` and 32 hex digits: the millisecond time, then 80 random bits (the layout of UUIDv7).
 * Rows keyed by these ids are appended at the right edge of their primary-key index instead of at
 * a random page, so a commit of many new rows dirties a few pages instead of one per row.
 */
export function newId(prefix: string): string {
  const time = Date.now().toString(16).padStart(12, '0');
  // randomUUID is pooled and fast; its hex digits 12 and 16 are fixed (version, variant).
  const random = crypto.randomUUID().replaceAll('-', '');
  return `${prefix}_${time}${random.slice(0, 12)}${random.slice(17, 25)}`;
}

/** `prefix_` and 256 random bits, URL-safe: a secret to hand out once and keep only as a hash. */
export function randomToken(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return `${prefix}_${btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '')}`;
}

export async function sha256Hex(input: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(input));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Stable per customer and channel, so concurrent deliveries agree without a lookup. */
export async function conversationIdFor(channel: string, customerKey: string): Promise<string> {
  return `cv_${(await sha256Hex(`${channel}:${customerKey}`)).slice(0, 24)}`;
}
