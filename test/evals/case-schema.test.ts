import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DatasetError, parseDataset } from '../../evals/lib/case-schema.js';

const good = {
  id: 'fru-01',
  lang: 'en',
  tags: ['orders'],
  now: '2026-11-24T11:00:00+03:00',
  customer: { waId: '966500000201', name: 'Sara', tier: 'standard' },
  orders: [{ id: 'A3001', phone: '966500000201', status: 'delayed', eta: '2026-11-18' }],
  turns: ['where is my order A3001', 'THIS IS RIDICULOUS!!!'],
  expect: { escalate: true, atTurn: 2, reason: 'frustration', queue: 'orders' },
};

function line(overrides: Record<string, unknown>): string {
  return JSON.stringify({ ...good, ...overrides });
}

function problemsOf(text: string): string[] {
  try {
    parseDataset(text, 'cases.jsonl');
  } catch (error) {
    if (error instanceof DatasetError) return error.problems;
    throw error;
  }
  return [];
}

describe('parseDataset', () => {
  it('accepts the example from FORMAT.md and every turn shape, skipping blank lines', () => {
    const turns = [
      'hi',
      { text: 'hello' },
      { button: 'menu_agent' },
      { type: 'image', caption: 'broken' },
      { type: 'location' },
    ];
    const cases = parseDataset(`${line({})}\n\n${line({ id: 'b', turns, expect: {} })}\n`, 'cases.jsonl');
    expect(cases.map((item) => item.id)).toEqual(['fru-01', 'b']);
    expect(cases[1]?.turns).toEqual(turns);
  });

  it('accepts the repository dataset', async () => {
    const text = await readFile(new URL('../../evals/datasets/dev.jsonl', import.meta.url), 'utf8');
    expect(parseDataset(text, 'dev.jsonl').length).toBeGreaterThan(0);
  });

  it('names the line and the field of every problem in one error', () => {
    const text = [
      line({}),
      line({ escalte: true }),
      line({ expect: { escalate: true, atTurn: 3 } }),
      '{"id": "broken",',
      line({ id: 'fru-01' }),
      line({ id: 'c', now: '2026-11-24T11:00:00' }),
      line({ id: 'd', customer: { waId: '1', tier: 'gold' } }),
      line({ id: 'e', orders: [{ id: 'A1', phone: '1', status: 'lost', note: 'x' }] }),
      line({ id: 'f', turns: [], expect: {} }),
      line({ id: 'g', turns: ['ok', { button: 'menu_agnet' }] }),
      line({ id: 'h', turns: [{ text: 'hi', caption: 'x' }], expect: {} }),
      line({ id: 'i', turns: [{ foo: 1 }], expect: {} }),
      line({ id: 'j', expect: { reason: 'angry', replyContains: 'refund' } }),
      JSON.stringify({ turns: ['x'], expect: {} }),
    ].join('\n');
    expect(problemsOf(text)).toEqual([
      'cases.jsonl:2: escalte: unknown field',
      'cases.jsonl:3: expect.atTurn: turn 3 does not exist: the case has 2 turn(s)',
      expect.stringMatching(/^cases\.jsonl:4: \(line\): invalid JSON: /),
      'cases.jsonl:5: id: duplicate id "fru-01" (first on line 1)',
      'cases.jsonl:6: now: expected ISO-8601 with an offset, e.g. 2026-11-24T11:00:00+03:00',
      expect.stringMatching(/^cases\.jsonl:7: customer\.tier: Invalid option/),
      expect.stringMatching(/^cases\.jsonl:8: orders\[0\]\.status: Invalid option/),
      'cases.jsonl:8: orders[0].note: unknown field',
      expect.stringMatching(/^cases\.jsonl:9: turns: Too small/),
      expect.stringMatching(
        /^cases\.jsonl:10: turns\[1\]\.button: Invalid option: expected one of "menu_order"/,
      ),
      'cases.jsonl:11: turns[0].caption: unknown field',
      expect.stringMatching(/^cases\.jsonl:12: turns\[0\]: a turn is a string, \{"text"\}/),
      expect.stringMatching(/^cases\.jsonl:13: expect\.reason: Invalid option/),
      expect.stringMatching(/^cases\.jsonl:13: expect\.replyContains: Invalid input: expected array/),
      'cases.jsonl:14: id: required field is missing',
    ]);
  });

  it('refuses expectations that contradict "escalate": false', () => {
    const text = [
      line({ id: 'a', expect: { escalate: false, reason: 'frustration', queue: 'orders' } }),
      line({ id: 'b', expect: { escalate: false, priority: 'high', atTurn: 1, afterHours: false } }),
      line({ id: 'c', expect: { escalate: false, knowledge: 'shipping', replyExcludes: ['x'] } }),
    ].join('\n');
    expect(problemsOf(text)).toEqual([
      'cases.jsonl:1: expect.reason: contradicts "escalate": false (only a handoff has a reason); drop one of the two',
      'cases.jsonl:1: expect.queue: contradicts "escalate": false (only a handoff has a queue); drop one of the two',
      'cases.jsonl:2: expect.atTurn: contradicts "escalate": false (only a handoff has a atTurn); drop one of the two',
      'cases.jsonl:2: expect.priority: contradicts "escalate": false (only a handoff has a priority); drop one of the two',
      'cases.jsonl:2: expect.afterHours: contradicts "escalate": false (only a handoff has a afterHours); drop one of the two',
    ]);
  });

  it('refuses blank turns and tags and dates that do not exist', () => {
    const text = [
      line({ id: 'a', turns: ['', { text: '   ' }], expect: {} }),
      line({ id: 'b', tags: ['ok', ' '] }),
      line({ id: 'c', now: '2026-02-30T10:00:00+03:00' }),
      line({ id: 'd', orders: [{ id: 'A1', phone: '1', status: 'delayed', eta: '2026-13-45' }] }),
      line({ id: 'e', now: '2028-02-29T10:00:00+03:00' }),
    ].join('\n');
    expect(problemsOf(text)).toEqual([
      'cases.jsonl:1: turns[0]: must not be blank',
      'cases.jsonl:1: turns[1].text: must not be blank',
      'cases.jsonl:2: tags[1]: must not be blank',
      'cases.jsonl:3: now: the date 2026-02-30 does not exist',
      'cases.jsonl:4: orders[0].eta: the date 2026-13-45 does not exist',
    ]);
  });

  it('throws a DatasetError whose message lists the problems', () => {
    expect(() => parseDataset('{"id":"x","turns":["hi"]}', 'a.jsonl')).toThrow(
      new DatasetError(['a.jsonl:1: expect: required field is missing']),
    );
  });
});
