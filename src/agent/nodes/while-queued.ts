import type { LangGraphRunnableConfig } from '@langchain/langgraph/web';
import { eq } from 'drizzle-orm';
import { attachToHandoff } from '../../handoff/create.js';
import type { Packet } from '../../handoff/packet.js';
import { raiseWaitingHandoff } from '../../handoff/raise-waiting.js';
import { rerouteWaitingHandoff } from '../../handoff/reroute-waiting.js';
import { withdrawHandoff } from '../../handoff/withdraw.js';
import type { Classification } from '../../llm/classification.js';
import { classifyOffline } from '../../nlu/classify.js';
import { normalizeForMatching } from '../../nlu/normalize.js';
import { prepare } from '../../nlu/phrases.js';
import { keepsWhatWasToBeCancelled, withdrawsRequest } from '../../nlu/withdrawal.js';
import { formatLocal, isWithinBusinessHours, nextOpening } from '../../policy/business-hours.js';
import type { Reason } from '../../policy/reasons.js';
import { areaOf, routePriority } from '../../policy/routing.js';
import { messageTriggers } from '../../policy/triggers.js';
import { say } from '../../replies/messages.js';
import { handoffs } from '../../store/schema/index.js';
import { type AgentDeps, turnContext } from '../context.js';
import type { AgentStateUpdate, AgentStateValue } from '../state.js';
import { urgentAdvice } from '../urgent-advice.js';

/**
 * Chasing the person they are waiting for: "hello?? anyone there", "الو", "وينكم؟؟", "متى بيرد
 * علي احد", "still waiting". Matched on the normalised text (ة → ه, ؟ → ?), with boundaries that
 * know Arabic letters (`\b` does not).
 */
const STILL_WAITING = [
  /(?<!\p{L})any\s?(?:one|body)\s*(?:there|here|\?)/u,
  /(?<!\p{L})when will (?:someone|anyone|an agent|you)(?!\p{L})/u,
  /(?<!\p{L})how long (?:until|till|til|before) (?:someone|anyone|an agent|you|u|i get)(?!\p{L})/u,
  /(?<!\p{L})how long (?:is|will be) the (?:wait|queue)(?!\p{L})/u,
  /(?<!\p{L})how long (?:do i|will i|should i) (?:have to )?wait(?!\p{L})/u,
  /(?<!\p{L})still waiting(?!\p{L})/u,
  /(?<!\p{L})where (?:are|r) (?:you|u|ya)(?: guys| all| people)?\s*[?!.]*$/u,
  /(?<!\p{L})(?:are|r) (?:you|u) (?:still )?there(?!\p{L})/u,
  /(?<!\p{L})(?:no ?one|nobody|no body) (?:is )?(?:answering|replying|responding|answered|replied)(?!\p{L})/u,
  // "nobody answers??" (not "nobody answers the door at my place")
  /(?<!\p{L})(?:no ?one|nobody|no body) (?:answers|replies|responds)(?: here| there)?\s*\?/u,
  /(?<!\p{L})(?:still )?no (?:reply|answer|response)(?: yet)?\s*[?!.]*$/u,
  /^(?:hello|hi|hey|helo|hallo|allo|alo)\s*\?+\s*$/u,
  /^[\s?!.]+$/u,
  /^ال+و+(?![\p{L}])/u,
  /متي (?:بيرد|يرد|راح يرد|تردون|بتردون|يجي)/u,
  /(?<!\p{L})وين(?:كم| الموظف| راح الموظف| راحوا| الرد)(?!\p{L})/u,
  /(?<!\p{L})(?:فيه|في) (?:احد|حد)(?!\p{L})/u,
  /(?<!\p{L})(?:ما|مو) ?(?:احد|حد) (?:يرد|رد)(?!\p{L})/u,
  /(?<!\p{L})(?:محد|ماحد|مافي احد|ما في احد) ?(?:يرد|رد)?(?!\p{L})/u,
  // Egyptian: "يا جماعة محدش بيرد ليه؟؟" (not "مفيش حد في البيت بكرة")
  /(?<!\p{L})(?:محدش|ماحدش|مفيش حد) ?(?:بيرد|يرد|رد|بيجاوب|يجاوب)(?!\p{L})/u,
  // "pls hurry", "hurry up", "بسرعة لو سمحت" on its own (not "no hurry", "I ordered in a hurry")
  /(?<!\p{L})(?:hurry up|(?:please|pls|plz) hurry)(?!\p{L})/u,
  /^(?:يا (?:جماعه|شباب) )?(?:انتو|انتوا|انتم) (?:فين|وين)\s*(?:[?!.]|$)/u,
  /^(?:يلا|يالله) ?(?:بسرعه|بسرعة)?\s*[?!.]*$/u,
  /^(?:يا ?(?:جماعه|اخوان|شباب) )?(?:بسرعه|استعجلوا|عجلوا)(?: (?:لو سمحت|الله يخليكم|الله يخليك|شوي|رجاء))?\s*[?!.]*$/u,
  /(?<!\p{L})(?:طولتو|طولتوا|تاخرتو|تاخرتوا)(?!\p{L})/u,
  /(?<!\p{L})(?:صار ?لي|لي) (?:ساعه|ساعات|ساعتين|يوم|يومين|كثير|مده)(?!\p{L})/u,
];

