import { describe, expect, it } from 'vitest';
import type { Packet } from '../../src/handoff/packet.js';
import { handoffSearchText } from '../../src/handoff/search-text.js';
import { createHarness } from '../support/harness.js';

describe("a handoff's search text", () => {
  it('keeps the number, the order ids and the words after a name of thousands of characters', async () => {
    const harness = await createHarness();
    try {
      await harness.post({
        waId: '966500000951',
        name: 'Sara',
        text: 'order A3001 never came, I want a person',
      });
      const [stored] = await harness.packets();
      const packet = { ...stored, customer: { ...stored?.customer, name: 'W'.repeat(5000) } } as Packet;
      const text = handoffSearchText(packet);
      expect(text.length).toBeLessThanOrEqual(4000);
      expect(text).toContain('966500000951');
      expect(text).toContain('a3001');
      expect(text).toContain('never came');
      // the summary's fixed wording is not searched
      expect(text).not.toContain('needs a person');
    } finally {
      harness.close();
    }
  });
});
