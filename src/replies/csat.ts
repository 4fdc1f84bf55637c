import type { OutboundMessage } from '../channel/outbound.js';
import type { Language } from '../llm/classification.js';
import { say } from './messages.js';

const labels: Record<Language, string[]> = {
  en: ['1 — Poor', '2 — Fair', '3 — Good', '4 — Very good', '5 — Excellent'],
  ar: ['1 — ضعيف', '2 — مقبول', '3 — جيد', '4 — جيد جداً', '5 — ممتاز'],
};

/**
 * The CSAT question as a list message: WhatsApp allows at most three reply buttons, so five
 * scores need a list; the rows' ids are `csat_1`…`csat_5`, and a typed digit is accepted too.
 */
export function csatQuestion(language: Language): OutboundMessage {
  return {
    kind: 'list',
    text: say('csatQuestion', language),
    button: say('csatButton', language),
    sections: [
      {
        title: say('csatSection', language),
        rows: labels[language].map((title, i) => ({ id: `csat_${i + 1}`, title })),
      },
    ],
  };
}

/** A score from a list reply (`csat_4`) or a message that is just a digit 1–5 (any script). */
export function csatScoreOf(input: { buttonId?: string; text: string }): number | undefined {
  const fromButton = /^csat_([1-5])$/.exec(input.buttonId ?? '');
  if (fromButton) return Number(fromButton[1]);
  const digits = input.text
    .trim()
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
  const typed = /^([1-5])\s*[.!⭐]*$/.exec(digits);
  return typed ? Number(typed[1]) : undefined;
}