/**
 * A customer chasing louder after the queue notice hears "sorry for the wait" again once this long
 * has passed since the last time: silence would look broken, an apology per message would be noise.
 */
const APOLOGY_INTERVAL_MS = 10 * 60_000;

/** "btw how much is shipping?", "وعلى فكرة كم رسوم الشحن؟": a question on the side of the case. */
const ASIDE = /^(?:(?:and |oh |ok |also )?(?:btw|by the way)|also|و?(?:علي فكره|بالمناسبه))(?!\p{L})/u;

/** What a customer sends to show the problem: a photo, a video, a document. */
const FILE_TYPES: ReadonlySet<string> = new Set(['image', 'video', 'document']);

function stillWaiting(text: string): boolean {
  const normal = normalizeForMatching(text);
  return STILL_WAITING.some((pattern) => pattern.test(normal));
}

/**
 * While a person has the conversation the bot stays silent: messages are kept on the handoff.
 * Asking for an agent again gets one short "you are in the queue", never a second packet. A message
 * that makes the wait more urgent (a safety matter, fraud, frustration) raises the queued handoff,
 * and for safety and fraud the customer is told at once what to do meanwhile. Until someone claims
 * it, the customer may take the request back ("never mind, I found it").
 */
export function whileQueuedNode(deps: AgentDeps) {
  return async (state: AgentStateValue, config: LangGraphRunnableConfig): Promise<AgentStateUpdate> => {
    const { conversation, customer } = turnContext(config);
    const inbound = state.inbound;
    const handoffId = conversation.handoffId ?? state.handoffId;
    if (inbound === null || handoffId === null) return { replies: [] };
    await attachToHandoff(deps.db, inbound.messageId, handoffId, deps.clock.now());
    const handoff = await deps.db.query.handoffs.findFirst({
      where: eq(handoffs.id, handoffId),
      columns: { queue: true, priority: true, packet: true },
    });
    const queue = handoff?.queue ?? 'general';
    deps.events.publish({ type: 'message.created', handoffId, queue, direction: 'in' });
    // Cheap and deterministic: no model call for a conversation a person already owns.
    const classification =
      inbound.text === ''
        ? undefined
        : classifyOffline({
            text: inbound.text,
            previousCustomerTexts: state.transcript
              .slice(0, -1)
              .filter((line) => line.from === 'customer')
              .map((line) => line.text),
            fallbackLanguage: state.language,
          });
    const asked = inbound.text === '' ? undefined : prepare(inbound.text);
    // "actually don't cancel it, I'll keep it": the cancellation was all the person was for
    const keeps =
      asked !== undefined &&
      handoff !== undefined &&
      forCancellationAlone(handoff.packet as Packet) &&
      keepsWhatWasToBeCancelled(asked);
    const withdraws =
      state.mode === 'queued' &&
      classification !== undefined &&
      asked !== undefined &&
      !classification.humanRequest.requested &&
      // nothing else asked beside it ("no, keep it, but change the address to Olaya"); a topic only
      // the cancellation being kept ("I was going to cancel it but I'll keep it")
      !classification.needsPerson.needed &&
      classification.sensitiveTopics.every((hit) => keeps && hit.topic === 'cancellation') &&
      (withdrawsRequest(asked) || keeps);
    // A safety or fraud matter is followed up whatever the customer says now.
    if (withdraws && handoff?.priority === 'urgent') {
      return { replies: [{ kind: 'text', text: say('urgentKept', state.language) }], handoffId };
    }
    if (
      withdraws &&
      (await withdrawHandoff(deps.db, {
        handoffId,
        conversationId: conversation.id,
        customerWords: inbound.text,
        now: deps.clock.now(),
      }))
    ) {
      deps.events.publish({ type: 'handoff.updated', handoffId, queue, status: 'resolved' });
      deps.logger.info('handoff withdrawn by the customer', { handoffId });
      return {
        replies: [
          { kind: 'text', text: say(keeps ? 'cancellationWithdrawn' : 'requestWithdrawn', state.language) },
        ],
        mode: 'bot',
        handoffId: null,
      };
    }
    const chasesInWords =
      inbound.buttonId === 'menu_agent' ||
      classification?.humanRequest.requested === true ||
      stillWaiting(inbound.text);
    // chasing again after the notice, louder ("hello?" → "hello??" → "HELLO???"): the wait upsets them
    const impatience: Reason[] =
      state.queuedNoticeSent &&
      chasesInWords &&
      classification !== undefined &&
      classification.frustration > 0
        ? [
            {
              code: 'frustration',
              evidence: `chased again after the queue notice: ${classification.frustrationEvidence.join(', ')}`,
            },
          ]
        : [];
    const raised =
      state.mode === 'queued' && classification !== undefined
        ? await raiseIfMoreUrgent(deps, handoffId, classification, impatience, customer.tier, state.language)
        : { frustrated: false, raisedUpset: false, advice: [] };
    // only the general queue moves: no read for a handoff a team already has; and not for a
    // question on the side ("btw how much is shipping to Jeddah?"), which says nothing of the case
    if (
      state.mode === 'queued' &&
      classification !== undefined &&
      queue === 'general' &&
      !(classification.intent === 'faq' && ASIDE.test(normalizeForMatching(inbound.text)))
    )
      await rerouteIfAbout(deps, handoffId, classification);
    const chasing = chasesInWords || raised.frustrated;
    // the photo the handoff notice asked for: the customer should know it reached someone
    const file = FILE_TYPES.has(inbound.type);
    const now = deps.clock.now();
    // louder still on a handoff that cannot go higher ("HELLO???" when it is already high)
    const apologyDue =
      impatience.length > 0 &&
      (state.apologisedAt === null || now - state.apologisedAt >= APOLOGY_INTERVAL_MS);
    // one notice, and an apology each time the wait makes the customer upset enough to raise it
    if (
      state.mode === 'queued' &&
      ((!state.queuedNoticeSent && (chasing || file)) || raised.raisedUpset || apologyDue)
    ) {
      const apologises = raised.frustrated || apologyDue;
      const sorry = apologises ? `${say('sorryForWait', state.language)} ` : '';
      const kept = file ? `${say('fileKept', state.language)} ` : '';
      return {
        replies: [
          ...raised.advice,
          { kind: 'text', text: `${sorry}${kept}${queueNotice(deps, state.language)}` },
        ],
        // a notice that cannot reach the customer (their window had closed) is not one they heard
        queuedNoticeSent: inbound.windowClosed !== true,
        apologisedAt: apologises ? now : state.apologisedAt,
        handoffId,
      };
    }
    return { replies: raised.advice, handoffId };
  };
}

