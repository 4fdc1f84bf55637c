import { describe, expect, it } from 'vitest';
import { classifyOffline } from '../../src/nlu/classify.js';
import { classify } from './classify-helper.js';

describe('menu choices', () => {
  it.each([
    ['menu_order', false],
    ['menu_faq', false],
    ['menu_agent', true],
  ] as const)('button %s is a menu choice', (button, requested) => {
    const result = classify('', { button });
    expect(result.intent).toBe('menu_choice');
    expect(result.menuChoice).toBe(button);
    expect(result.humanRequest.requested).toBe(requested);
  });

  it('button menu_agent asks for a person with the tap as evidence, not the button id', () => {
    expect(classify('Talk to an agent', { button: 'menu_agent' }).humanRequest).toEqual({
      requested: true,
      evidence: 'menu: "Talk to an agent"',
    });
    expect(classify('', { button: 'menu_agent' }).humanRequest.evidence).toBe('menu: talk to an agent');
  });

  it.each([
    ['1', 'menu_order'],
    ['2', 'menu_faq'],
    ['3', 'menu_agent'],
    [' 3. ', 'menu_agent'],
    ['(2)', 'menu_faq'],
    ['١', 'menu_order'],
    ['٣', 'menu_agent'],
    ['۲', 'menu_faq'],
    ['3️⃣', 'menu_agent'],
  ] as const)('a message that is only %j picks %s', (text, menuChoice) => {
    const result = classify(text);
    expect(result.intent).toBe('menu_choice');
    expect(result.menuChoice).toBe(menuChoice);
    expect(result.humanRequest.requested).toBe(menuChoice === 'menu_agent');
  });

  it.each(['4', '13', '3 items', 'option 3 please'])('%j is not a menu choice', (text) => {
    const result = classify(text);
    expect(result.intent).not.toBe('menu_choice');
    expect(result.menuChoice).toBeUndefined();
  });

  it('a button wins over whatever the text says', () => {
    expect(classify('where is my order?', { button: 'menu_faq' }).intent).toBe('menu_choice');
  });
});

