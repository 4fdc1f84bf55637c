import { describe, expect, it } from 'vitest';
import { createAgentTools } from '../../src/agent/tools.js';
import { loadConfig } from '../../src/config/config.js';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { silentLogger } from '../../src/log/logger.js';
import { repoKnowledge } from '../support/harness.js';

async function tools() {
  const config = loadConfig({});
  return createAgentTools(
    {
      knowledge: new KnowledgeBase(await repoKnowledge()),
      orders: { find: async () => undefined, forPhone: async () => [] },
      knowledgeMinScore: config.KNOWLEDGE_MIN_SCORE,
      knowledgeMinCoverage: config.KNOWLEDGE_MIN_COVERAGE,
      logger: silentLogger,
    },
    {},
  );
}

describe('when a knowledge answer is trusted (default thresholds, the shipped knowledge base)', () => {
  it.each([
    ['en', 'do you deliver to Bahrain?', 'delivery-areas'],
    // Most words are chatter, but several strong ones point at one section.
    ['en', "the courier didn't find me at home today, will he try again?", 'shipping'],
    ['en', 'if i order today can i still cancel tomorrow?', 'cancellation'],
    ['ar', 'المندوب اتصل علي وما كنت بالبيت، بيرجع يحاول مرة ثانية؟', 'shipping'],
    // Chatter in a clause of its own does not count against the clause that asks.
    ['en', 'quick question, do you deliver to Jeddah?', 'delivery-areas'],
    ['en', 'we had a debate at home: do you deliver to Jeddah?', 'delivery-areas'],
    ['en', 'sorry to bother you. what is the delivery fee?', 'shipping'],
    ['ar', 'آسف على الإزعاج، كم رسوم التوصيل؟', 'shipping'],
    // "anyway", "lol" are no subject; an emoji ends a clause
    ['en', 'ugh long day at work. anyway do you deliver on fridays?', 'shipping'],
    // how the customer feels about it is no subject
    ['en', "i'm a bit confused about tabby, how does it work", 'payments'],
    ['en', 'dumb question but do you deliver to abha', 'delivery-areas'],
    // until when is how long
    ['en', 'how long till i get my stuff if i order today', 'shipping'],
    // "next time" is when, not how long: no refund timing
    ['en', 'can i pay with tabby next time', 'payments'],
    ['ar', 'سؤال غبي بس كم الشحن', 'shipping'],
    ['en', 'lol you guys are killing it with these prices 😂 do you have tabby?', 'payments'],
    // a typo of a word the pages use is searched as that word
    ['en', 'how much is delivry?', 'shipping'],
    ['en', 'whats ur retrun polciy', 'returns'],
    ['en', 'how long is the warrenty on headphones?', 'warranty'],
    // a place too: "jedah" is Jeddah
    ['en', 'shiping to jedah how much', 'shipping'],
    ['en', 'how long to kuweit?', 'delivery-areas'],
    ['ar', 'كم الشحن لسلطنة عمان', 'shipping'],
    // two cities of one region weigh as one place: the price, not the list of cities
    ['en', 'cost of shipping to khamis mushait and abha?', 'shipping'],
    ['en', 'do you deliver to khamis mushait and abha?', 'delivery-areas'],
    // seeing is how the question asks, not what it is about
    ['en', 'can I see my invoice?', 'payments'],
    ['en', 'where can I view my invoice?', 'payments'],
    ['ar', 'ابي اشوف الفاتورة', 'payments'],
    ['en', 'do you have a store in Riyadh where I can see the phone?', 'hours'],
    // "bc": because, which is no subject either
    ['en', "my parcel got sent back bc i wasn't home", 'shipping'],
    // Arabizi's "is there" before English words
    ['en', 'fi tabby?', 'payments'],
    ['en', 'fi express delivery?', 'shipping'],
    ['en', 'wel express?', 'shipping'],
  ] as const)('%s "%s" → %s', async (language, question, docId) => {
    const result = await (await tools()).searchKnowledge(question, language);
    expect(result.confident).toBe(true);
    expect(result.hits[0]?.docId).toBe(docId);
  });

  it.each([
    ['en', "what's the weather in Riyadh today?"],
    ['en', 'can you recommend a good restaurant in Jeddah?'],
    ['ar', 'كيف الجو في الرياض اليوم؟'],
  ] as const)('%s "%s" → not trusted (one shared word is not an answer)', async (language, question) => {
    const result = await (await tools()).searchKnowledge(question, language);
    expect(result.confident).toBe(false);
  });

  it.each([
    // No page names Tokyo: "send", "ship" and "order", which most pages use, are not an answer.
    ['en', 'can you send my order to Tokyo?'],
    ['en', 'can you ship my order to Tokyo?'],
    ['ar', 'ممكن ترسلون طلبي إلى طوكيو؟'],
    ['ar', 'أقدر أرسل طلبي إلى طوكيو؟'],
    ['ar', 'ممكن توصلون طلبي إلى طوكيو؟'],
    ['ar', 'تشحنون طلبي طوكيو؟'],
    ['ar', 'توصلون الطلب لطوكيو؟'],
    ['en', 'can I order pizza from you?'],
    ['ar', 'ممكن أطلب بيتزا منكم؟'],
    ['en', "what's the best pizza place in jeddah"],
    // "friend" is on no page, and nothing matched beside it is particular to one.
    ['en', 'can you send my order number to my friend?'],
    ['en', 'hi, can you send my order number to my friend?'],
    ['en', 'can you send my order number to my freind?'],
    ['ar', 'ممكن ترسلون رقم طلبي لصديقي؟'],
    // the asking clause shares nothing with the page its first clause matched
    ['en', "I love Jeddah, what's the weather there?"],
  ] as const)(
    '%s "%s" → not trusted (words every page uses are not an answer)',
    async (language, question) => {
      const result = await (await tools()).searchKnowledge(question, language);
      expect(result.confident).toBe(false);
    },
  );
});

