import { z } from 'zod';
import { normalizeDigits } from '../../nlu/normalize.js';
import {
  type Amount,
  areaSchema,
  type Classification,
  classificationSchema,
  intentSchema,
  languageSchema,
  sensitiveTopicSchema,
} from '../classification.js';
import type { ClassifyInput } from '../port.js';
import {
  attempt,
  callModel,
  type ModelContext,
  messageOf,
  parseContent,
  requestFor,
  retryBudget,
} from './call.js';
import { strictResponseFormat } from './json-schema.js';
import { type Excerpt, excerptsBlock, quoteCustomer } from './render.js';
import { CONTEXT_MESSAGES, type TurnDraft } from './turn-cache.js';

/**
 * What the classifier model returns. Strict structured outputs: every field present, `null` for
 * "none". Besides the classification it may carry a grounded reply and an agent note, which later
 * jobs of the same turn reuse instead of calling the model again (see `OpenAiLlm`).
 */
export const modelClassificationSchema = z.object({
  language: languageSchema,
  intent: intentSchema,
  frustration: z.number().min(0).max(1),
  frustration_rationale: z.string(),
  frustration_evidence: z.array(z.string()),
  human_request: z.object({ requested: z.boolean(), evidence: z.string().nullable() }),
  sensitive_topics: z.array(z.object({ topic: sensitiveTopicSchema, evidence: z.string() })),
  area: areaSchema,
  entities: z.object({
    order_ids: z.array(z.string()),
    amounts: z.array(z.object({ value: z.number(), currency: z.string().nullable(), text: z.string() })),
  }),
  complex_query: z.object({ needed: z.boolean(), evidence: z.string().nullable() }),
  reply: z.object({ text: z.string(), knowledge_doc_id: z.string() }).nullable(),
  handoff_summary: z.string().nullable(),
});
export type ModelClassification = z.infer<typeof modelClassificationSchema>;

const responseFormat = strictResponseFormat('classification', modelClassificationSchema);

const comparable = (text: string) => normalizeDigits(text).toUpperCase().replace(/[\s#]/g, '');

/** Keeps only entities the customer actually wrote: a model must not invent an order number. */
function groundedEntities(answer: ModelClassification, text: string, offline: Classification['entities']) {
  const said = comparable(text);
  const orderIds = [...offline.orderIds];
  for (const id of answer.entities.order_ids.map(comparable)) {
    if (id.length >= 2 && said.includes(id) && !orderIds.some((known) => comparable(known) === id)) {
      orderIds.push(id);
    }
  }
  const amounts: Amount[] = [...offline.amounts];
  for (const amount of answer.entities.amounts) {
    if (!said.includes(comparable(amount.text)) || amounts.some((known) => known.text === amount.text))
      continue;
    amounts.push({
      value: amount.value,
      text: amount.text,
      ...(amount.currency ? { currency: amount.currency } : {}),
    });
  }
  return { orderIds, amounts };
}

/** The port's Classification from the model's answer; parsed again so it fails closed. */
export function toClassification(
  answer: ModelClassification,
  text: string,
  offline: Classification,
): Classification {
  const evidence = answer.frustration_evidence.filter(Boolean).slice(0, 5);
  const rationale = answer.frustration_rationale.trim();
  return classificationSchema.parse({
    language: answer.language,
    // Menu choices come from buttons and digits, which never reach the model.
    intent: answer.intent === 'menu_choice' ? 'unknown' : answer.intent,
    frustration: answer.frustration,
    frustrationEvidence: answer.frustration > 0 && rationale !== '' ? [...evidence, rationale] : evidence,
    humanRequest: {
      requested: answer.human_request.requested,
      ...(answer.human_request.evidence ? { evidence: answer.human_request.evidence } : {}),
    },
    sensitiveTopics: answer.sensitive_topics,
    area: answer.area,
    entities: groundedEntities(answer, text, offline.entities),
    needsPerson: {
      needed: answer.complex_query.needed,
      ...(answer.complex_query.evidence ? { evidence: answer.complex_query.evidence } : {}),
      // the model says whether; the lexicon, when it agrees, says what kind (a broken item gets
      // asked for a photo)
      ...(answer.complex_query.needed && offline.needsPerson.kind ? { kind: offline.needsPerson.kind } : {}),
    },
  });
}

/** The reusable parts of the answer; a reply citing a document it was not shown is dropped. */
export function draftOf(answer: ModelClassification, excerpts: readonly Excerpt[]): TurnDraft {
  const draft: TurnDraft = {};
  const source = excerpts.find((excerpt) => excerpt.docId === answer.reply?.knowledge_doc_id);
  const text = answer.reply?.text.trim();
  if (source !== undefined && text) draft.reply = { text, docId: source.docId, title: source.title };
  const summary = answer.handoff_summary?.trim();
  if (summary) draft.summary = summary;
  return draft;
}

function userMessage(input: ClassifyInput, excerpts: readonly Excerpt[]): string {
  const earlier = input.previousCustomerTexts.slice(-CONTEXT_MESSAGES);
  return [
    `Conversation language so far: ${input.language}`,
    'Earlier customer messages, oldest first:',
    earlier.length > 0 ? earlier.map((text, i) => `${i + 1}. ${quoteCustomer(text)}`).join('\n') : '(none)',
    '',
    'Knowledge excerpts (may not be relevant):',
    excerptsBlock(excerpts),
    '',
    `<customer_message>\n${quoteCustomer(input.text)}\n</customer_message>`,
  ].join('\n');
}

export type ClassifyOutcome = { ok: true; classification: Classification; draft: TurnDraft } | { ok: false };

/** One structured-output call (retried once on a fault). */
export async function classifyWithModel(
  ctx: ModelContext,
  input: ClassifyInput,
  offline: Classification,
  excerpts: readonly Excerpt[],
): Promise<ClassifyOutcome> {
  const body = requestFor(ctx, 'classifier', [{ role: 'user', content: userMessage(input, excerpts) }], {
    response_format: responseFormat,
  });
  const result = await attempt(ctx, 'classifier', retryBudget(), async () => {
    const answer = parseContent(
      messageOf(await callModel(ctx, 'classifier', body)),
      modelClassificationSchema,
    );
    return {
      classification: toClassification(answer, input.text, offline),
      draft: draftOf(answer, excerpts),
    };
  });
  return result.ok ? { ok: true, ...result.value } : { ok: false };
}
