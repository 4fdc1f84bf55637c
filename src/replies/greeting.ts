import type { Language } from '../llm/classification.js';
import { say } from './messages.js';

/**
 * السلام عليكم, "assalamu alaikum", "salam": a greeting that is answered in kind. "Salam" alone
 * greets only at the start: in "This is Abdel Salam" it is a name.
 */
const SALAM =
  /(?:ال)?سلام عليكم|\bas+alam(?:u|o)?\s*(?:a?laikum|alaykum|alaikom)\b|\bsalam\s*(?:a?laikum|alaykum|alaikom)\b|^\s*(?:(?:hi|hello|hey)[\s,!.]+)?salam\b/iu;
const MORNING = /صباح الخير|\bgood morning\b/iu;
const EVENING = /مساء الخير|\bgood evening\b/iu;

/**
 * The greeting a person would give back before anything else: وعليكم السلام to a salam, صباح
 * النور to صباح الخير, مساء النور to مساء الخير; undefined when the customer greeted otherwise.
 */
export function greetingBack(text: string, language: Language): string | undefined {
  if (SALAM.test(text)) return say('salamReply', language);
  if (MORNING.test(text)) return say('morningReply', language);
  if (EVENING.test(text)) return say('eveningReply', language);
  return undefined;
}