/** The person was asked for to cancel, and for nothing else. */
function forCancellationAlone(packet: Packet): boolean {
  return (
    packet.reasons.length > 0 &&
    packet.reasons.every(
      (reason) =>
        reason.code === 'sensitive_topic' &&
        reason.topics !== undefined &&
        reason.topics.every((topic) => topic === 'cancellation'),
    )
  );
}

/** In the queue; outside business hours, when the team opens, as the handoff notice said. */
function queueNotice(deps: AgentDeps, language: AgentStateValue['language']): string {
  const hours = deps.policy.businessHours;
  const now = deps.clock.now();
  if (isWithinBusinessHours(now, hours)) return say('alreadyQueued', language);
  return say('alreadyQueuedAfterHours', language, {
    opensAt: formatLocal(nextOpening(now, hours), hours, language, now),
  });
}

/**
 * Raises the queued handoff when this message alone would have made it more urgent, or when the
 * customer chases again, louder, after being told they are in the queue (`impatience`): the advice
 * to send (safety, fraud), whether the customer is upset, and whether that upset raised the
 * handoff just now (at most twice: normal to high to urgent).
 */
async function raiseIfMoreUrgent(
  deps: AgentDeps,
  handoffId: string,
  classification: Classification,
  impatience: readonly Reason[],
  tier: 'standard' | 'vip',
  language: AgentStateValue['language'],
) {
  const triggered = messageTriggers(classification, deps.policy).filter(
    (reason) => reason.code === 'sensitive_topic' || reason.code === 'frustration',
  );
  const reasons = triggered.some((reason) => reason.code === 'frustration')
    ? triggered
    : [...triggered, ...impatience];
  const frustrated = reasons.some((reason) => reason.code === 'frustration');
  if (reasons.length === 0) return { frustrated, raisedUpset: false, advice: [] };
  const topics = classification.sensitiveTopics.map((hit) => hit.topic);
  const priority = routePriority({ reasons, sensitiveTopics: topics, tier });
  const raised = await raiseWaitingHandoff(deps.db, deps.sinks, {
    handoffId,
    priority,
    reasons,
    frustration: classification.frustration,
    now: deps.clock.now(),
  });
  if (raised === undefined) return { frustrated, raisedUpset: false, advice: [] };
  deps.events.publish({ type: 'handoff.updated', handoffId, queue: raised.queue, status: 'queued' });
  deps.logger.info('queued handoff raised', {
    handoffId,
    reasons: reasons.map((reason) => reason.code),
    priority,
  });
  return {
    frustrated,
    raisedUpset: frustrated,
    advice: urgentAdvice(classification.sensitiveTopics, language, deps.businessName),
  };
}

/** Moves a handoff waiting in the general queue to the team this message is about. */
async function rerouteIfAbout(deps: AgentDeps, handoffId: string, classification: Classification) {
  const area = areaOf({
    area: classification.area,
    sensitiveTopics: classification.sensitiveTopics.map((hit) => hit.topic),
  });
  if (!(await rerouteWaitingHandoff(deps.db, { handoffId, area, now: deps.clock.now() }))) return;
  // the general queue sees it leave, the team sees it arrive
  for (const queue of ['general', area])
    deps.events.publish({ type: 'handoff.updated', handoffId, queue, status: 'queued' });
  deps.logger.info('queued handoff moved to the team it is about', { handoffId, queue: area });
}