describe('intents', () => {
  it('checking out an order is no question about it', () => {
    expect(classify('how do I check out my order as a guest?').intent).not.toBe('order_status');
  });

  it.each([
    ['hey how much do u guys charge to send stuff to khobar', false],
    ['hello, can you help me?', true],
    ['hey there how is it going my friend?', true],
    ['hi, how are you?', true],
    ['hello! hope you are having a great day, how are you?', true],
    // "you (plural) ship" is a question of its own, however short
    ['شلونكم، تشحنون للكويت؟', false],
    ['مرحبا تشحنوا عالاردن؟', false],
    ['شلونكم', true],
  ])('%j is a greeting and no more: %s', (text, greeting) => {
    expect(classify(text).intent === 'greeting').toBe(greeting);
  });

  it.each([
    'when is the ps5 coming back in stock?',
    "what's the status of my case?",
    'is there an update for my earbuds firmware?',
    'when do the earbuds reach full battery?',
    'did my laptop ship with windows activated?',
    'where are my phone cases made? do they fit the iphone 15?',
    'شحن الجوال وصل ٥٠ بس وبعدين وقف',
    'when will the earbuds come in white?',
    'any update on my laptop warranty claim?',
    'any news about my earbuds? I want to buy a second pair for my wife',
    'will they come tomorrow to pick up the return',
    'will it come with a charger?',
    'will it arrive before eid if I order today?',
    'will orders placed on friday be delivered saturday?',
    'will a new order placed now arrive by friday?',
    'will it arrive today if I change the address?',
    'would it be delivered saturday if i pay extra',
    'will the delivery code come today?',
  ])('%j asks after no order', (text) => {
    expect(classify(text).intent).not.toBe('order_status');
  });

  it.each([
    [['هل الدفع عند الاستلام متاح؟'], 'طيب طلبي ٢٥٠٠ ريال'],
    [['الدفع عند الاستلام متاح؟', 'كم الحد؟'], 'طلبي 2500 ريال'],
    [['كم السعر للشحن'], 'وطلبي 350 ريال؟'],
  ])(
    "after %j, %j says the order's total (alone it asks after the orders)",
    (previousCustomerTexts, text) => {
      const classified = classifyOffline({ text, previousCustomerTexts, fallbackLanguage: 'ar' });
      expect(classified.intent).not.toBe('order_status');
      expect(classify(text).intent).toBe('order_status');
    },
  );

  it.each([
    ['where is my order', 'order_status'],
    ['I ordered earbuds a week ago and still nothing', 'order_status'],
    // the product for the order; has it come; what happened to it
    ['status of my earbuds pls', 'order_status'],
    ['any news on my laptop', 'order_status'],
    ['how come its STILL processing', 'order_status'],
    // a product of two words before "order", "the" before the product, "where are they"
    ['where is my phone case order', 'order_status'],
    ['did the phone cases ship?', 'order_status'],
    ['I ordered a laptop and earbuds, where are they', 'order_status'],
    // kind words with a little more around them
    ['the agent who delivered my laptop was very respectful', 'thanks'],
    ['المندوب كان محترم جدا الله يعطيه العافية', 'thanks'],
    ['when is the laptop coming', 'order_status'],
    ['did my earbuds ship yet', 'order_status'],
    ['were my phone cases delivered', 'order_status'],
    ['الكفرات وصلت ولا لسه؟', 'order_status'],
    ['طلب الكفرات وصل؟', 'order_status'],
    ['هل السماعات انشحنت', 'order_status'],
    ['وصل الطلب؟', 'order_status'],
    ['السماعات اللي طلبتها وش صار عليها', 'order_status'],
    ['وش صار على طلبي؟', 'order_status'],
    ['طيب السماعات متى؟', 'order_status'],
    ['كم باقي على وصول طلبي؟', 'order_status'],
    ['why was my order cancelled?', 'order_status'],
    ['I want to see my orders', 'order_status'],
    ['can I see my order?', 'order_status'],
    ['can I check my order?', 'order_status'],
    // not shipped yet, and why
    ["why hasn't my earbuds order shipped yet, it's been processing forever", 'order_status'],
    ['ليش طلب السماعات للحين ما انشحن', 'order_status'],
    ['wher is my ordr', 'order_status'],
    ['my order says out for delivery since yesterday', 'order_status'],
    ['the order was cancelled by itself, why?', 'order_status'],
    ["where's my package?", 'order_status'],
    ['track A1001', 'order_status'],
    ['A1001', 'order_status'],
    ['732201349959', 'order_status'],
    ['my order hasn’t arrived yet', 'order_status'],
    ['why is my order taking so long?', 'order_status'],
    ['I am tired of waiting for my order', 'order_status'],
    ['where is the laptop?', 'order_status'],
    ['وين اللابتوب حقي؟', 'order_status'],
    ['where is 1002?', 'order_status'],
    ['وين ١٠٠١؟', 'order_status'],
    ['when will my order arrive?', 'order_status'],
    ['وين طلبي', 'order_status'],
    ['أين طلبي؟', 'order_status'],
    ['متى يوصل الطلب', 'order_status'],
    ['طلبي ما وصل للحين', 'order_status'],
    ['لم يصل طلبي بعد', 'order_status'],
    ['متى سيصل الطلب؟', 'order_status'],
    ['طلبي متأخر', 'order_status'],
    ['ليش ما وصل طلبي', 'order_status'],
    ['ابغى اعرف وين طلبي', 'order_status'],
    ["hi, where's my laptop order?", 'order_status'],
    ['has my laptop shipped?', 'order_status'],
    ['when will my headphones arrive?', 'order_status'],
    // when it comes, said with the day, without "when"
    ['will my order come tomorrow', 'order_status'],
    ['is my order coming today?', 'order_status'],
    ['will i get my order by friday', 'order_status'],
    ['will my laptop arrive tomorrow?', 'order_status'],
    // whether it shipped, of the order the chat is about (the tracking tool resolves "it")
    ['has it shipped yet?', 'order_status'],
    ['did it ship?', 'order_status'],
    ['did it ship already', 'order_status'],
    ['was it dispatched?', 'order_status'],
    ['هل انشحن؟', 'order_status'],
    ['انشحن ولا لسه؟', 'order_status'],
    ['has it shipped already? can I still cancel?', 'order_status'],
    ['has it arrived?', 'order_status'],
    ['can my order be delivered tomorrow?', 'order_status'],
    ['can my order be delivered on friday?', 'faq'],
    ["can the order come tomorrow morning? I'm travelling after", 'unknown'],
    ['is it coming today', 'order_status'],
    ['انشحن؟', 'order_status'],
    // news asked for alone is news of the order
    ['any update?', 'order_status'],
    ["what's the update", 'order_status'],
    ['في جديد؟', 'order_status'],
    ['اي تحديث؟', 'order_status'],
    ['any news about volta plus?', 'faq'],
    ['متى بيتشحن', 'order_status'],
    // when it was due
    ['my order was supposed to arrive yesterday', 'order_status'],
    ['it was supposed to arrive today', 'order_status'],
    ['الطلب كان المفروض يوصل امس', 'order_status'],
    ['the laptop is supposed to be waterproof right?', 'unknown'],
    // a product and whether it has shipped (not what it ships with)
    ['earbuds shipped or not?', 'order_status'],
    ['laptop arrived yet?', 'order_status'],
    ['laptop shipped with windows?', 'faq'],
    // the product ordered, as the order
    ['can the laptop come today?', 'order_status'],
    ['اللابتوب يوصل اليوم؟', 'order_status'],
    // the earbuds are feminine
    ['متى تنشحن', 'order_status'],
    ['ايمتى بتنشحن', 'order_status'],
    ['is it coming with a charger', 'unknown'],
    ['الجوال انشحن؟', 'unknown'],
    ['is it shipped free?', 'faq'],
    ['it shipped free?', 'faq'],
    ['did it ship with windows?', 'faq'],
    // advice asked for without a question: "recommend me…" (advice offered to us is no question)
    ['recommend me a laptop for gaming', 'faq'],
    ['suggest a good tablet', 'faq'],
    ['i suggest you hire better couriers', 'unknown'],
    // how long it is taking, after its card
    ['why is it taking so long', 'order_status'],
    ['ليش للحين قيد التجهيز صار لي اسبوع', 'order_status'],
    ['طلبي صار له اسبوع ما انشحن', 'order_status'],
    ['ينفع الغي الطلب بعد ما انشحن؟', 'faq'],
    ['why does it take so long to ship to jeddah?', 'faq'],
    // what the customer ordered, and paid
    ['how much was the laptop', 'order_status'],
    ['what did i order last time', 'order_status'],
    ['i ordered a tv last week where is it', 'order_status'],
    ['how much was the laptop before the sale?', 'faq'],
    ['if i ordered it today where is it shipped from', 'faq'],
    // whether the shop and its goods are genuine
    ['are you guys legit?', 'faq'],
    ['هل انتم موثوقين؟', 'faq'],
    ['خلاص انشحن الطلب، اقدر الغيه؟', 'faq'],
    // … unless "it" is something else, or the same clause asks what a page answers
    ['I returned the phone cases. has it been shipped back to you?', 'faq'],
    ['I ordered a gift card for my sister, has it shipped yet?', 'faq'],
    ['has it shipped yet or can I still change the address?', 'faq'],
    ['has it shipped? someone called asking for the delivery code', 'faq'],
    ['it shipped broken', 'complaint'],
    // انشحن is also "charged": a battery's light
    ['اللابتوب انشحن ولا لسه؟ اللمبة حمرا', 'unknown'],
    ['where is my iPhone', 'order_status'],
    ['وين جوالي؟', 'order_status'],
    ['my order is 3 days late', 'order_status'],
    ['is my laptop out of warranty?', 'faq'],
    ['when will the new iphone arrive in stock?', 'faq'],
    ['where is my phone number on the account?', 'faq'],
    // what their own order costs: the order card has its total
    ['how much do I have to pay for my order?', 'order_status'],
    ['how much is my order?', 'order_status'],
    ["what's my order total", 'order_status'],
    ['كم ادفع للطلب؟', 'order_status'],
    ['كم المبلغ المطلوب للطلب؟', 'order_status'],
    ['كم اجمالي طلبي؟', 'order_status'],
    ['can I pay for my order with mada?', 'faq'],
    ['how much is delivery on my order?', 'faq'],
    ['كم سعر التوصيل للطلب؟', 'faq'],
    ['كم بدفع؟', 'faq'],
    // how to buy, which the ordering page answers
    ['I want to order a laptop', 'faq'],
    ["I'd like to buy a phone", 'faq'],
    ['can I order 2 tvs?', 'faq'],
    ['ابي اطلب لابتوب', 'faq'],
    ['بدي اشتري تلفزيون', 'faq'],
    ['كيف اشتري؟', 'faq'],
    ['where is my order? the laptop', 'order_status'],
    ['how long does shipping take?', 'faq'],
    ['do you deliver to Jeddah?', 'faq'],
    ['what payment methods do you accept?', 'faq'],
    ['do you have cash on delivery?', 'faq'],
    ['how long is the warranty?', 'faq'],
    ['what are your opening hours?', 'faq'],
    ['how do I create an account?', 'faq'],
    ['كم يوم ياخذ التوصيل؟', 'faq'],
    ['هل توصلون جدة؟', 'faq'],
    ['وش طرق الدفع؟', 'faq'],
    ['متى تفتحون؟', 'faq'],
    ['ما هي مدة الضمان؟', 'faq'],
    ['هل يوجد دفع عند الاستلام؟', 'faq'],
    ['هل لديكم فروع في الرياض؟', 'faq'],
    ['كم تكلفة الشحن؟', 'faq'],
    ['نسيت كلمة المرور', 'faq'],
    ['ابي ارجع المنتج', 'faq'],
    ['متى يفتح خدمة العملاء؟', 'faq'],
    ['صباح الخير، ابي اسأل عن الضمان', 'faq'],
    ['I want to file a complaint', 'complaint'],
    ['your service is useless', 'complaint'],
    ['ابي اشتكي', 'complaint'],
    ['خدمتكم سيئة جدا', 'complaint'],
    ['ليش كل مرة تتأخرون؟', 'complaint'],
    ['مافي احد يرد', 'complaint'],
    ['the delivery guy was rude', 'complaint'],
    ['المندوب كان وقح ورمى الشحنة', 'complaint'],
    // the courier who does not answer, or could not find the address: where the order is
    ['المندوب ما رد علي وانا انتظر من الصبح', 'order_status'],
    ['المندوب قال ما لقى العنوان', 'order_status'],
    // a courier writing about a customer is not one asking after an order
    ['انا المندوب والعميل ما يرد', 'unknown'],
    ['hi', 'greeting'],
    ['Hello!', 'greeting'],
    ['good morning', 'greeting'],
    ['السلام عليكم', 'greeting'],
    ['مرحبا', 'greeting'],
    ['هلا والله', 'greeting'],
    // who is answering: the welcome says it
    ['مين انت؟', 'greeting'],
    ['ايش اسمك', 'greeting'],
    ['هل انت انسان؟', 'greeting'],
    ['what is your name?', 'greeting'],
    ['hala wallah', 'greeting'],
    ['ahlan wa sahlan', 'greeting'],
    ['yo', 'greeting'],
    ['ازيك', 'greeting'],
    ['ازيك عامل ايه', 'greeting'],
    ['who are you sending my order with?', 'unknown'],
    ['how are you?', 'greeting'],
    ['is this a bot?', 'greeting'],
    ['كيف حالك؟', 'greeting'],
    ['انت بوت؟', 'greeting'],
    ['how are you shipping my order to Jeddah?', 'faq'],
    ['thanks', 'thanks'],
    ['thank you so much', 'thanks'],
    ['ok thanks', 'thanks'],
    ['bye', 'thanks'],
    ['OK', 'thanks'],
    ['شكرا', 'thanks'],
    ['مشكور', 'thanks'],
    ['يعطيك العافية', 'thanks'],
    ['مع السلامة', 'thanks'],
    ['تمام', 'thanks'],
    ['زين الحمدلله', 'thanks'],
    // kind words to the bot or the shop
    ['good bot 👍', 'thanks'],
    ['wallah you are the best', 'thanks'],
    ["you're actually really helpful, better than the call center lol", 'thanks'],
    ['انتو احسن متجر والله', 'thanks'],
    ['الحمد لله', 'thanks'],
    ['no problem', 'thanks'],
    ['مافي مشكلة', 'thanks'],
    // kind words want thanks back, unkind ones are a complaint
    ['your delivery agent was very polite', 'thanks'],
    ['great service!', 'thanks'],
    ['المندوب محترم جدا', 'thanks'],
    // لكم is "to you", not ل + كم ("how much")
    ['المندوب كان محترم مرة، شكرا لكم', 'thanks'],
    ['خدمتكم ممتازة', 'thanks'],
    ['the courier was not polite at all', 'complaint'],
    // kind words that open a complaint, or sarcasm, are not praise (a refund that has not come is a complaint)
    ['great support, 3 weeks and still no refund', 'complaint'],
    ['the courier was very quick to throw my parcel at the door', 'unknown'],
    ['المندوب مو محترم', 'complaint'],
    ['ur delivery guy shouted at me at the door', 'complaint'],
    ['المندوب صرخ علي', 'complaint'],
    ['المندوب سبني', 'complaint'],
    ['blah blah', 'unknown'],
    // a reaction is WhatsApp's "thanks"; an angry one is not
    ['👍', 'thanks'],
    ['🙏🏻', 'thanks'],
    ['❤️👌', 'thanks'],
    ['😡', 'unknown'],
    ['👎', 'unknown'],
    ['is the offer still valid?', 'unknown'],
    ["what's the weather in Riyadh today", 'unknown'],
    ['وش أحسن مطعم في الخبر', 'unknown'],
    ['متى يوصل الطلب لجدة عادة؟', 'faq'],
    ["can I cancel an order if it hasn't shipped yet?", 'faq'],
    ['كيف أتواصل مع خدمة العملاء بالإيميل؟', 'faq'],
    ['how can I call customer service?', 'faq'],
    // باي alone is bye; before بال it is PayPal
    ['تقبلون باي بال', 'faq'],
    ['باي', 'thanks'],
    // whether anyone answers is answered by the welcome; a branch is not
    ['are you there?', 'greeting'],
    ['u still there?', 'greeting'],
    ['hello? you there bro', 'greeting'],
    ['انت موجود؟', 'greeting'],
    ['انت موجود ولا بوت', 'greeting'],
    ['هل انتم موجودين في جدة؟', 'unknown'],
    ['you there in Jeddah?', 'unknown'],
    ['are you there? I want Volta Care+', 'unknown'],
    // texting: "wat" is "what"
    ['wat is volta plus', 'faq'],
    // help with an order not named: which one comes first, unless the message says what went wrong
    // or asks something the pages answer
    ['I need help with my order', 'order_status'],
    ['can you help me with my order', 'order_status'],
    ['my order has a problem', 'order_status'],
    ['عندي مشكلة في الطلب', 'order_status'],
    ['مشكلة في الاوردر', 'order_status'],
    ['i have an issue with my order, the courier was rude', 'complaint'],
    ['problem with my order how do i return it', 'faq'],
    ['I have a problem with the delivery address', 'unknown'],
    // … and as the end of the message: what follows says which matter
    ['عندي مشكلة بالاوردر تبعي', 'order_status'],
    ['problem with my order of operations in excel lol', 'unknown'],
    ["help with my order, I'm travelling next week, can you hold it", 'unknown'],
    ['مساعدة في طلب ايفون ١٦', 'unknown'],
  ])('%j is %s', (text, intent) => {
    expect(classify(text).intent).toBe(intent);
  });

  describe('precedence', () => {
    it.each([
      ['hello, where is my order?', 'order_status', 'a greeting before a real question'],
      ['السلام عليكم، وين طلبي؟', 'order_status', 'an Arabic greeting before a real question'],
      ['hi, what payment methods do you accept?', 'faq', 'a greeting before an FAQ'],
      ['thanks, but where is my order?', 'order_status', 'thanks before a question'],
      ['where is my order? I want a human', 'human_request', 'a person over tracking'],
      ['I want a refund, talk to a human now', 'human_request', 'a person over a sensitive topic'],
      ['where is my order A1001? cancel it', 'complaint', 'a sensitive topic over tracking'],
      ['the app crashes, where is my order?', 'order_status', 'tracking over a malfunction'],
      ['hi, the app keeps crashing', 'technical', 'a malfunction over a greeting'],
      ['thanks for nothing, this is useless', 'complaint', 'complaint wording over thanks'],
      ['great service, but where is my order?', 'order_status', 'a question over praise'],
      ['is the courier polite?', 'faq', 'a question about a topic is no praise'],
      ['كيف الغي طلبي؟', 'faq', 'a policy topic beside "my order" in a short message'],
      ['يمديني الغي الطلب؟', 'faq', 'a Gulf "can I" asks about the policy'],
      ['وين طلبي؟', 'order_status', 'a short message about my order'],
      ['ينفع ادفع كاش لما يوصل؟', 'faq', 'paying when it arrives, not an order that has not'],
      ['still nothing works on the app', 'unknown', '"still nothing" without an order'],
    ])('%j is %s (%s)', (text, intent) => {
      expect(classify(text).intent).toBe(intent);
    });
  });
});