describe('which section answers (the shipped knowledge base)', () => {
  it.each([
    // A price question finds the section with the price, whatever word the customer uses for it.
    ['en', 'how much is delivery?', 'shipping', '25 SAR'],
    ['en', 'what is the delivery fee?', 'shipping', '25 SAR'],
    // a city named in the question does not make it the express section's (45 SAR in three cities)
    ['en', 'how much is delivery to riyadh?', 'shipping', '25 SAR'],
    ['en', 'how much is shipping to riyadh?', 'shipping', '25 SAR'],
    ['en', 'shipping cost to jeddah', 'shipping', '25 SAR'],
    ['ar', 'كم سعر التوصيل؟', 'shipping', '25 ريالاً'],
    ['ar', 'بكم التوصيل؟', 'shipping', '25 ريالاً'],
    ['ar', 'كم رسوم التوصيل للرياض؟', 'shipping', '25 ريالاً'],
    ['ar', 'بكم التوصيل للرياض', 'shipping', '25 ريالاً'],
    // كم before a word for shipping asks its price, before a word for days its duration
    ['ar', 'كم الشحن', 'shipping', '25 ريالاً'],
    ['ar', 'كم الشحن لجده', 'shipping', '25 ريالاً'],
    ['ar', 'كم يوم التوصيل لجدة؟', 'shipping', '1–2 يوم عمل'],
    ['ar', 'كم يوم ياخذ الشحن', 'shipping', '1–2 يوم عمل'],
    ['en', 'express delivery to riyadh?', 'shipping', '45 SAR'],
    // a greeting or a word for "you have" is no part of the question
    ['ar', 'السلام عليكم كم الشحن', 'shipping', '25 ريالاً'],
    ['ar', 'ما هي ساعات العمل لديكم؟', 'hours', 'من الأحد إلى الخميس'],
    ['en', 'hey guys, quick q - do you ship to dubai?', 'delivery-areas', 'UAE'],
    // The section that answers all of the question beats one that only says "costs" louder.
    ['en', "what's the COD fee?", 'payments', '15 SAR'],
    // The warranty page names the kinds of product it covers.
    ['en', 'is my laptop under warranty?', 'warranty', 'laptops'],
    ['en', 'how long is the warranty on headphones?', 'warranty', 'headphones'],
    ['ar', 'هل جوالي عليه ضمان؟', 'warranty', 'جوالات'],
    ['ar', 'اللابتوب عليه ضمان؟', 'warranty', 'لابتوبات'],
    // The delivery-areas page says which countries we do not ship to.
    ['en', 'do you ship to the UK?', 'delivery-areas', 'UK'],
    ['ar', 'توصلون بريطانيا؟', 'delivery-areas', 'بريطانيا'],
    // a كم asked last asks how long after a word for a time, and a price otherwise
    ['ar', 'انا في جدة، الضمان كم', 'warranty', 'سنتين'],
    ['ar', 'التوصيل للرياض ياخذ كم', 'shipping', '1–2 يوم عمل'],
    ['ar', 'انا في الدمام، الاسترداد يوصل بعد كم', 'returns', '5–10 أيام عمل'],
    ['ar', 'انا في جدة وابي ارسل للكويت كم', 'shipping', '60 ريالاً'],
    // a Saudi city said in one clause changes no other clause's answer
    ['ar', 'انا في جدة وابي ارجع جوال، المدة كم', 'returns', '14 يوماً'],
    ['ar', 'انا في جدة، التقسيط على كم شهر', 'payments', 'تابي'],
    ['en', "I'm in Abha, do you have express?", 'shipping', '45 SAR'],
    // ordering to a place is sending there; whom it is for, or that it is a gift, asks nothing
    ['ar', 'بدي اطلب لجدة، قديش الشحن؟', 'shipping', '25 ريالاً'],
    ['ar', 'بدي اطلب لعمان، قديش الشحن؟', 'delivery-areas', 'لا نشحن'],
    ['ar', 'بدي اطلب عالاردن، قديش الشحن؟', 'delivery-areas', 'لا نشحن'],
    ['ar', 'انا بالرياض وامي في ابها، توصلون لها؟', 'delivery-areas', 'أبها'],
    ['ar', 'انا في الاردن وبدي ابعت لأهلي بالرياض هدية، قديش الشحن؟', 'shipping', '25 ريالاً'],
    ['ar', 'انا عايش في الكويت وعايز ابعت لاخويا في جدة بكام الشحن', 'shipping', '25 ريالاً'],
    ['ar', 'قديش بتاخدو عالتوصيل', 'shipping', '25 ريالاً'],
    // whom the customer speaks to is no topic
    ['ar', 'قديش الشحن لعمان يا عمي', 'delivery-areas', 'لا نشحن'],
    // "to" written apart before a name in Latin letters
    ['ar', 'كم الشحن لل Dammam', 'shipping', '25 ريالاً'],
    // nor is the Levantine رح (will)
    ['ar', 'المصاري رح ترجع عالبطاقة؟', 'returns', 'وسيلة الدفع الأصلية'],
    // what the instalment company takes is money
    ['ar', 'كم تاخذ تابي', 'payments', 'بدون فوائد'],
    // a limit is the section's amounts; the courier's card machine is
    // how cash on delivery is paid by card
    ['en', 'how much is the Tabby limit?', 'payments', '5,000 SAR'],
    ['en', 'cash on delivery limit?', 'payments', '2,000 SAR'],
    // "up to 2,000 SAR" is the maximum asked for, also as "max"
    ['en', "what's the maximum for cash on delivery?", 'payments', '2,000 SAR'],
    ['en', 'whats the max for COD', 'payments', '2,000 SAR'],
    ['en', "what's the tabby max?", 'payments', '5,000 SAR'],
    ['ar', 'كم الحد الاعلى للدفع عند الاستلام؟', 'payments', '2,000 ريال'],
    [
      'en',
      'I paid the courier by card and he asked me to enter my PIN on the machine',
      'payments',
      'mada card',
    ],
    ['ar', 'المندوب عنده جهاز شبكة وطلب ادخل الرقم السري', 'payments', 'ببطاقة مدى'],
    // paying when it arrives is paying on delivery
    ['ar', 'ينفع ادفع كاش لما يوصل؟', 'payments', '15 ريالاً'],
    ['ar', 'تابي بتاخد قديش؟', 'payments', 'بدون فوائد'],
    // a place whose name starts with a letter the stemmer would take for a clitic
    ['ar', 'توصلون لبيروت؟', 'delivery-areas', 'لا نشحن'],
    ['ar', 'شو سعر الشحن للندن؟', 'delivery-areas', 'لا نشحن'],
    // a branch anywhere is a branch: there are none
    ['ar', 'عندكم فرع في عمان؟', 'hours', 'ليس لدينا فروع'],
    ['ar', 'وين فرعكم في دبي؟', 'hours', 'ليس لدينا فروع'],
    // a declined card is the bank's answer, not a fault to report
    ['en', 'my card was declined', 'payments', 'your bank can tell you why'],
    ['en', 'payment declined when I try to checkout', 'payments', 'your bank can tell you why'],
    ['ar', 'بطاقتي انرفضت', 'payments', 'اطلب من بنكك'],
    ['ar', 'بطاقة مدى انرفضت وش السبب', 'payments', 'اطلب من بنكك'],
    ['ar', 'البطاقة ترفض وش السالفة', 'payments', 'اطلب من بنكك'],
    ['ar', 'الكرت حقي ينرفض ليش', 'payments', 'اطلب من بنكك'],
    ['ar', 'البطاقة ما تنقبل عندكم ليش', 'payments', 'اطلب من بنكك'],
    // a card not accepted is declined; whether one is accepted, or Tamara, is the methods' answer
    ['ar', 'كرت الائتمان ما عم ينقبل', 'payments', 'اطلب من بنكك'],
    // how long a gift card lasts, asked as when it expires
    ['en', 'do gift cards expire', 'ordering', 'valid for 3 years'],
    ['ar', 'هل بطاقة الهدية تنتهي؟', 'ordering', 'صالحة لمدة 3 سنوات'],
    // away on the day the order comes: the delivery day can be moved
    ['ar', 'ما راح اكون بالبيت يوم الخميس', 'shipping', 'تأجيل التوصيل'],
    // Volta Plus is one section: what it is, with the cities, and how to cancel it
    ['en', 'what is volta plus?', 'account', 'in Riyadh, Jeddah and Dammam'],
    ['ar', 'وش هي فولتا بلس؟', 'account', 'في الرياض وجدة والدمام'],
    ['en', 'how do I cancel my Volta Plus subscription?', 'account', 'turn off renewal'],
    // a card that did not work, or does not go through, at checkout
    ['en', 'my card didnt work at checkout', 'payments', 'your bank can tell you why'],
    ['en', 'my credit card is not working', 'payments', 'your bank can tell you why'],
    ['ar', 'بطاقتي ما اشتغلت عند الدفع', 'payments', 'اطلب من بنكك'],
    ['ar', 'البطاقة ما تمشي', 'payments', 'اطلب من بنكك'],
    ['ar', 'البطاقة ما تشتغل', 'payments', 'اطلب من بنكك'],
    // whether a card works with the shop is which cards it takes, not a declined one
    ['ar', 'بطاقة مدى تشتغل عندكم؟', 'payments', 'نقبل فيزا'],
    ['ar', 'الدفع بتمارا ما ينقبل؟', 'payments', 'ولا نقبل تمارا'],
    ['ar', 'المنتجات فيها ضريبة؟', 'payments', 'ضريبة القيمة المضافة'],
    // "do you sell …", a currency, Kuwaiti "شلون" (how), repairs, "extra protection", a missed courier
    ['en', 'do you sell ps5', 'ordering', 'stock'],
    ['ar', 'تبيعون بلايستيشن؟', 'ordering', 'متوفراً'],
    ['ar', 'عايز اعرف لو اشتريت من الامارات هدفع بالدرهم ولا بالريال', 'payments', 'بالريال السعودي'],
    ['ar', 'شلون اطلب من عندكم', 'ordering', 'volta.example'],
    ['ar', 'الصيانة كم تاخذ وقت', 'warranty', 'الرقم التسلسلي'],
    ['ar', 'ما المدة المتاحة لشراء الحماية الإضافية بعد الاستلام؟', 'warranty', 'Volta Care+'],
    ['en', 'courier came while i was out what now', 'shipping', 'try again'],
    // the minimum for free shipping to a Gulf country is the Gulf's, not Saudi Arabia's
    ['en', 'is there a minimum order for free shipping to oman', 'shipping', '1,000 SAR'],
    ['en', 'whats the minimum order for free shipping', 'shipping', '300 SAR'],
    ['ar', 'كم الحد الادنى للشحن المجاني لعمان؟', 'shipping', '1,000 ريال'],
    // wanting to pay by card is not a card declined: that section no longer says "pay" (ادفع)
    ['ar', 'ابي ادفع بالبطاقة', 'payments', 'نقبل فيزا'],
    ['en', 'what payment methods do you have', 'payments', 'We accept Visa'],
    // an amount spent, "ببلاش" (for nothing) and "كم لازم اطلب" (how much must I order) ask the price
    ['en', 'is delivery free if i spend 350?', 'shipping', 'free on orders of 300 SAR'],
    ['ar', 'اذا طلبت ب 300 ريال الشحن ببلاش؟', 'shipping', '300 ريال'],
    ['ar', 'كم لازم اطلب عشان يصير الشحن مجاني', 'shipping', '300 ريال'],
    // the shop's number: "a number I can call", رقمكم, "رقم التلفون حقكم"
    ['en', 'do you have a number i can call', 'hours', 'support@volta.example'],
    ['ar', 'رقمكم؟', 'hours', 'support@volta.example'],
    ['ar', 'وش رقم التلفون حقكم', 'hours', 'support@volta.example'],
    ['en', 'which courier company do you use', 'shipping', 'SMSA'],
    ['en', 'how late does the courier deliver', 'shipping', '09:00–21:00'],
    ['en', 'tabby minimum?', 'payments', '100 SAR'],
    // the chat put through is no bank transfer
    ['en', "don't transfer me, just tell me the shipping cost", 'shipping', '25 SAR'],
    ['en', 'r u open now', 'hours', '09:00–18:00'],
    ['en', 'is cash on delivery possible for 2500 sar?', 'payments', '2,000 SAR'],
    ['ar', 'بطاقتي اماراتية تشتغل عندكم؟', 'payments', 'دولة خليجية'],
    ['ar', 'اقدر اطلب بدون ما اسجل؟', 'account', 'كضيف'],
  ] as const)('%s "%s" → %s, with "%s"', async (language, question, docId, fact) => {
    const result = await (await tools()).searchKnowledge(question, language);
    const [best] = result.hits;
    expect(best?.docId).toBe(docId);
    expect(best?.text).toContain(fact);
    expect(result.confident).toBe(true);
  });
});

