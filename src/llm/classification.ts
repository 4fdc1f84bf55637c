import { z } from 'zod';

export const languageSchema = z.enum(['en', 'ar']);
export type Language = z.infer<typeof languageSchema>;

/** Each language by its English name, for operators and agents: "Arabic". */
export const languageLabels: Record<Language, string> = { en: 'English', ar: 'Arabic' };

export const intentSchema = z.enum([
  'greeting',
  'menu_choice',
  'order_status',
  'faq',
  'human_request',
  'complaint',
  'technical',
  'thanks',
  'unknown',
]);
export type Intent = z.infer<typeof intentSchema>;

export const menuChoiceSchema = z.enum(['menu_order', 'menu_faq', 'menu_agent']);
export type MenuChoice = z.infer<typeof menuChoiceSchema>;

/** Topics that always need a person (DESIGN.md, `sensitive_topic`). */
export const sensitiveTopicSchema = z.enum([
  'refund',
  'charge',
  'billing',
  'cancellation',
  'fraud',
  'legal',
  'safety',
]);
export type SensitiveTopic = z.infer<typeof sensitiveTopicSchema>;

/** The business area a message is about; the policy routes queues from it. */
export const areaSchema = z.enum(['billing', 'orders', 'technical', 'general']);
export type Area = z.infer<typeof areaSchema>;

export const amountSchema = z.object({
  value: z.number(),
  currency: z.string().optional(),
  text: z.string(),
});
export type Amount = z.infer<typeof amountSchema>;

/** What needs a person: an app fault, a damaged or wrong item, an order change, an exception, a formal complaint. */
export const needsPersonKindSchema = z.enum([
  'malfunction',
  'item_problem',
  'order_change',
  'exception',
  'complaint',
]);
export type NeedsPersonKind = z.infer<typeof needsPersonKindSchema>;

export const classificationSchema = z.object({
  language: languageSchema,
  intent: intentSchema,
  menuChoice: menuChoiceSchema.optional(),
  /** 0..1; the policy escalates at or above its threshold. */
  frustration: z.number().min(0).max(1),
  /** The words, punctuation or repetition the score came from. */
  frustrationEvidence: z.array(z.string()),
  humanRequest: z.object({ requested: z.boolean(), evidence: z.string().optional() }),
  sensitiveTopics: z.array(z.object({ topic: sensitiveTopicSchema, evidence: z.string() })),
  area: areaSchema,
  entities: z.object({
    orderIds: z.array(z.string()),
    amounts: z.array(amountSchema),
  }),
  /** The request needs a person's decision or is out of scope (`complex_query`), and what kind. */
  needsPerson: z.object({
    needed: z.boolean(),
    evidence: z.string().optional(),
    kind: needsPersonKindSchema.optional(),
  }),
});
export type Classification = z.infer<typeof classificationSchema>;

/** The message already calls for a person: it asks for one, needs one, or raises a sensitive topic. */
export function callsForAPerson(classification: Classification): boolean {
  return (
    classification.humanRequest.requested ||
    classification.needsPerson.needed ||
    classification.sensitiveTopics.length > 0
  );
}
