import type { OutboundMessage } from '../channel/outbound.js';
import type { Language, MenuChoice } from '../llm/classification.js';
import { say } from './messages.js';

/** Titles for the simulator's webhook payloads; WhatsApp echoes the tapped button's title. */
export const menuButtonTitles: Record<string, string> = {
  menu_order: 'Order status',
  menu_faq: 'Questions (FAQ)',
  menu_agent: 'Talk to an agent',
};

export const menuChoices: readonly MenuChoice[] = ['menu_order', 'menu_faq', 'menu_agent'];

/** The welcome menu: three reply buttons plus a numbered fallback for clients without buttons. */
export function welcomeMenu(
  language: Language,
  options: { name?: string; business: string },
): OutboundMessage {
  const name = options.name ? ` ${options.name}` : '';
  return {
    kind: 'buttons',
    text: `${say('welcome', language, { name, business: options.business })}\n\n${say('menuFallback', language)}`,
    buttons: [
      { id: 'menu_order', title: say('menuOrder', language) },
      { id: 'menu_faq', title: say('menuFaq', language) },
      { id: 'menu_agent', title: say('menuAgent', language) },
    ],
  };
}