describe('which section of the page answers (the shipped knowledge base)', () => {
  // Every section of every page, asked the way customers ask. A page's keywords weigh the same on
  // each of its sections; a section's own keywords and the words "already", "yet", خلاص, لسه,
  // "has shipped" (انشحن), "your email" and "are you open" tell them apart.
  const base = repoKnowledge().then((documents) => new KnowledgeBase(documents));
  it.each([
    ['en', 'can I cancel if it already shipped?', 'After the order has shipped'],
    // when couriers come is the delivery days' (the delivery code's "one-time" read as a time)
    ['en', 'what time do couriers deliver', 'Delivery days'],
    // "not covered" is what the warranty leaves out, "does not cover" on the page
    ['en', 'whats not covered?', 'What the warranty does not cover'],
    ['en', "what isn't covered by the warranty", 'What the warranty does not cover'],
    ['en', 'what does the warranty cover', 'What the warranty covers'],
    ['ar', 'وش اللي ما يغطيه الضمان؟', 'ما لا يشمله الضمان'],
    ['ar', 'وش يشمل الضمان', 'ما يشمله الضمان'],
    ['en', 'my order has shipped, can I still cancel?', 'After the order has shipped'],
    ['en', "it hasn't shipped yet, can I cancel?", 'Cancelling before shipping'],
    ['en', 'how do I cancel my order?', 'Cancelling before shipping'],
    // "your email" is the shop's, "my email" the customer's; "are you open" asks the hours
    ['en', 'what is your email?', 'Contact channels'],
    ['en', 'what is your phone number?', 'Contact channels'],
    ['en', 'how do I change my email?', 'Changing your email or phone number'],
    // creating an account has its own section: "كيف اسجل حساب؟" got the deletion's
    ['en', 'how do I create an account?', 'Creating an account'],
    ['en', 'open free account', 'Creating an account'],
    ['ar', 'كيف اسجل حساب؟', 'إنشاء حساب'],
    ['ar', 'كيف اسوي حساب', 'إنشاء حساب'],
    ['en', 'can i buy without making an account', 'Ordering without an account'],
    ['ar', 'هل يمكنني الشراء دون إنشاء حساب؟', 'الطلب بدون حساب'],
    ['en', 'how do I delete my account?', 'Deleting your account'],
    ['en', 'are you open now?', 'Support hours'],
    // a method the shop does not take is answered by the list, which says so
    ['en', 'do you take paypal?', 'Accepted payment methods'],
    ['ar', 'تقبلون تمارا؟', 'طرق الدفع المتاحة'],
    ['ar', 'هل الضمان يغطي كسر الشاشة؟', 'ما لا يشمله الضمان'],
    // a fault that came by itself is a defect, not the accident the exclusions name
    ['en', 'the case broke by itself after two months, is it covered?', 'What the warranty covers'],
    // a plan's cover, asked, is that plan's
    ['en', 'does care+ cover a broken screen', 'Volta Care+ extended cover'],
    ['ar', 'كيف اقدم على الضمان؟', 'طريقة المطالبة بالضمان'],
    ['en', 'can I return opened headphones?', 'Condition of returned items'],
    ['en', 'can I cancel just one item?', 'Cancelling part of an order'],
    ['en', 'how do I cancel my pre-order?', 'Pre-orders'],
    // a delivery date is not a pre-order's release date
    ['en', 'can I change the delivery date?', 'Changing the delivery day'],
    ['en', 'can I reschedule my delivery?', 'Changing the delivery day'],
    ['ar', 'ممكن تأجلون التوصيل ليوم ثاني؟', 'تغيير موعد التوصيل'],
    // buying a phone in instalments is Tabby, not trading an old phone in
    ['ar', 'ابي اشتري جوال بالتقسيط', 'التقسيط مع تابي'],
    ['ar', 'تشترون جوالي القديم؟', 'استبدال الأجهزة القديمة'],
    ['en', 'why was my card rejected?', 'When a card is declined'],
    ['ar', 'ليه الكارت اترفض؟', 'إذا رُفضت البطاقة'],
    // a place named, and a section that names it, wins a near tie: Abha, not stock
    ['ar', 'متوفر في ابها؟', 'المدن داخل السعودية'],
    ['ar', 'هل البطاقة الاماراتية تنقبل؟', 'الدفع من دول الخليج الأخرى'],
    ['ar', 'بطاقة الهدية ما تنقبل', 'بطاقات الهدايا'],
    // … a place abroad counts in every clause already: cash on delivery, not the Gulf deliveries
    ['en', 'cash on delivery in Dubai?', 'Cash on delivery'],
    // asked with a declined card, paying cash is still the cash-on-delivery answer
    ['en', 'my card was declined, can the courier take cash?', 'Cash on delivery'],
    // away: the delivery day is moved, not refused or missed
    ['ar', 'ابي استلم الطلب بعد اسبوعين لاني مسافر', 'تغيير موعد التوصيل'],
    ['en', 'i wont be home tomorrow, can the courier come next week?', 'Changing the delivery day'],
    ['ar', 'ابي اغير الباسوورد', 'إعادة تعيين كلمة المرور'],
    ['en', 'how do I change my password?', 'Resetting your password'],
    ['en', 'can i buy extra protection?', 'Volta Care+ extended cover'],
    // advice on which product to buy: the phone is not the orders placed from someone else's phone,
    // nor the laptop the trade-in of an old one; wanting one is still how to order
    ['en', 'what phone should i buy', 'Choosing a product'],
    ['en', 'which laptop do you recommend?', 'Choosing a product'],
    ['en', 'can you recommend a good tv for gaming', 'Choosing a product'],
    ['ar', 'وش افضل جوال عندكم؟', 'اختيار المنتج'],
    ['ar', 'انصحني بلابتوب للدراسة', 'اختيار المنتج'],
    // a phone named by its maker: "samsung" is one of the phones to choose from
    ['en', 'which is better, iphone or samsung?', 'Choosing a product'],
    ['ar', 'ايهم احسن الايفون ولا السامسونج؟', 'اختيار المنتج'],
    ['en', 'I want to buy a phone', 'How to order'],
    // "موجود عندكم؟" (do you have it?) asks for stock; "ما كنت موجود" (I was not in) is a missed delivery
    ['ar', 'موجود عندكم؟', 'أسعار المنتجات وتوفرها'],
    ['ar', 'الايفون ١٥ موجود عندكم؟', 'أسعار المنتجات وتوفرها'],
    ['ar', 'جا المندوب وانا مو موجود', 'إذا فاتك المندوب'],
    ['en', 'can I pick up my order from you?', 'Online store only'],
    // the customer's own slip is an exchange; an item we sent wrong is not
    ['en', 'I ordered the wrong colour', 'Exchanges'],
    ['ar', 'طلبت مقاس غلط', 'الاستبدال'],
    ['ar', 'اخترت اللون الغلط', 'الاستبدال'],
    ['en', 'what if I receive the wrong item?', 'Damaged or wrong items'],
    // accepting cash is how to pay; not accepting the parcel is refusing it
    ['en', 'do you accept cash on delivery', 'Accepted payment methods'],
    ['en', "I don't want to accept the delivery", 'Refusing a delivery'],
    // not wanting to register is ordering as a guest, not deleting the account
    ['ar', 'ما ابي اسجل حساب', 'الطلب بدون حساب'],
    ['ar', 'ابي احذف حسابي', 'حذف الحساب'],
    ['ar', 'رقمي ما ينقبل بالتسجيل', 'الطلب بدون حساب'],
    // "do you have <a product>?" asks whether it is in stock
    ['en', 'do you have the galaxy s24', 'Product prices and stock'],
    ['en', 'do u have iphone 15 pro max in blue', 'Product prices and stock'],
    ['ar', 'عندكم ايفون ١٦؟', 'أسعار المنتجات وتوفرها'],
    // the same again: "another" was the orders placed from another phone
    ['en', "I'd like to buy another pair", 'How to order'],
    ['en', 'i want to order one more', 'How to order'],
    ['ar', 'ابي اشتري جوال', 'كيف تطلب'],
    ['ar', 'رجعت المنتج، متى تفحصونه؟', 'مدة استرداد المبلغ'],
    // a reply on Friday is the team's, not the couriers' delivery days
    ['ar', 'بكرة الجمعة بتردون علي؟', 'الرسائل خارج أوقات الدعم'],
    ['en', 'will you reply on friday?', 'Messages outside support hours'],
    ['en', 'how do I cancel volta plus?', 'Volta Plus membership'],
    ['en', 'what happens if I refuse the delivery?', 'Refusing a delivery'],
    ['en', 'do you accept apple pay?', 'Accepted payment methods'],
    ['en', 'apple pay', 'Accepted payment methods'],
    ['en', 'how do i pay?', 'Accepted payment methods'],
    ['en', 'what are your payment methods?', 'Accepted payment methods'],
    ['en', 'is delivery to جدة free?', 'Shipping costs in Saudi Arabia'],
    ['en', 'do you ship to الخبر?', 'Cities in Saudi Arabia'],
    ['en', 'can i pay cash?', 'Cash on delivery'],
    ['en', 'is there a fee for cash on delivery?', 'Cash on delivery'],
    ['en', 'can I pay in installments?', 'Tabby instalments'],
    ['en', 'I have a UAE card, will it work?', 'Paying from other GCC countries'],
    ['en', 'where is my VAT invoice?', 'Invoices'],
    ['en', 'where do I find my invoice?', 'Invoices'],
    ['en', 'is it safe to pay by card?', 'Payment security'],
    ['en', 'do you deliver to abha?', 'Cities in Saudi Arabia'],
    ['en', 'how many days to deliver to Makkah?', 'Cities in Saudi Arabia'],
    ['en', 'can I return something I bought 20 days ago?', 'Return window'],
    ['en', 'are your iPhones original?', 'Official products'],
    ['en', "what's the minimum order for free shipping?", 'Shipping costs in Saudi Arabia'],
    ['en', 'how do refunds work?', 'Refund timing'],
    ['en', 'do you deliver to villages?', 'Remote areas'],
    ['en', 'do you ship to dubai?', 'GCC countries'],
    ['en', 'do you ship to egypt?', 'Outside the GCC'],
    ['en', 'can you deliver to a PO box?', 'Address requirements'],
    ['en', 'how long does delivery take?', 'Delivery times'],
    ['en', 'how much is shipping?', 'Shipping costs in Saudi Arabia'],
    ['en', 'is shipping free?', 'Shipping costs in Saudi Arabia'],
    ['en', 'do you have same day delivery?', 'Express delivery'],
    ['en', 'what delivery options do you have?', 'Shipping options'],
    // a city express does not serve: the section says where it does
    ['en', 'express delivery to abha?', 'Express delivery'],
    ['en', "I'm in Madinah and want express", 'Express delivery'],
    ['en', "what's the difference between standard and express?", 'Shipping options'],
    ['en', 'what payment options do you have?', 'Accepted payment methods'],
    ['en', 'do you ship internationally?', 'Outside the GCC'],
    // where the shop sends is its cities, not when or at what price; where the customer sends is not
    ['en', 'where do you deliver?', 'Cities in Saudi Arabia'],
    ['en', 'where do you guys ship to?', 'Cities in Saudi Arabia'],
    ['en', 'where do I send the return?', 'Return window'],
    ['ar', 'وين توصلون؟', 'المدن داخل السعودية'],
    ['ar', 'فين بتوصلوا؟', 'المدن داخل السعودية'],
    ['en', "what's the maximum for tabby?", 'Tabby instalments'],
    ['en', 'will I pay customs in kuwait?', 'Shipping to other GCC countries'],
    ['en', 'how much is shipping to Dubai?', 'Shipping to other GCC countries'],
    ['en', 'can I change the address?', 'Changing the delivery address'],
    ['en', 'can it go to my work address instead', 'Changing the delivery address'],
    // where it should go instead is no topic: no page says "office"
    ['en', 'can i get it delivered to my office instead?', 'Changing the delivery address'],
    ['en', 'can you send it to my brother instead?', 'Changing the delivery address'],
    // a place named instead asks whether we deliver there
    ['en', 'can I ship to my cousin in Dubai instead?', 'GCC countries'],
    ['en', 'which courier do you use?', 'Couriers and tracking'],
    ['en', 'I missed the courier, what now?', 'Missed deliveries'],
    ['en', 'what is your return policy?', 'Return window'],
    ['en', 'can I return opened headphones?', 'Condition of returned items'],
    ['en', "I want to return the earbuds because I didn't like them", 'Condition of returned items'],
    ['en', 'how do I return an item?', 'Return window'],
    ['en', 'is return pickup free?', 'Return pickup and cost'],
    // "pays" meets the refunds' "original payment method"; the pickup section says who pays
    ['en', 'who pays for the return shipping?', 'Return pickup and cost'],
    ['en', 'do I pay for return shipping?', 'Return pickup and cost'],
    ['en', 'how long does a refund take?', 'Refund timing'],
    ['en', 'my item arrived damaged', 'Damaged or wrong items'],
    ['en', 'can I exchange for a different colour?', 'Exchanges'],
    ['en', 'how long is the warranty?', 'Warranty length'],
    ['en', 'does the warranty cover a cracked screen?', 'What the warranty does not cover'],
    ['en', 'my laptop stopped working, how do I claim warranty?', 'How to make a warranty claim'],
    ['en', 'what is volta care+?', 'Volta Care+ extended cover'],
    ['en', 'are your products original?', 'Official products'],
    ['en', 'what are your working hours?', 'Support hours'],
    ['en', 'are you open on friday?', 'Support hours'],
    ['en', 'how can I contact you by email?', 'Contact channels'],
    ['en', 'do you have a showroom in riyadh?', 'Online store only'],
    ['en', 'I forgot my password', 'Resetting your password'],
    ['en', 'how do I change my phone number?', 'Changing your email or phone number'],
    ['en', 'how do I delete my account?', 'Deleting your account'],
    ['en', 'can I order without an account?', 'Ordering without an account'],
    ['en', 'someone asked for my OTP', 'Keeping your account safe'],
    ['ar', 'هل تشحنون يوم الجمعة؟', 'أيام التوصيل'],
    ['ar', 'ابي استبدل المقاس', 'الاستبدال'],
    ['ar', 'ينفع ادفع كاش؟', 'الدفع عند الاستلام'],
    ['en', 'do you have any offers?', 'Discount codes'],
    ['ar', 'عندكم عروض؟', 'أكواد الخصم'],
    ['en', 'how do I stop offers?', 'Notifications'],
    ['en', 'how do I use my gift card?', 'Gift cards'],
    ['ar', 'كيف استخدم بطاقة الهدية؟', 'بطاقات الهدايا'],
    ['en', 'can I pick up from your store?', 'Online store only'],
    ['ar', 'ممكن استلم من الفرع؟', 'متجر إلكتروني فقط'],
    ['en', 'can I pick up my order from your warehouse?', 'Online store only'],
    ['en', 'can I come and collect my order myself?', 'Online store only'],
    ['en', 'can I try the laptop before buying?', 'Online store only'],
    ['en', 'can I see the laptop before buying?', 'Online store only'],
    ['ar', 'اقدر اجي استلم الطلب بنفسي؟', 'متجر إلكتروني فقط'],
    ['en', 'when will the courier pick up my return?', 'Return pickup and cost'],
    // a code given on the phone, even to a courier: the delivery code's section says to give it
    // only at the door, face to face, and never a bank's code
    ['en', 'the courier called and asked for the code and I gave it', 'Delivery code'],
    ['ar', 'الكابتن اتصل وطلب الرمز وعطيته', 'رمز الاستلام'],
    // the delivery code has a section of its own, which the courier may ask for
    ['en', 'what is the delivery code?', 'Delivery code'],
    ['en', 'the driver asked for the delivery OTP', 'Delivery code'],
    ['en', 'delivery guy asking for code', 'Delivery code'],
    ['en', 'the courier asked for the PIN we got by SMS', 'Delivery code'],
    ['ar', 'وش رمز الاستلام؟', 'رمز الاستلام'],
    ['ar', 'المندوب يبي كود التسليم وين القاه؟', 'رمز الاستلام'],
    ['ar', 'كابتن طلب الكود', 'رمز الاستلام'],
    // not a code the customer wants
    ['en', 'any discount codes?', 'Discount codes'],
    ['ar', 'اذا انشحن الطلب اقدر الغيه؟', 'بعد شحن الطلب'],
    ['ar', 'الطلب لسه ما انشحن، اقدر الغيه؟', 'الإلغاء قبل الشحن'],
    ['ar', 'كيف الغي الطلب؟', 'الإلغاء قبل الشحن'],
    ['ar', 'اقدر الغي منتج واحد من الطلب؟', 'إلغاء جزء من الطلب'],
    ['ar', 'كيف الغي اشتراك فولتا بلس؟', 'عضوية Volta Plus'],
    ['ar', 'تقبلون ابل باي؟', 'طرق الدفع المتاحة'],
    ['ar', 'كيف ادفع؟', 'طرق الدفع المتاحة'],
    ['ar', 'وش طرق الدفع المتاحة؟', 'طرق الدفع المتاحة'],
    ['ar', 'طرق الدفع', 'طرق الدفع المتاحة'],
    ['ar', 'وين القى الفاتورة؟', 'الفواتير'],
    ['ar', 'كم الshipping للرياض', 'تكلفة الشحن داخل السعودية'],
    ['ar', 'وكم الشحن للامارات', 'الشحن إلى دول الخليج'],
    ['ar', 'كيف ارجع المنتج؟', 'مدة الإرجاع'],
    ['ar', 'عايز اعمل ريترن', 'مدة الإرجاع'],
    ['ar', 'عندكم رقم اتصل عليه؟', 'طرق التواصل'],
    ['ar', 'ابي اسوي return', 'مدة الإرجاع'],
    ['ar', 'اقدر ادفع كاش؟', 'الدفع عند الاستلام'],
    ['ar', 'اقدر اقسط؟', 'التقسيط مع تابي'],
    ['ar', 'عندكم تقسيط؟', 'التقسيط مع تابي'],
    ['ar', 'ابي الفاتورة الضريبية', 'الفواتير'],
    ['ar', 'توصلون أبها؟', 'المدن داخل السعودية'],
    ['ar', 'توصلون للقرى؟', 'المناطق النائية'],
    ['ar', 'توصلون دبي؟', 'دول الخليج'],
    ['ar', 'توصلون مصر؟', 'خارج دول الخليج'],
    ['ar', 'كم يوم التوصيل؟', 'مدة التوصيل'],
    ['ar', 'كم سعر الشحن؟', 'تكلفة الشحن داخل السعودية'],
    ['ar', 'الشحن مجاني؟', 'تكلفة الشحن داخل السعودية'],
    ['ar', 'عندكم توصيل نفس اليوم؟', 'التوصيل السريع'],
    ['ar', 'خيارات التوصيل وش هي؟', 'خيارات الشحن'],
    ['ar', 'وش الفرق بين الشحن العادي والسريع', 'خيارات الشحن'],
    ['ar', 'وش ارقامكم؟', 'طرق التواصل'],
    // Levantine and Egyptian wordings
    ['ar', 'الكرت ما عم يمشي', 'إذا رُفضت البطاقة'],
    ['ar', 'المصاري بترجع امتى بعد الارجاع؟', 'مدة استرداد المبلغ'],
    ['ar', 'فين المحل بتاعكم؟', 'متجر إلكتروني فقط'],
    ['ar', 'عندكم اجهزة مستعملة؟', 'المنتجات المفتوحة والمجددة'],
    ['ar', 'مين شركة الشحن اللي تتعاملون معها؟', 'شركات الشحن والتتبع'],
    ['ar', 'وش العنوان المطلوب للتوصيل؟', 'متطلبات العنوان'],
    ['ar', 'وين مقركم؟', 'متجر إلكتروني فقط'],
    ['ar', 'كم الشحن لدبي؟', 'الشحن إلى دول الخليج'],
    ['ar', 'اقدر اغير العنوان؟', 'تغيير عنوان التوصيل'],
    ['ar', 'مين شركة الشحن؟', 'شركات الشحن والتتبع'],
    ['ar', 'المندوب ما لقاني وش اسوي؟', 'إذا فاتك المندوب'],
    ['ar', 'كم مدة الاسترجاع؟', 'مدة الإرجاع'],
    ['ar', 'اقدر ارجع سماعة مفتوحة؟', 'حالة المنتج المُرجَع'],
    ['ar', 'ابغا ارجع السماعه لاني ما حبيتها', 'حالة المنتج المُرجَع'],
    ['ar', 'كم رسوم الإرجاع؟', 'استلام المرتجع وتكلفته'],
    ['ar', 'متى يرجع المبلغ بعد الإرجاع؟', 'مدة استرداد المبلغ'],
    ['ar', 'ابي استبدل اللون', 'الاستبدال'],
    ['ar', 'كم مدة الضمان؟', 'مدة الضمان'],
    ['ar', 'الضمان يشمل الشاشة المكسورة؟', 'ما لا يشمله الضمان'],
    ['ar', 'كيف اطالب بالضمان؟', 'طريقة المطالبة بالضمان'],
    ['ar', 'وش هو فولتا كير؟', 'الضمان الإضافي Volta Care+'],
    ['ar', 'منتجاتكم أصلية؟', 'منتجات أصلية'],
    ['ar', 'متى دوامكم؟', 'ساعات العمل وأوقات الدعم'],
    ['ar', 'عندكم فرع في الرياض؟', 'متجر إلكتروني فقط'],
    ['ar', 'نسيت كلمة المرور', 'إعادة تعيين كلمة المرور'],
    ['ar', 'كيف اغير رقم الجوال؟', 'تغيير البريد الإلكتروني أو رقم الجوال'],
    ['ar', 'كيف احذف حسابي؟', 'حذف الحساب'],
    ['ar', 'الاسعار شامله الضريبه؟', 'طرق الدفع المتاحة'],
    ['ar', 'ابي اغير الايميل حقي', 'تغيير البريد الإلكتروني أو رقم الجوال'],
    ['ar', 'اذا رفضت الطلب عند الباب ادفع شي؟', 'رفض استلام الطلب'],
    ['ar', 'اذا ما كنت بالبيت وجا المندوب وش يصير؟', 'إذا فاتك المندوب'],
    ['ar', 'كيف اشتري بدون حساب', 'الطلب بدون حساب'],
    ['en', 'how do I place an order?', 'How to order'],
    ['en', 'can you order for me?', 'How to order'],
    ['en', 'I want to buy an iPhone', 'How to order'],
    ['en', 'is the iPhone 15 in stock?', 'Product prices and stock'],
    ['en', 'how much is the iPhone 15?', 'Product prices and stock'],
    ['en', 'do you have any discount codes?', 'Discount codes'],
    ['en', "I ordered from my husband's phone", "Orders placed from someone else's phone"],
    ['en', 'does the courier call before coming?', 'Couriers and tracking'],
    ['ar', 'كيف اطلب؟', 'كيف تطلب'],
    ['ar', 'ابي اشتري ايفون', 'كيف تطلب'],
    ['ar', 'هل الايفون متوفر؟', 'أسعار المنتجات وتوفرها'],
    ['ar', 'كم سعر الايفون؟', 'أسعار المنتجات وتوفرها'],
    ['ar', 'عندكم كود خصم؟', 'أكواد الخصم'],
    ['ar', 'طلبت من رقم زوجتي', 'الطلب من جوال شخص آخر'],
    ['ar', 'المندوب يتصل قبل ما يجي؟', 'شركات الشحن والتتبع'],
    ['en', 'do you sell gift cards?', 'Gift cards'],
    ['en', 'can I return a gift card?', 'Gift cards'],
    ['ar', 'عندكم بطاقات هدايا؟', 'بطاقات الهدايا'],
    // عمّان (Amman, with its shadda, or beside الأردن) is not عُمان (Oman)
    ['ar', 'في عندكم توصيل ع عمّان؟', 'خارج دول الخليج'],
    ['ar', 'بتوصلوا على عمان الاردن؟', 'خارج دول الخليج'],
    ['ar', 'توصلون عمان؟', 'دول الخليج'],
    ['en', 'do you deliver to Amman?', 'Outside the GCC'],
    ['en', 'do you deliver to Cairo?', 'Outside the GCC'],
    // a city's price is its region's: the pages name only some cities
    ['en', 'how much is shipping to Tabuk?', 'Shipping costs in Saudi Arabia'],
    ['en', 'how much is shipping to Muscat?', 'Shipping to other GCC countries'],
    ['en', 'is delivery to تبوك free?', 'Shipping costs in Saudi Arabia'],
    ['ar', 'هو الشحن بكام لجدة؟', 'تكلفة الشحن داخل السعودية'],
    ['ar', 'كم رسوم التوصيل لحائل؟', 'تكلفة الشحن داخل السعودية'],
    ['ar', 'كم الشحن للشارقة؟', 'الشحن إلى دول الخليج'],
    ['ar', 'كم يوم التوصيل لتبوك؟', 'المدن داخل السعودية'],
    ['ar', 'كم الشحن للخرج؟', 'تكلفة الشحن داخل السعودية'],
    ['ar', 'كم الشحن للعلا؟', 'تكلفة الشحن داخل السعودية'],
    // "للمدينة" is Madinah; "نفس المدينة" in the address page is only "the same city"
    ['ar', 'كم الشحن للمدينة؟', 'تكلفة الشحن داخل السعودية'],
    ['ar', 'كم الشحن للمدينة المنورة؟', 'تكلفة الشحن داخل السعودية'],
    ['en', 'how much is shipping to Hafar Al Batin?', 'Shipping costs in Saudi Arabia'],
    // where it leaves from is not where it goes; a birthplace is not a destination
    ['en', 'how much is shipping from Riyadh to Dubai?', 'Shipping to other GCC countries'],
    ['ar', 'مسقط راسي الرياض، كم الشحن؟', 'تكلفة الشحن داخل السعودية'],
    // Levantine "how much"
    ['ar', 'قديش الشحن؟', 'تكلفة الشحن داخل السعودية'],
    ['ar', 'هل المندوب ياخذ 15 ريال زيادة لو دفعت كاش؟', 'الدفع عند الاستلام'],
    // Arabic spelt by sound, and two words run together
    ['ar', 'هل عندكم تقصيط؟', 'التقسيط مع تابي'],
    ['ar', 'سياسه الاسترجاغ', 'مدة الإرجاع'],
    ['ar', 'كم سعرالشحن؟', 'تكلفة الشحن داخل السعودية'],
    ['en', 'do you have a showroom in Riyadh?', 'Online store only'],
    // delivery days are not support hours; trade-in, refurbished products and joining Volta Plus
    ['en', 'do you deliver on Fridays?', 'Delivery days'],
    // Eid is a holiday the couriers keep, as the support team does
    ['en', 'do you deliver on eid', 'Delivery days'],
    ['en', 'are you open on eid?', 'Support hours'],
    // until when couriers deliver: the delivery days' hours (Gulf لين, "until", is no search word)
    ['en', 'what time do couriers stop delivering', 'Delivery days'],
    ['ar', 'المندوب يوصل لين كم الساعة؟', 'أيام التوصيل'],
    ['ar', 'المندوب بيجي الساعة كم؟', 'أيام التوصيل'],
    // whether the team replies on a Saturday is the support hours', not the couriers'
    ['ar', 'هل تردون يوم السبت؟', 'الرسائل خارج أوقات الدعم'],
    ['ar', 'توصلون يوم السبت؟', 'أيام التوصيل'],
    // the plural of "trade in"; the shop buying what the customer has
    ['en', 'do you do trade ins', 'Trade-in'],
    ['en', 'do you buy used phones?', 'Trade-in'],
    // a Gulf currency named; VAT "inclusive"; the delivery day chosen (احدد، اختار: اختيار)
    ['en', 'can i pay in dirhams', 'Paying from other GCC countries'],
    ['en', 'Are your prices inclusive of VAT?', 'Accepted payment methods'],
    ['ar', 'اقدر احدد يوم التوصيل؟', 'تغيير موعد التوصيل'],
    ['ar', 'اقدر اختار يوم التوصيل؟', 'تغيير موعد التوصيل'],
    ['ar', 'توصلون يوم الجمعة؟', 'أيام التوصيل'],
    ['en', 'are you open on Friday?', 'Support hours'],
    ['en', 'do you accept trade-in of my old phone?', 'Trade-in'],
    ['ar', 'تشترون جوالي القديم؟', 'استبدال الأجهزة القديمة'],
    ['en', 'why was my card rejected?', 'When a card is declined'],
    ['ar', 'ليه الكارت اترفض؟', 'إذا رُفضت البطاقة'],
    // a place named, and a section that names it, wins a near tie: Abha, not stock
    ['ar', 'متوفر في ابها؟', 'المدن داخل السعودية'],
    ['ar', 'هل البطاقة الاماراتية تنقبل؟', 'الدفع من دول الخليج الأخرى'],
    ['ar', 'بطاقة الهدية ما تنقبل', 'بطاقات الهدايا'],
    // … a place abroad counts in every clause already: cash on delivery, not the Gulf deliveries
    ['en', 'cash on delivery in Dubai?', 'Cash on delivery'],
    // asked with a declined card, paying cash is still the cash-on-delivery answer
    ['en', 'my card was declined, can the courier take cash?', 'Cash on delivery'],
    ['en', 'do you sell refurbished phones?', 'Open-box and refurbished products'],
    ['ar', 'عندكم جوالات مستعملة؟', 'المنتجات المفتوحة والمجددة'],
    ['en', 'how do I become a Volta Plus member and what does it cost?', 'Volta Plus membership'],
    ['ar', 'كيف اشترك في فولتا بلس وبكم؟', 'عضوية Volta Plus'],
    ['en', 'how do I cancel my Volta Plus?', 'Volta Plus membership'],
    // switching notifications off is not the membership's renewal
    ['en', 'how do I turn off the notifications?', 'Notifications'],
    ['ar', 'كيف اطفي الاشعارات؟', 'الإشعارات'],
    ['ar', 'ابي اوقف الرسائل الدعائية', 'الإشعارات'],
    ['en', 'how do I turn off auto renewal of Volta Plus?', 'Volta Plus membership'],
    // only the page's subject, which nearly every section's heading names: the page's first
    // section, not the one whose text says "delivery" most (the delivery code)
    ['en', 'when do you ship?', 'Delivery times'],
    ['en', 'do you deliver?', 'Delivery times'],
    ['en', 'tell me about shipping', 'Delivery times'],
    // "work" in "how does … work?" is no card that works
    ['en', 'how does delivery work?', 'Delivery times'],
    ['en', 'how do exchanges work', 'Exchanges'],
    // "will it come" is "will it arrive", not the refurbished products that "come with" a warranty
    ['en', 'if i order now will it come tomorrow', 'Delivery times'],
    ['ar', 'متى تشحنون؟', 'مدة التوصيل'],
    ['ar', 'عندكم توصيل؟', 'مدة التوصيل'],
    // … a subject word only some sections are about still picks them
    ['en', 'how much is shipping?', 'Shipping costs in Saudi Arabia'],
    ['en', 'how will the refund work?', 'Refund timing'],
    // the product a customer wants to buy is no topic: not the trade-in of an "old laptop", the
    // orders placed from someone else's "phone", or a TV's warranty
    ['en', 'I want to order a laptop', 'How to order'],
    ['en', 'I want to buy a phone', 'How to order'],
    // the same again: "another" was the orders placed from another phone
    ['en', "I'd like to buy another pair", 'How to order'],
    ['en', 'i want to order one more', 'How to order'],
    ['en', "I'd like to order the Volta X2 earbuds", 'How to order'],
    ['en', 'i want to purchase a tablet', 'How to order'],
    ['ar', 'ابي اطلب لابتوب', 'كيف تطلب'],
    ['ar', 'ابغى اشتري جوال', 'كيف تطلب'],
    ['ar', 'بدي اشتري تلفزيون', 'كيف تطلب'],
    // … unless it is an old one, or the question is about something else
    ['en', 'I want to sell my old laptop', 'Trade-in'],
    ['en', 'can I buy a laptop with tabby?', 'Tabby instalments'],
    ['en', 'can I order a phone from another phone number?', "Orders placed from someone else's phone"],
    ['en', 'can you place an order for me? a laptop', 'How to order'],
    ['en', 'I want to buy a laptop for my son', 'How to order'],
    ['ar', 'ابي اشتري جوال لزوجتي', 'كيف تطلب'],
    ['ar', 'اريد شراء لابتوب', 'كيف تطلب'],
    ['en', 'If I buy earbuds can I return them after opening?', 'Condition of returned items'],
    ['ar', 'ابي اشتري ايفون 16 كم سعره', 'أسعار المنتجات وتوفرها'],
    ['ar', 'ابي اشتري فولتا بلس', 'عضوية Volta Plus'],
    // a device beside a charger says which charger: not the device's warranty
    ['en', 'does the phone come with a charger?', 'What comes in the box'],
    ['en', "what's in the box?", 'What comes in the box'],
    ['ar', 'هل الجوال يجي معه شاحن؟', 'محتويات العلبة'],
    // … and so does a device beside its box, or what comes with it
    ['en', 'what comes in the box with the tv?', 'What comes in the box'],
    ['ar', 'وش يجي مع التلفزيون في العلبة؟', 'محتويات العلبة'],
    ['ar', 'الجوال يجي معه سماعة؟', 'محتويات العلبة'],
    // other words for what a section says
    ['en', 'are ur products legit or copies', 'Official products'],
    ['en', 'how do i make an account', 'Creating an account'],
    ['en', 'i never make use of my Premium account Id lke to remove it', 'Deleting your account'],
    ['en', 'do yall have a store in jeddah i can walk into', 'Online store only'],
    ['en', 'can i prepurchase the new iphone and cancel later', 'Pre-orders'],
    ['en', "what's the delivery code thing", 'Delivery code'],
    ['en', 'will the guy ring me before dropping it off', 'Couriers and tracking'],
    ['en', 'whats ur email', 'Contact channels'],
    ['en', 'can i change my email', 'Changing your email or phone number'],
    ['en', 'where do u deliver', 'Cities in Saudi Arabia'],
    // sending it back is returning it, not the refund's money going back
    ['en', 'how many days do i get to send stuff back', 'Return window'],
    ['en', 'how long do i have to send it back', 'Return window'],
    ['ar', 'وش طرق السداد عندكم؟', 'طرق الدفع المتاحة'],
    ['ar', 'اذا ما عجبني المنتج اقدر ارده؟', 'مدة الإرجاع'],
    ['ar', 'كم الكفالة على الجوالات', 'مدة الضمان'],
    ['ar', 'ينفع ادفع كاش لما الاوردر يوصل؟', 'الدفع عند الاستلام'],
  ] as const)('%s "%s" → %s', async (language, question, heading) => {
    expect((await base).search(question, language)[0]?.heading).toBe(heading);
  });
});

describe('the places a section about a region answers for (the shipped knowledge base)', () => {
  const base = repoKnowledge().then((documents) => new KnowledgeBase(documents));
  it.each([
    ['ar', 'كم الشحن لبريدة', 'بريده'],
    ['ar', 'كم الشحن لدبي', 'دبي'],
    ['en', 'how much is shipping to Tabuk?', 'tabuk'],
  ] as const)(
    '%s "%s": the section about abroad ("خارج السعودية") does not answer for %s',
    async (language, question, place) => {
      const hits = (await base).search(question, language, 10);
      const abroad = hits.filter((hit) => hit.docId === 'delivery-areas' && /Outside|خارج/.test(hit.heading));
      for (const hit of abroad) expect(hit.ownTerms).not.toContain(place);
      expect(hits[0]?.ownTerms).toContain(place);
    },
  );
});
