import { describe, expect, it } from 'vitest';
import { waitDuration } from '../../src/replies/messages.js';

describe('waitDuration', () => {
  it.each([
    [1, '1 minute', 'دقيقة واحدة'],
    [2, '2 minutes', 'دقيقتين'],
    [5, '5 minutes', '5 دقائق'],
    [30, '30 minutes', '30 دقيقة'],
    [60, '1 hour', 'ساعة واحدة'],
    [120, '2 hours', 'ساعتين'],
    [90, '90 minutes', '90 دقيقة'],
  ])('%i minutes reads "%s" and "%s"', (minutes, en, ar) => {
    expect(waitDuration(minutes, 'en')).toBe(en);
    expect(waitDuration(minutes, 'ar')).toBe(ar);
  });
});
