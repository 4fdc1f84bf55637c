import { describe, expect, it } from 'vitest';
import { batchedWrite } from '../../src/log/batched-write.js';
import { createLogger } from '../../src/log/logger.js';

describe('batchedWrite', () => {
  it('writes the lines of one event-loop turn in one chunk, in order', async () => {
    const chunks: string[] = [];
    const output = batchedWrite((chunk) => chunks.push(chunk), setImmediate);
    output.line('a');
    output.line('b');
    expect(chunks).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    output.line('c');
    await new Promise((resolve) => setImmediate(resolve));
    expect(chunks).toEqual(['a\nb\n', 'c\n']);
  });

  it('flush writes what is pending at once, and the scheduled run then writes nothing more', async () => {
    const chunks: string[] = [];
    const output = batchedWrite((chunk) => chunks.push(chunk), setImmediate);
    const logger = createLogger({ write: output.line });
    logger.info('first', { n: 1 });
    logger.warn('second');
    output.flush();
    expect(chunks).toHaveLength(1);
    expect(
      chunks[0]
        ?.split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line).msg),
    ).toEqual(['first', 'second']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(chunks).toHaveLength(1);
  });
});
