import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  bitextExcluded,
  bitextMapping,
  bitextMappingMarkdown,
  importBitext,
  parseBitextCsv,
} from '../../evals/lib/bitext.js';
import { parseDataset } from '../../evals/lib/case-schema.js';
import { runImportBitext } from '../../evals/lib/import-bitext-cli.js';
import { temporaryDirectory } from '../support/temporary-directory.js';

const sample = `utterance,intent,entity_type,entity_value,start_offset,end_offset,category,tags
"I don't want my last item, help me cancel order 370795561790",cancel_order,order_id,370795561790,48,60,ORDER,BCLN
I'm waiting for a refund of $1200,track_refund,,,,,REFUND,BQ
i want my mony back,get_refund,,,,,REFUND,BZ
where is order 00123842,track_order,order_id,00123842,15,23,ORDER,B
assistance speaking with a bloody human agent,contact_human_agent,,,,,CONTACT,BLW
help me solve errors with payments,payment_issue,,,,,PAYMENT,BLM
how to make an order,place_order,,,,,ORDER,BQ
teleport my parcel,teleport_order,,,,,ORDER,B
`;

describe('bitext importer', () => {
  it('maps intents to expectations and leaves out ambiguous and unknown ones', () => {
    const result = importBitext(parseBitextCsv(sample), { seed: 1 });
    expect(result.cases.map((item) => [item.id, item.turns[0], item.tags, item.expect])).toEqual([
      [
        'bitext-1',
        "I don't want my last item, help me cancel order 370795561790",
        ['bitext', 'intent:cancel_order'],
        { escalate: true, reason: 'sensitive_topic', queue: 'orders' },
      ],
      [
        'bitext-2',
        "I'm waiting for a refund of $1200",
        ['bitext', 'intent:track_refund'],
        { escalate: true, reason: 'sensitive_topic', queue: 'billing' },
      ],
      [
        'bitext-3',
        'i want my mony back',
        ['bitext', 'intent:get_refund', 'typos'],
        { escalate: true, reason: 'sensitive_topic', queue: 'billing' },
      ],
      ['bitext-4', 'where is order 00123842', ['bitext', 'intent:track_order'], { escalate: false }],
      [
        'bitext-5',
        'assistance speaking with a bloody human agent',
        ['bitext', 'intent:contact_human_agent'],
        { escalate: true, reason: 'human_requested', queue: 'general' },
      ],
      [
        'bitext-6',
        'help me solve errors with payments',
        ['bitext', 'intent:payment_issue'],
        { escalate: true, queue: 'billing' },
      ],
    ]);
    expect(result.cases.every((item) => item.lang === 'en')).toBe(true);
    expect(result.excluded).toEqual({ place_order: 1 });
    expect(result.unknown).toEqual({ teleport_order: 1 });
  });

  it('writes JSONL the runner accepts', () => {
    const { cases } = importBitext(parseBitextCsv(sample), { seed: 1 });
    const jsonl = cases.map((item) => JSON.stringify(item)).join('\n');
    expect(parseDataset(jsonl, 'bitext.jsonl')).toEqual(cases);
  });

  it('samples deterministically per seed, at most N per intent', () => {
    const rows = Array.from({ length: 40 }, (_, i) => ({
      row: i + 1,
      utterance: `u${i}`,
      intent: i % 2 === 0 ? 'track_order' : 'get_refund',
      flags: 'B',
    }));
    const a = importBitext(rows, { seed: 7, perIntent: 3 }).cases.map((item) => item.id);
    const b = importBitext(rows, { seed: 7, perIntent: 3 }).cases.map((item) => item.id);
    const c = importBitext(rows, { seed: 8, perIntent: 3 }).cases.map((item) => item.id);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(a).toHaveLength(6);
    expect(importBitext(rows, { seed: 7, perIntent: 3, limit: 4 }).cases).toHaveLength(4);
    expect(importBitext(rows, { seed: 7, limit: 5 }).cases).toHaveLength(5);
  });

  it('never maps and excludes the same intent', () => {
    const both = Object.keys(bitextMapping).filter((intent) => intent in bitextExcluded);
    expect(both).toEqual([]);
  });

  it('keeps the README table identical to the mapping', async () => {
    const readme = await readFile(new URL('../../evals/README.md', import.meta.url), 'utf8');
    expect(readme).toContain(bitextMappingMarkdown());
  });

  const validation = fileURLToPath(
    new URL(
      '../../../shared/data/bitext/Bitext_Sample_Customer_Service_Validation_Dataset.csv',
      import.meta.url,
    ),
  );
  it.skipIf(!existsSync(validation))('covers every intent of the shipped validation split', async () => {
    const result = importBitext(parseBitextCsv(await readFile(validation, 'utf8')), { seed: 1 });
    expect(result.unknown).toEqual({});
    // 810 rows, less the 278 rows of the nine excluded intents (counted by hand from the CSV).
    expect(result.cases).toHaveLength(532);
    expect(Object.values(result.excluded).reduce((sum, n) => sum + n, 0)).toBe(278);
  });
});

describe('npm run -s eval:import-bitext', () => {
  async function importer(argv: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await runImportBitext(argv, {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
    });
    return { code, stdout, stderr };
  }

  it('says a file is missing or not a Bitext CSV in one line, exit 2, no stack trace', async () => {
    const dir = temporaryDirectory('baton-bitext-');
    const missing = await importer([join(dir, 'missing.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^import-bitext: cannot read .*missing\.csv: ENOENT[^\n]*\n$/);
    const other = join(dir, 'other.csv');
    await writeFile(other, 'name,age\nSara,30\n');
    const wrong = await importer([other]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe(
      `import-bitext: ${other}: not a Bitext CSV: expected the columns "utterance" and "intent"\n`,
    );
    const ragged = join(dir, 'ragged.csv');
    await writeFile(ragged, 'utterance,intent\n"a,b,c\n');
    expect((await importer([ragged])).stderr).toMatch(/^import-bitext: .*ragged\.csv: not a Bitext CSV: /);
    const empty = join(dir, 'empty.csv');
    await writeFile(empty, '');
    expect((await importer([empty])).code).toBe(2);
    for (const output of [missing, wrong]) expect(output.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses --per-intent 0 and --limit 0 as usage errors', async () => {
    for (const flag of ['--per-intent', '--limit']) {
      const result = await importer(['x.csv', flag, '0']);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`${flag} "0": expected a whole number ≥ 1`);
    }
  });

  it('writes cases for a Bitext CSV', async () => {
    const dir = temporaryDirectory('baton-bitext-');
    const csv = join(dir, 'b.csv');
    await writeFile(
      csv,
      'flags,utterance,category,intent\nB,I want to talk to a person,CONTACT,contact_human_agent\n',
    );
    const result = await importer(['--', csv]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ id: 'bitext-1', expect: { escalate: true } });
  });
});
