import type { LangGraphRunnableConfig } from '@langchain/langgraph/web';
import {
  type Area,
  type Classification,
  callsForAPerson,
  type MenuChoice,
  menuChoiceSchema,
} from '../../llm/classification.js';
import type { AgentTools } from '../../llm/port.js';
import { requestedLanguage, saysItDidNotWork, saysNotReceived } from '../../nlu/classify.js';
import { upsetInWords } from '../../nlu/frustration.js';
import { CSAT_ROW_ID } from '../../replies/csat.js';
import { type AgentDeps, turnContext } from '../context.js';
import { namesProduct } from '../named-product.js';
import type { AgentStateUpdate, AgentStateValue, InboundTurn } from '../state.js';

const unique = (values: string[]) => [...new Set(values)];
const issueIntents: ReadonlySet<string> = new Set(['order_status', 'complaint', 'technical']);

/**
 * What the kind of message says beyond its words. A tap on a template's quick-reply button answers
 * a message an agent sent (the only templates Baton sends are agents', outside the window): a person
 * should read it, whatever it says; our own buttons (the menu sent as a template on Twilio, a late
 * rating) are not one. An order from the WhatsApp catalogue is not the bot's to take: the orders
 * team's.
 */
function withMessageKind(classified: Classification, inbound: InboundTurn, ourMenu: boolean): Classification {
  if (inbound.type === 'button' && !ourMenu && !CSAT_ROW_ID.test(inbound.buttonId ?? '')) {
    const tapped = inbound.text || inbound.buttonId || 'a button';
    return {
      ...classified,
      humanRequest: { requested: true, evidence: `tapped "${tapped}" on an agent's template` },
    };
  }
  if (inbound.type === 'order') {
    return {
      ...classified,
      area: 'orders',
      needsPerson: { needed: true, evidence: 'placed an order from the WhatsApp catalogue' },
    };
  }
  return classified;
}

/** What a message says when it is about the answer before rather than a matter of its own. */
const aboutTheAnswer: ReadonlySet<string> = new Set(['unknown', 'complaint', 'thanks']);

/**
 * "I tried, it didn't work" right after an answer from the knowledge base: what the page says to do
 * did not help the customer, so a person is needed (DESIGN.md, `complex_query`), in the area of the
 * question it answered ("forgot my password" → technical). Asking again would get the same page.
 */
function afterAnswerFailed(
  classified: Classification,
  inbound: InboundTurn,
  page: string | null,
  answeredArea: Area | undefined,
): Classification {
  if (page === null || !aboutTheAnswer.has(classified.intent) || classified.entities.orderIds.length > 0) {
    return classified;
  }
  if (!saysItDidNotWork(inbound.text)) return classified;
  // "still not working" reads as an item's fault too; of no product named, it is the answer's, and
  // the answer's area picks the team
  const faultOfNoProduct =
    classified.needsPerson.needed &&
    classified.needsPerson.kind === 'item_problem' &&
    !namesProduct(inbound.text, true);
  if (callsForAPerson(classified) && !faultOfNoProduct) return classified;
  return {
    ...classified,
    area: answeredArea !== undefined && answeredArea !== 'general' ? answeredArea : classified.area,
    needsPerson: {
      needed: true,
      evidence: `the answer from the "${page}" page did not help: "${inbound.text.trim()}"`,
    },
  };
}

/**
 * "no they never arrived", "لا ما وصلتني" after the card of an order that says delivered: a parcel
 * marked delivered and not received, which a person settles with the courier (complex_query, as the
 * same said in one message is).
 */
async function afterDeliveredCard(
  classified: Classification,
  inbound: InboundTurn,
  shownOrderId: string | null,
  tools: AgentTools,
): Promise<Classification> {
  if (shownOrderId === null || callsForAPerson(classified)) return classified;
  const said = saysNotReceived(inbound.text);
  if (said === undefined) return classified;
  const shown = await tools.trackOrder(shownOrderId);
  if (!shown.found || shown.order.status !== 'delivered') return classified;
  return {
    ...classified,
    intent: 'complaint',
    area: 'orders',
    needsPerson: {
      needed: true,
      kind: 'item_problem',
      evidence: `order ${shown.order.id} shows delivered, and the customer says "${said}"`,
    },
  };
}

export function classifyNode(deps: AgentDeps) {
  return async (state: AgentStateValue, config: LangGraphRunnableConfig): Promise<AgentStateUpdate> => {
    const inbound = state.inbound;
    if (inbound === null) throw new Error('classify needs an inbound message');
    const button = menuChoiceSchema.safeParse(inbound.buttonId);
    const previous = state.transcript
      .slice(0, -1)
      .filter((line) => line.from === 'customer')
      .map((line) => line.text);
    const classified = await deps.llm.classify({
      // A photo's description is classified with the caption, so a cracked screen can trigger.
      text: [inbound.text, inbound.mediaNote].filter(Boolean).join('\n'),
      ...(button.success ? { button: button.data as MenuChoice } : {}),
      previousCustomerTexts: previous,
      language: state.language,
      turnStartedAt: turnContext(config).startedAt,
    });
    const classification = await afterDeliveredCard(
      afterAnswerFailed(
        withMessageKind(classified, inbound, button.success),
        inbound,
        state.answeredFromPage,
        state.lastClassification?.area,
      ),
      inbound,
      state.shownOrderId,
      turnContext(config).tools,
    );
    const chosenLanguage = requestedLanguage(inbound.text) ?? state.chosenLanguage;
    return {
      classification,
      lastClassification: classification,
      chosenLanguage,
      // A tapped button carries our own (English) title: it says nothing about the customer's language.
      language: button.success ? state.language : (chosenLanguage ?? classification.language),
      // upset said in words; "still", capitals or "??" alone count as none (buildingFrustrationTrigger)
      frustrationHistory: [
        ...state.frustrationHistory,
        upsetInWords(inbound.text, classification.frustrationEvidence) ? classification.frustration : 0,
      ].slice(-10),
      // Only an issue sets the area a later bare "agent" is routed by; a policy question does not.
      lastArea:
        issueIntents.has(classification.intent) && classification.area !== 'general'
          ? classification.area
          : state.lastArea,
      facts: {
        orderIds: unique([...state.facts.orderIds, ...classification.entities.orderIds]),
        amounts: unique([...state.facts.amounts, ...classification.entities.amounts.map((a) => a.text)]),
        media: state.facts.media,
      },
    };
  };
}
