export function newId(prefix: string): string {
  return `${prefix}_${crypto.randomUUID().replaceAll('-', '')}`;
}

export async function sha256Hex(input: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(input));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Stable per customer and channel, so concurrent deliveries agree without a lookup. */
export async function conversationIdFor(channel: string, customerKey: string): Promise<string> {
  return `cv_${(await sha256Hex(`${channel}:${customerKey}`)).slice(0, 24)}`;
}
