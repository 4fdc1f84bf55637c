import { describe, expect, it } from 'vitest';
import { classify } from './classify-helper.js';

describe('human request', () => {
  it.each([
    ['agent please', 'agent please'],
    ['I want to talk to a human', 'talk to a human'],
    ['can I speak to a real person', 'speak to a real person'],
    ['connect me to customer service', 'connect me to customer service'],
    ['representative', 'representative'],
    ['Live agent!!', 'Live agent'],
    ['manager please', 'manager please'],
    // anyone but the bot, or a person to look at it
    ['i dont want to talk to a bot', 'dont want to talk to a bot'],
    ['no bot please', 'no bot please'],
    ['can a human check my laptop order pls, no rush', 'can a human check'],
    ['ما ابي اكلم بوت', 'ما ابي اكلم بوت'],
    ['is there not a human I can talk to?', 'is there not a human I can talk'],
    ['get me your boss now', 'get me your boss'],
    ['ممكن حضرتك توصلني بحد من خدمة العملاء', 'توصلني بحد من خدمة'],
    ['حد يكلمني بسرعة لو سمحت', 'حد يكلمني'],
    // Arabizi, as the agent reads it: "abi a7ad ykalemni 3al tilifon"
    ['ابي احد يكلمني عالتلفون', 'ابي احد يكلمني'],
    ['is there no one I could speak to?', 'is there no one I could speak'],
    ['I need an agent now', 'need an agent'],
    ['no, I want an agent', 'want an agent'],
    ['how do I get in touch with customer support', 'touch with customer support'],
    ['اريد التحدث مع موظف', 'اريد التحدث مع موظف'],
    ['أرغب في التحدث مع موظف', 'أرغب في التحدث مع موظف'],
    ['أريد التحدث إلى ممثل خدمة العملاء', 'أريد التحدث إلى ممثل'],
    ['كيف اتواصل مع خدمة العملاء؟', 'اتواصل مع خدمة العملاء'],
    ['هلا، ابغى اكلم موظف', 'ابغى اكلم موظف'],
    ['ابي اكلم موظف', 'ابي اكلم موظف'],
    ['ابغى اكلم موظف الله يخليك', 'ابغى اكلم موظف'],
    ['ممكن شخص حقيقي', 'ممكن شخص'],
    ['حولني لخدمة العملاء', 'حولني لخدمة العملاء'],
    ['وكيل', 'وكيل'],
    ['وكيل لو سمحت', 'وكيل لو سمحت'],
    ['خدمة العملاء', 'خدمة العملاء'],
    ['can someone call me back?', 'someone call me'],
    ['please call me', 'please call me'],
    ['Can someone from your team call me back?', 'someone from your team call me'],
    ['can I speak with sales?', 'speak with sales'],
    ['عطني موظف بسرعة', 'عطني موظف'],
    ['وين الموظف؟', 'وين الموظف'],
    ['بدي احكي مع حدا', 'بدي احكي مع حدا'],
    // a few words between "transfer me" and the service; "someone" is a person too
    ['ممكن تحولني على احد من خدمة العملاء', 'تحولني على احد من خدمة العملاء'],
    ['حولني على احد لو سمحت', 'حولني على احد'],
    // the person as the one who speaks or calls, and the Egyptian and Levantine words
    ['بدي حدا من الشركة يحكي معي ضروري', 'بدي حدا من الشركة يحكي'],
    ['حد يرد عليا يا جماعة', 'حد يرد عليا'],
    ['محتاج مساعدة من حد بجد', 'مساعدة من حد'],
    ['يا ريت حدا من خدمة الزبائن يتصل فيني', 'حدا من خدمة الزبائن يتصل فيني'],
    ['عايز اتكلم مع بني آدم مش روبوت', 'عايز اتكلم مع بني آدم'],
    // advice the customer takes is their own request
    ['my husband says I should talk to a manager about this', 'talk to a manager'],
    ['my husband says get me a manager now', 'get me a manager'],
    ['why is there not a real person here', 'real person'],
    // a clause of its own asks, after one denied
    ['مش عايز بوت، عايز موظف', 'عايز موظف'],
    ['ما ابي بوت، ابي موظف', 'ابي موظف'],
    ['ما ابي انتظر، ابي اكلم موظف', 'ابي اكلم موظف'],
    ['خدمة الزبائن لو سمحت', 'خدمة الزبائن لو سمحت'],
  ])('%j asks for a person (evidence %j)', (text, evidence) => {
    const result = classify(text);
    expect(result.humanRequest).toEqual({ requested: true, evidence });
    expect(result.intent).toBe('human_request');
  });

  it.each([
    'your delivery agent was polite',
    // what an agent can do, asked
    'could the agent see my earlier messages?',
    // the customer's own boss, whoever takes the parcel, a discount asked for, a product for calls
    "let me talk to my boss first and I'll come back to you about the laptop",
    'the courier can pass it to whoever is at reception',
    'can I ask for the employee discount? my brother works at volta',
    'my grandma lives alone, I want a tablet so she always has someone we can call on video',
    'at the mall there was nobody I could talk to about specs, does the Volta Book 14 have 16GB RAM?',
    'I need to talk to the boss before I confirm the laptop order',
    'can you get me the Boss smartwatch in black?',
    "is there anyone we can call to receive it if I'm not home, like my neighbour?",
    'هستنى لحد يتصل بيا المندوب',
    'is there someone I can call at SMSA to reschedule my laptop delivery?',
    'my manager will speak with your boss about corporate accounts',
    'لو حد يكلمني من سمسا قبل ما يجي يكون احسن',
    'ممكن الشحنة توصلني بحد اقصى بكرة حسب خدمة العملاء؟',
    // Sunday (الاحد), "up to the door" (لحد), "at most" (بحد اقصى)
    'متى توصلني الشحنة يوم الاحد؟',
    'ممكن توصلني الطلب لحد الباب؟',
    'ممكن توصلوني الشحنة بحد اقصى يوم الخميس؟',
    // a habit told, not a request relayed
    "my dad always says 'get me a manager' when he calls companies haha. anyway how long to ship to tabuk",
    'متى توصلني الشحنة؟',
    // the courier's call before delivery
    'will someone call me before delivery?',
    'هل احد بيتصل علي قبل التوصيل؟',
    'the agent who delivered left it at the door',
    'is customer service open on Friday?',
    'I already talked to customer service yesterday and they were great',
    'what time can I reach customer service?',
    "I don't want an agent, just tell me where my order is",
    'I like the agent',
    'المندوب كان محترم',
    'موظف التوصيل كان لطيف',
    'ما ابي اكلم موظف، بس وين طلبي',
    'الوكيل المعتمد في جدة وين؟',
    'وصلني احد المنتجات مكسور',
    'مافي احد يرد',
    'كيف أتواصل مع خدمة العملاء بالإيميل؟',
    'what is the customer service phone number?',
    'I need the agent who delivered my order to call me back about the box',
    'can you ask the delivery guy to ring the bell',
    'ابي موظف التوصيل يتصل علي قبل يجي',
    'the courier will call me',
    'وين موظف التوصيل؟',
    'someone from the courier company will call me',
    'will the courier call me before delivery?',
    'ما حد يرد علي',
    'شكرا ما احتاج مساعدة من احد',
    'المندوب قال حد راح يتصل علي',
    'رقم خدمة الزبائن لو سمحت',
    // someone else asking
    "my mom keeps asking 'can I speak to a real person' when she calls banks, do you take apple pay?",
    'my mom keeps saying she wants to talk to a real person lol, do you take apple pay?',
  ])('%j mentions a person without asking for one', (text) => {
    const result = classify(text);
    expect(result.humanRequest).toEqual({ requested: false });
    expect(result.intent).not.toBe('human_request');
  });

  it('reads a question about opening hours as an FAQ', () => {
    expect(classify('is customer service open on Friday?').intent).toBe('faq');
  });
});
