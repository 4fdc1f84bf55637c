/**
 * Base64 with Web APIs only (`btoa`/`atob`), so it runs on Workers as on Node; `Buffer` would not.
 * Bytes go through a binary string in slices to stay under the engines' argument limits.
 */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const slice = 0x8000;
  for (let i = 0; i < bytes.length; i += slice) {
    binary += String.fromCharCode(...bytes.subarray(i, i + slice));
  }
  return btoa(binary);
}

/** Standard or URL-safe base64, padded or not; `undefined` when the text is not base64. */
export function fromBase64(text: string): Uint8Array | undefined {
  const standard = text.trim().replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(standard)) return undefined;
  const padded = standard.padEnd(Math.ceil(standard.length / 4) * 4, '=');
  try {
    return Uint8Array.from(atob(padded), (char) => char.charCodeAt(0));
  } catch {
    return undefined;
  }
}
