/**
 * Marks that change the direction text is shown in. Nobody types them into a name or a search;
 * in a customer's profile name an override (U+202E) would turn the agent's screen around it.
 */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}
