import { describe, expect, it } from 'vitest';
import { newId } from '../../src/util/ids.js';

describe('newId', () => {
  it('is the prefix and 32 hex digits', () => {
    expect(newId('msg')).toMatch(/^msg_[0-9a-f]{32}$/);
  });

  it('sorts by creation time, so new rows go to the end of their primary-key index', async () => {
    const earlier = newId('msg');
    await new Promise((resolve) => setTimeout(resolve, 3));
    const later = newId('msg');
    expect(earlier < later).toBe(true);
  });

  it('never repeats within one millisecond (80 random bits after the time)', () => {
    const ids = Array.from({ length: 20_000 }, () => newId('msg'));
    expect(new Set(ids).size).toBe(ids.length);
    const randomParts = new Set(ids.map((id) => id.slice(-20)));
    expect(randomParts.size).toBe(ids.length);
  });
});
