import { describe, expect, it } from 'vitest';
import { DESCRIBE_INSTRUCTION, describeImage, oneLine } from '../../src/media/describe-image.js';
import { photo } from './fake-media.js';
import { answer, openFakeMediaClient } from './fake-openai-media.js';

describe('describeImage', () => {
  it('sends the photo as a data URL image part with the instruction, and returns one line', async () => {
    const { fake, client } = await openFakeMediaClient();
    fake.scriptVision(answer.text('A kettle with a cracked lid and a dented base.\nIt looks new.'));
    const bytes = photo();

    const line = await describeImage(
      client,
      { bytes, mimeType: 'image/jpeg', size: bytes.byteLength },
      { model: 'gpt-4o-mini', timeoutMs: 2_000 },
    );

    expect(line).toBe('A kettle with a cracked lid and a dented base.');
    const [request] = fake.completions;
    expect(request?.model).toBe('gpt-4o-mini');
    expect(request?.messages[0]).toEqual({ role: 'system', content: DESCRIBE_INSTRUCTION });
    const parts = request?.messages[1]?.content;
    expect(Array.isArray(parts)).toBe(true);
    const image = Array.isArray(parts) ? parts.find((part) => part.type === 'image_url') : undefined;
    expect(image?.image_url?.url).toBe(`data:image/jpeg;base64,${Buffer.from(bytes).toString('base64')}`);
  });

  it('keeps the line within 200 characters', () => {
    const line = oneLine(`- "${'A receipt from Volta Electronics '.repeat(10)}"`);
    expect(line.length).toBeLessThanOrEqual(200);
    expect(line.startsWith('A receipt')).toBe(true);
    expect(line.endsWith('…')).toBe(true);
  });

  it('returns an empty line when the model says nothing', async () => {
    const { fake, client } = await openFakeMediaClient();
    fake.scriptVision(answer.text('   \n  '));
    const bytes = photo();
    await expect(
      describeImage(
        client,
        { bytes, mimeType: 'image/png', size: bytes.byteLength },
        { model: 'm', timeoutMs: 2_000 },
      ),
    ).resolves.toBe('');
  });
});