describe('the language the customer asks for', () => {
  it.each([
    ['I want to speak arabic', 'greeting', 'ar'],
    ['do you have arabic support?', 'greeting', 'ar'],
    ['عربي', 'greeting', 'ar'],
    ['English please', 'greeting', 'en'],
    ['ممكن انجليزي؟', 'greeting', 'en'],
    ['تتكلم انجليزي؟', 'greeting', 'en'],
    ['عربي please', 'greeting', 'ar'],
    ['Arabic please, where is my order?', 'order_status', 'ar'],
    ['Arabic please, what is your return policy?', 'faq', 'ar'],
    ['can I talk to an arabic speaking agent?', 'human_request', 'ar'],
    // a language named, not asked for
    ['does the laptop have an arabic keyboard?', 'unknown', 'en'],
    ['is the manual in arabic?', 'unknown', 'en'],
  ] as const)('%j is %s, in %s', (text, intent, language) => {
    expect(classify(text)).toMatchObject({ intent, language });
  });
});

describe('Egyptian and Gulf dialect, Arabizi small talk', () => {
  it.each([
    ['عايز اعرف الاوردر بتاعي فين', 'order_status'],
    ['امتى هيوصل؟', 'order_status'],
    ['الاوردر اتأخر ليه', 'order_status'],
    ['ابغى اتتبع الشحنة', 'order_status'],
    ['عايز اتابع الشحنة', 'order_status'],
    ['المندوب مجاش', 'order_status'],
    ['عايز اعمل ريترن', 'faq'],
    ['الو', 'greeting'],
    ['shukran', 'thanks'],
  ] as const)('%j is %s', (text, intent) => {
    expect(classify(text).intent).toBe(intent);
  });

  it('reads an angry face as frustration, a row of them as more', () => {
    expect(classify('😡').frustration).toBe(0.3);
    expect(classify('الطلب ما وصل 😡😡')).toMatchObject({ frustration: 0.5, frustrationEvidence: ['😡😡'] });
  });
});
