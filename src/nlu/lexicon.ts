/**
 * Phrase lists for who wants a person, how a message is framed, greetings and thanks. The other
 * lists, grouped by purpose: lexicon-topics.ts (sensitive topics), lexicon-needs-person.ts
 * (complex queries), lexicon-subjects.ts (order tracking, FAQ topics, complaints, business areas)
 * and lexicon-frustration.ts (frustration wording).
 *
 * Entries use the phrase language of phrases.ts and are normalised when compiled, so they may be
 * written with hamza, ة or tashkeel. Arabic entries cover Gulf (ابي، ابغى، وين) and MSA (أريد، أين).
 */

/** Words that ask for something. `id` and `would` stand for "I'd like": bare `like` is no request. */
export const WANT_EN = 'want|wanna|need|id|would|demand|request|requesting|wish|please|pls|plz|kindly|help';
/** `can you …` asks for something; `can I …` asks what is allowed (see framing.ts). */
export const ASK_YOU_EN = 'can|could|would|will u|you';
export const WANT_AR =
  'ابي|ابغى|ابغي|ابغا|ابى|اريد|ارغب|بغيت|ودي|حاب|احتاج|محتاج|نبي|نبغى|نريد|بدي|عايز|عاوز|ممكن|تكفى|ارجو|اطلب|ابيكم|ابغاكم|سمحت|فضلك|فضلا|رجاء|الرجاء|يرجى|ياليت';

/** Words that undo a request when they come right before it ("I don't want an agent"). */
export const NEGATORS = [
  'dont',
  'not',
  'never',
  'no',
  'didnt',
  'doesnt',
  'wont',
  'without',
  'isnt',
  'wasnt',
  'arent',
  'werent',
  'aint',
  'ما',
  'لا',
  'مو',
  'مب',
  'لم',
  'لن',
  'مش',
  'مافي',
  'مافيه',
  'محد',
  'ماحد',
];

// ---- human request ---------------------------------------------------------------------------

const PERSON_EN =
  'human|humans|person|people|agent|agents|representative|representatives|rep|operator|someone|somebody|staff|employee|manager|supervisor|service|support|assistance|advisor|adviser|assistant|team|officer|sales';
const PERSON_WANTED_EN = 'human|person|agent|representative|rep|operator|staff|employee|manager|supervisor';
const TALK_EN = 'talk|speak|chat|talking|speaking|chatting|communicate|touch';
const CONTACT_EN = 'contact|contacting|reach|reaching|call|calling';
const TRANSFER_EN = 'connect|transfer|forward|escalate|put|pass|redirect|route|direct';
const PERSON_AR = 'موظف*|وكيل|شخص|انسان|بشري|بشر|مسوول|مسؤول|مدير|مشرف|ممثل|ادمن';
const TALK_AR =
  'اكلم|اتكلم|اتحدث|تحدث|التحدث|الحديث|اكلمه|اتواصل|تواصل|التواصل|احكي|اكلمكم|يكلمني|يتصل|مكالمه';
const TRANSFER_AR = 'حولني|حولوني|حولنا|وصلني|وصلوني|اربطني|اربطوني|حوليني|تحولني|تحويلي';

export const HUMAN_REQUEST = [
  `${TALK_EN} to|with .. ${PERSON_EN}`,
  // "can I talk to an Arabic speaking agent?"
  `${TALK_EN} to|with .. arabic|english speaking|speaker .. ${PERSON_EN}`,
  `arabic|english speaking|speaker ${PERSON_EN}`,
  `${TRANSFER_EN} me|us|this|it .. to|with .. ${PERSON_EN}`,
  `${CONTACT_EN} .. ${PERSON_EN}`,
  `${WANT_EN}|get|give|have|prefer .. ${PERSON_WANTED_EN}`,
  `${WANT_EN} .. customer|client service|support|care`,
  `${PERSON_WANTED_EN} please|pls|plz|now|asap`,
  'customer|client service|support|care please|pls|plz|now',
  'live|real|actual agent|person|human|chat|representative|operator|someone|people|support',
  'escalate|escalation',
  // "i dont want to talk to a bot", "no bot please": anyone but the bot
  'dont|not|never want|wanna .. talk|speak|chat|deal ... bot|robot|machine|chatbot|ai',
  'no|not .. bot|robot|machine|chatbot please|pls|plz',
  'no more bot|bots|robot|robots',
  // "can a human check my laptop order pls"
  `can|could a|an|the|your ${PERSON_WANTED_EN}|someone|somebody .. check|look|handle`,
  'ما|مو|مش|مب ابي|ابغى|ابغي|بدي|عايز|حاب .. اكلم|احكي|اتكلم|اتعامل .. بوت|روبوت|الي',
  // "is there not a human I can talk to?", "is there no one I could speak to?"
  `is|isnt there ... ${PERSON_WANTED_EN}|someone|somebody|anyone|anybody|one i can|could .. ${TALK_EN}|call|reach`,
  // "get me your boss now" (the shop's, not "the boss at work" or "the Boss smartwatch")
  'let me|us talk|speak|chat to|with your boss',
  `${WANT_EN} .. ${TALK_EN} to|with your boss`,
  `${TRANSFER_EN} me|us .. to|with your boss`,
  `${WANT_EN}|get|give me|us your boss`,
  // "can someone call me back?", "please call me"; not "the courier will call me"
  'someone|somebody|anyone|you|u call|ring|phone me|us',
  'please|pls|plz call|ring me|us',
  // "can someone from your team call me back?"
  'someone|somebody|anyone from|of your|the team|support|staff|company|side|customer ... call|ring|phone me|us',
  'call|ring me|us back please|pls|plz|asap|now',
  'call|ring me|us please|pls|plz|asap|urgently',
  // حد is the Egyptian and Levantine احد: "عايز اكلم حد"
  `${WANT_AR} .. ${TALK_AR} .. ${PERSON_AR}|احد|حد|حدا`,
  `${TALK_AR} .. ${PERSON_AR}|احد|حد|حدا`,
  // "عطني موظف بسرعة", "جيبولي مسؤول"
  `عطني|اعطني|عطوني|اعطوني|جيبلي|جيبولي|هاتلي|هاتولي .. ${PERSON_AR}|احد|حد`,
  // "وين الموظف؟": the customer looks for the person who should be there
  `وين|فين|اين .. ${PERSON_AR}|الموظفين|موظفين`,
  // "كلمني موظف", "ابي اتصال", "اتصلوا علي ضروري", "كلموني"
  `كلمني|يكلمني|خلي .. ${PERSON_AR}|احد|حد`,
  `${WANT_AR} .. اتصال|مكالمه|تتصلون|تكلموني|تتصلو`,
  'اتصلوا|اتصلو|كلموني|كلمونا|دقوا|دقو|اتصلي|كلميني .. علي|عليا|فيني|بي|لي|ضروري|بسرعه|الحين|رجاء',
  'كلموني|كلمونا',
  // "في احد يرد؟" asks whether a person is there; "ما في احد يرد" is negated and complains
  'في|فيه احد|حد يرد|يساعدني|موجود|هنا',
  // "هل فيه موظف موجود عندكم الحين؟": a colleague there to talk to (not a product in stock)
  'في|فيه موظف|موظفين|انسان يرد|يساعدني|موجود|موجودين|متواجد|هنا',
  `${TALK_AR} .. خدمه عملاء`,
  `${WANT_AR} .. ${PERSON_AR}`,
  `${WANT_AR} .. خدمه عملاء`,
  `${TRANSFER_AR} .. ${PERSON_AR}`,
  // "ممكن تحولني على احد من خدمة العملاء": a few words may stand between
  `${TRANSFER_AR} ... خدمه|دعم عملاء|فني`,
  // "حولني على احد", "اربطني بحد": not وصلني, which is also "it reached me"
  'حولني|حولوني|تحولني|حوليني|تحولوني|اربطني|اربطوني .. احد|حد|حدا',
  // "ممكن حضرتك توصلني بحد من خدمة العملاء" (not "توصلني الشحنة يوم الاحد", "لحد الباب", "بحد اقصى")
  'توصلني|توصلوني|توصليني بحد|باحد|بحدا|بموظف ... خدمه|الدعم|دعم|عملاء|زبائن|موظفين|الموظفين',
  'شخص|انسان|موظف|احد حقيقي|بشري|طبيعي',
  `${PERSON_AR} لو|من سمحت|فضلك`,
  // "is there anyone there?", "anybody here?": asking whether a person is at the other end
  'anyone|anybody|someone|somebody there|here',
  // not "يرد": "ما في احد يرد" complains that nobody answers
  'احد|موظف يكلمني|يتصل|يساعدني',
  // "حد يكلمني بسرعة" (not "هستنى لحد يتصل بيا المندوب")
  'حد|حدا يكلمني|يساعدني',
  // the person as the one who speaks: "بدي حدا من الشركة يحكي معي", "ابي موظف يتصل علي"
  `${WANT_AR} .. ${PERSON_AR}|احد|حد|حدا ... يحكي|يتكلم|يكلمني|يتصل|يتواصل|يرد|يساعدني`,
  // "حد يرد عليا", "يا ريت حدا من خدمة الزبائن يتصل فيني": someone, asked to answer or call
  'احد|حد|حدا يرد|ترد|يردلي علي|عليا|عليي',
  'احد|حد|حدا من ... يتصل|يكلمني|يحكي|يرد فيني|علي|عليا|معي|معاي',
  'احد|حد|حدا يتصل|يكلمني|يحكي فيني|علي|عليا|معي|معاي',
  'مساعده|المساعده من احد|حد|حدا|موظف|شخص|انسان',
  // "عايز اكلم بني آدم": a human being, as Egyptians say it
  `${WANT_AR}|${TALK_AR} .. بني ادم|بنادم`,
  // Levantine "خدمة الزبائن" is خدمة العملاء
  `${WANT_AR}|${TALK_AR} .. خدمه زبائن`,
  'خدمه عملاء|زبائن لو|من سمحت|فضلك',
  // "3ayez a7ki m3 customer service": an Arabic request for the English team name
  `${WANT_AR} .. ${TALK_AR} .. customer|client service|support|care`,
];

/** A person noun that describes someone rather than asks for them. */
export const HUMAN_MENTION = [
  'delivery|courier|shipping|sales|delivering|travel|insurance agent|guy|man|person|driver|employee|rep|representative|staff|boy',
  'agent|agents|person|employee|representative|rep|staff|operator|manager|guy|human|driver who|was|were|had|did|didnt|came|delivered|left|brought|said|told|helped|yesterday',
  'customer|client service|support|care was|were|has|had|said|told|helped|open|hours|closed|available|working',
  // a carrier's people: "is there someone I can call at SMSA?", "لو حد يكلمني من سمسا قبل ما يجي"
  'someone|somebody|anyone|anybody ... at|from smsa|aramex|dhl|spl|naqel|courier|carrier|store|shop|warehouse',
  'someone|somebody|anyone|anybody ... at|from the courier|carrier|store|shop|warehouse',
  'يكلمني|يتصل|يكلم ... من سمسا|ارامكس|المندوب|الشحن|شركه',
  'لو|اذا حد|احد|حدا',
  // "توصلني بحد اقصى بكرة": at the latest
  'بحد|حد اقصى|اقصاه|ادنى',
  // "will someone call me before delivery?", "هل احد بيتصل علي قبل التوصيل؟": the courier's call
  'call|ring|phone me|us ... before|on|at .. delivery|arrival|delivering|arriving',
  'يتصل|يكلمني|يكلم|يتصلون .. علي|عليا|فيني ... قبل|وقت|عند .. توصيل|يوصل|استلام|الاستلام',
  // "what time can I reach customer service?" asks for opening hours
  'time|times|hours|hour|days ... reach|contact|call|speak|talk',
  'موظف*|مندوب*|وكيل|ممثل توصيل|شحن|مندوب|معتمد',
  'موظف*|مندوب*|وكيل|ممثل كان|كانت|كانو|اللي|الي|الذي|جاء|جا|قال|ساعدني|امس|رد',
  'خدمه عملاء كان|كانت|كانو|ردو|ردوا|قالوا|ساعدوني|امس',
  // "رقم خدمة الزبائن لو سمحت" asks for the number
  'رقم|ارقام|ايميل|هاتف|تلفون|واتساب خدمه عملاء|زبائن',
];

/** How a team is reached: "how do I contact customer service by email?" asks for an address. */
export const CONTACT_CHANNEL = [
  'email|mail|e|phone|number|numbers|whatsapp|call|telephone|hotline|landline',
  'ايميل*|بالايميل|بريد|بالبريد|رقم*|ارقام|هاتف|بالهاتف|جوال|تلفون|بالتلفون|واتس*|اتصال',
];
/** Words that name a team rather than a person: a channel question about them is an FAQ. */
export const TEAM_NOUN = new Set(['service', 'support', 'care', 'team', 'assistance', 'عملاء', 'دعم', 'فني']);

/** A message that is nothing but a person noun, with politeness around it, is a request. */
export const BARE_PERSON = new Set([
  'agent',
  'agents',
  'human',
  'representative',
  'rep',
  'operator',
  'person',
  'manager',
  'supervisor',
  'staff',
  'employee',
  'service',
  'support',
  'care',
  'موظف',
  'وكيل',
  'انسان',
  'شخص',
  'بشري',
  'مسوول',
  'مسؤول',
  'مدير',
  'عملاء',
  'دعم',
  'ممثل',
  // Arabizi: Arabic in Latin letters, digits for the letters Latin lacks (7 ح، 3 ع)
  'mowadaf',
  'mowazaf',
  'mwazaf',
  'muwazzaf',
  '7ad',
  'a7ad',
]);
export const BARE_FILLER = new Set([
  'please',
  'pls',
  'plz',
  'a',
  'an',
  'the',
  'to',
  'i',
  'want',
  'need',
  'now',
  'asap',
  'hi',
  'hello',
  'hey',
  'just',
  'can',
  'could',
  'you',
  'me',
  'get',
  'talk',
  'speak',
  'with',
  'give',
  'your',
  'ok',
  'real',
  'live',
  'actual',
  'customer',
  'client',
  'human',
  'technical',
  'tech',
  'urgent',
  'urgently',
  'لو',
  'سمحت',
  'من',
  'فضلك',
  'ابي',
  'ابغى',
  'اريد',
  'ممكن',
  'مع',
  'اكلم',
  'خدمه',
  'الحين',
  'بسرعه',
  'فني',
  'حقيقي',
  'السلام',
  'عليكم',
  'مرحبا',
  'هلا',
  'يا',
  'اخي',
  'عاجل',
  'حولني',
  'علي',
  'على',
  // Arabizi: "abi agent", "el agent law sama7t", "mumkin akalim 7ad"
  'abi',
  'abgha',
  'abga',
  'bdi',
  'biddi',
  '3ayez',
  '3awez',
  'ayez',
  'ana',
  'el',
  'al',
  'law',
  'sama7t',
  'samaht',
  'mumkin',
  'momken',
  'akalim',
  'akalem',
  'akallim',
  'a7ki',
  'ahki',
  'ma3',
  'ta7weel',
  'tahweel',
  '7awelni',
  '7aweelni',
  'l',
]);

// ---- framing -----------------------------------------------------------------------------------

/** How-to and policy questions: the bot answers them from the knowledge base. */
/** Sending an item back or swapping it: "I want to return…", "بدي رجّع…", "ابغى ابدل…". */
export const RETURN_ACTION = [
  'return|returning|exchange|exchanging|swap|replace',
  'send|sending it|them|this|that|him|her back',
  'ارجع|ارجعه|ارجعها|رجع|رجعه|ارجاع|استرجع|ترجيع|ابدل|ابدله|ابدلها|بدل|استبدل|استبدله|اغير|اغيره|استرجاع|استبدال',
];

/**
 * What a customer says of an item in hand: "i opened the earbuds", "they work fine", "i don't like
 * how they sound", "nothing wrong with them", "جربتها وما عجبتني", or once in hand ("can I return
 * them after opening?"). Said of a product whose order is still being prepared, it is another one,
 * or a question about returns to come.
 */
export const ITEM_IN_HAND = [
  'open|opened|opening|unboxed|unsealed|tried|used|using|wore|worn|tested',
  'works|work|working fine|well|perfectly',
  'dont|didnt|doesnt|not like|love',
  'how they|it .. sound|sounds|fit|fits|feel|feels|look|looks',
  'not broken|faulty|damaged',
  'nothing wrong',
  'فتحت|فتحتها|فتحته|فتحتهم|فتحتهن|فتحتن|جربت|جربتها|جربته|جربتهم|جربتهن|جربتن|استخدمت|استخدمتها|استخدمته|لبستها',
  'ما|مو|مش عجبتني|عجبتني|عجبني|عجبتنى',
  'ما فيها|فيه|فيهم شي',
];

export const QUESTION_FRAME = [
  'how do|does|can|to|long|many|much|soon|would|should',
  'what is|are|s|about|if|happens|kind|type|do',
  'whats',
  'can|could|may i|we',
  'am i able|allowed',
  'is it possible',
  'do|does you|your|i|we',
  // yes/no questions about a thing, not about "my" case: "does the refund go back to the card?"
  'does|do|will|would|can|could|should the|it|this|that|they|a|an',
  'is|are there',
  'is|are .. refundable|cancellable|possible|allowed|free',
  'policy|policies|rules|terms',
  'money back guarantee',
  'cancellation|termination|cancel|early|exit|withdrawal .. fee|fees|charge|charges|penalty|penalties',
  'when|where|until can|do|should i',
  'which',
  'tell me about|how|if',
  'explain',
  // "recommend me a laptop for gaming", "suggest a phone under 2000": advice asked for
  'recommend|suggest me|us|a|an|some|something',
  'info|information about|on|regarding',
  'want|like|need to know',
  'wondering',
  'question about|regarding',
  // "my question is about the warranty"
  'question|questions is|are about|regarding',
  'كيف|كيفيه|شلون|ازاي',
  'ما هي|هو',
  'ماهي|ماهو|وش|ايش|شو|شنو|ماذا',
  'هل',
  'سياسه|شروط|قوانين',
  'كم|كام|بكام',
  'اقدر|استطيع|يمكنني|بامكاني|ينفع|يصير|يمديني|يمدي|امدي',
  'ابي|ابغى|اريد|ودي|حاب اعرف|استفسر',
  'اعرف|معرفه|استفسار|سوال|سؤال',
  // "سؤالي عن الضمان" (my question is about the warranty)
  'سؤالي|سوالي|استفساري عن|بخصوص|حول',
  'متى|وين|اين اقدر|يمكن',
  // "وين القى الفاتورة؟": where to find it
  'وين|فين|اين القي|الاقي|احصل|القاه|القاها|الاقيه|الاقيها',
  // "when is the money back after a return?", "متى ترجع فلوسي بعد الارجاع؟": the process, not one case
  'after|once a|the return',
  'after|once returning',
  'بعد الارجاع|الاسترجاع|الترجيع|ارجاع|استرجاع|ترجيع',
];

/**
 * What a question asks about a policy rather than how to get the thing now: how long it takes, on
 * which terms, in which cases ("how long does it take to get a refund?", "كم ياخذ استرداد المبلغ؟").
 */
export const POLICY_TERMS = [
  'how long|soon|fast|quickly',
  'take|takes|taking',
  'policy|policies|rules|terms|conditions|eligible|eligibility|entitled',
  'case|cases|situation|situations|circumstance|circumstances',
  'usually|normally|typically|generally',
  'ياخذ|تاخذ|ياخذون|يستغرق|تستغرق|مده',
  'كم يوم|ايام|ساعه|ساعات|اسبوع|وقت',
  'سياسه|شروط|حالات|يحق|احقيه',
  'عاده|غالبا|العاده',
];

/** Conditions, not reports: "what if it arrives damaged?", "لو وصل مكسور". */
export const HYPOTHETICAL = [
  'what if',
  'what happens|should .. if',
  'what do i do if',
  'in case',
  'in the event',
  'if my|the|an|a|it|its|i|im|something|they|theyre|this|that|we',
  'لو|اذا|فرضا',
  'في حال|حاله',
];

/** Opening words that do not stop the next word from being an imperative ("hi, cancel my order"). */
export const OPENERS = new Set([
  'hi',
  'hello',
  'hey',
  'please',
  'pls',
  'plz',
  'kindly',
  'ok',
  'okay',
  'so',
  'just',
  'السلام',
  'عليكم',
  'مرحبا',
  'هلا',
  'اهلا',
  'لو',
  'سمحت',
  'من',
  'فضلك',
  'يا',
  'اخي',
  'الله',
  'يخليك',
]);

// ---- the language of the chat --------------------------------------------------------------------

/** "can you speak Arabic?", "Arabic please", "كلمني عربي": the customer wants replies in Arabic. */
export const ASKS_FOR_ARABIC = [
  'speak|talk|chat|reply|write|answer|respond|continue|switch|change .. arabic',
  'in arabic please|pls|plz',
  'arabic please|pls|plz',
  'arabic support|speaker|speaking|agent',
  'عربي|بالعربي|العربي .. سمحت|بليز|فضلك|please|pls|plz',
  'كلمني|كلمنا|تكلم|تتكلم|تحكي|بتحكي|تعرف|تكلمني|رد|ردوا|ردو|اكتب|اكتبلي|حول|ممكن|ابي|ابغي|اريد|عايز|بدي .. عربي|بالعربي|بالعربيه|العربيه',
];
/** "English please", "ممكن انجليزي؟": the customer wants replies in English. */
export const ASKS_FOR_ENGLISH = [
  'speak|talk|chat|reply|write|answer|respond|continue|switch|change .. english',
  'in english please|pls|plz',
  'english please|pls|plz',
  'english support|speaker|speaking|agent',
  'انجليزي|بالانجليزي|انقليزي|بالانقليزي .. سمحت|بليز|فضلك|please|pls|plz',
  'كلمني|كلمنا|تكلم|تتكلم|تحكي|بتحكي|تعرف|تكلمني|رد|ردوا|ردو|اكتب|اكتبلي|حول|ممكن|ابي|ابغي|اريد|عايز|بدي .. انجليزي|بالانجليزي|انقليزي|بالانقليزي|الانجليزي|english',
];

// ---- small talk --------------------------------------------------------------------------------

export const GREETING = [
  'hi|hello|hey|hiya|howdy|greetings|salam|salaam|assalamu|assalam|assalamualaikum|marhaba|helo|hii',
  // Arabizi and texting: "hala wallah", "ahlan wa sahlan", "yo"
  'hala|halla|ahlan|ahlain|ahleen|yo',
  'good morning|afternoon|evening',
  'السلام|سلام عليكم',
  'السلام|سلام',
  'مرحبا|مرحبتين|هلا|اهلا|اهلين|هاي|هلو|حياك|حياكم',
  // "الو": hello on the phone, and the first word of many chats
  'الو|الوو|الووو|الوه',
  'صباح|مساء الخير|النور',
  // small talk and "is this a bot?" open a chat too: the welcome says who is answering
  'how are you|u|ya',
  'hows it going',
  'كيف حالك|حالكم|الحال',
  'كيفك|كيفكم|شلونك|شلونكم|شخبارك|شخباركم|اخبارك|اخباركم|علومك|علومكم',
  // Egyptian: "ازيك", "ازيك عامل ايه"
  'ازيك|ازيكم|ازيكو|ازيكي',
  'عامل|عاملين|عامله ايه',
  'are you|u a|an bot|robot|chatbot',
  'is this|that a|an bot|robot|chatbot',
  'انت|انتي|هذا|هذي بوت|روبوت',
  // "what's your name?", "مين انت؟", "ايش اسمك؟", "هل انت انسان؟" ("who are you…" may go on to
  // ask something else: "who are you sending my order with?")
  'whats|what is your name',
  'مين|منو|من انت|انتي|معي|معاي',
  'ايش|وش|شو|ما اسمك',
  'انت|انتي انسان|بشر|حقيقي',
];

/**
 * "are you there?", "u still there?", "انت موجود؟": whether anyone answers, which the welcome says.
 * Only as the whole message (PRESENCE_WORDS): "you there in Jeddah?" asks about a branch, "are you
 * there? I want Volta Care+" about Care+.
 */
export const PRESENCE = ['you|u there|here', 'you|u still there|here', 'انت|انتي موجود|موجوده|هنا'];
/** The words a presence check is made of, greetings and calls included: "hello? u still there?". */
export const PRESENCE_WORDS = [
  'are r you u still there here hello hi hey anyone anybody now or a bot bro',
  'هل انت انتي موجود موجوده هنا يا مرحبا السلام عليكم الو هلا الحين ولا او بوت',
];

export const THANKS = [
  'thanks|thank|thx|thanx|ty|tysm|cheers|appreciate*|bye|goodbye|cya',
  // Arabizi
  'shukran|shokran|shukraan|shokrn|mashkoor|mashkor|tislam|teslam',
  'good bye',
  'have a nice|good|great day|one|evening|weekend',
  'thats|that is all',
  'شكرا|مشكور*|تسلم*|يسلمو|يسلموا|باي|يعافيك|ممنون',
  'يعطيك|يعطيكم العافيه',
  'جزاك|جزاكم الله',
  'مع السلامه',
  'الله يسعدك|يعافيك|يجزاك',
  'ما قصرت|قصرتوا|قصرتو|قصرتي',
  'ماقصرت|ماقصرتو|ماقصرتوا',
  // "no problem", "مافي مشكلة": it is fine, thanks
  'no problem|probs|worries',
  'مافي|ماكو مشكله',
  'ما في|فيه مشكله',
];

/** Kind words about the shop or its people: "your delivery agent was very polite", "خدمتكم ممتازة". */
export const PRAISE = [
  'was|is|were|are|been very|so|really|super|extremely|always polite|kind|helpful|friendly|professional|respectful|quick|fast|nice|great|amazing|excellent|awesome',
  'was|is|were|are|been polite|helpful|friendly|professional|respectful|amazing|excellent|awesome|fantastic',
  'great|excellent|amazing|awesome|fantastic|wonderful|fast|quick|good service|job|support|experience|work',
  'well done',
  'keep it|up',
  'you|youre|you guys are|re the best|great|awesome|amazing|legends|stars',
  'love|loved your|this service|shop|store|app|website',
  'خدمه|خدمتكم|تعامل|تعاملكم|شغلكم ممتازه|ممتاز|رائعه|رائع|راقي|راقيه|روعه|سريعه|سريع|فخم|فخمه|تجنن|خرافيه|خرافي',
  'المندوب|الموظف|الموظفه|الموصل|السواق محترم|محترمه|خلوق|ذوق|رائع|ممتاز|سريع|لطيف|متعاون|قمه',
  // "المندوب كان محترم جدا الله يعطيه العافية"
  'المندوب|الموظف|الموظفه|الموصل|السواق كان|كانت|جدا|مره|مرا محترم|محترمه|خلوق|ذوق|رائع|ممتاز|سريع|لطيف|متعاون|قمه',
  'كفو|كفيتو|كفيتوا|كفيتم',
  'ما شاء الله عليكم|عليك',
  'الله يوفقكم|يوفقك',
  'انتم|انتو الافضل|افضل|رائعين|ممتازين',
  // "good bot 👍", "you're actually really helpful", "wallah you are the best"
  'good|great|nice|smart|clever bot|assistant',
  'you|youre|u|ur .. really|very|so|super|actually|quite helpful',
  'you|youre|u|ur are|re the best',
  // "انتو احسن متجر والله"
  'انتم|انتو|انت احسن|افضل .. متجر|محل|خدمه|شركه|موقع',
];

/**
 * Something the customer waited for came, told as good news: "great they arrived", "the refund
 * came, all good 👍", "استلمت الطلب الحمدلله". Not "finally", which an upset customer says too.
 */
export const GOOD_NEWS = [
  // "got my refund, thanks" (not "got it, thanks": understood)
  ...['arrived|came|received|delivered', 'got my|the|them|our'].flatMap((came) => [
    `${came} ... great|perfect|thanks|thank|safely|safe|fine|good`,
    `${came} ... all good`,
  ]),
  'great|perfect|awesome|nice|yay|cool .. it|they|its|theyve|ive|i|my ... arrived|came|here|received|got',
  'وصل|وصلت|وصلني|وصلتني|وصلو|وصلوا|استلمت|استلمته|استلمتها|استلمتهم|جاني|جتني|رجعت|نزلت ... تمام|الحمدلله|شكرا|مشكورين|ممتاز|سليم|سليمه',
  'الحمدلله|تمام|ممتاز .. وصل|وصلت|وصلني|وصلتني|استلمت|جاني|جتني',
];

/** The customer did not understand the bot: "I don't understand", "ما فهمت عليك", "وش تقصد؟". */
export const NOT_UNDERSTOOD = [
  'dont|didnt|cant|cannot|couldnt understand|follow',
  'do|did not understand|follow',
  'what do|did you mean',
  'makes|made no sense',
  'confused|confusing|huh',
  'ما|مو|مش|مب|ماني|مانيب فاهم|فاهمه|فاهمك|فاهمين|فهمت|فهمتك|فهمتكم|فهمتش|فاهمتك',
  'مافهمت|مافهمتك|مافهمتش|مفهمتش',
  'وش|ايش|شو|ايه|ويش تقصد|تقصدون|قصدك|قصدكم|يعني',
  'مو|مش|غير واضح|مفهوم',
];

/**
 * What the customer says after following the bot's answer when it did not help: "I tried, it didn't
 * work", "still the same", "جربت وما زبط", "نفس المشكلة", "ma zabat".
 */
export const STEPS_FAILED = [
  'didnt|doesnt|dont|wont|isnt|aint work|working|works|help|helped',
  'did|does|do|is|was not work|working|help|helped',
  'not|stopped working',
  'no luck|use|difference',
  'same problem|issue|error|message',
  'still nothing|cant|cannot|stuck',
  'still the same',
  'nothing happened|happens|changed|came|arrived|works',
  'tried|did|done that|it|this|already|everything|twice',
  'already tried|did|done',
  // side by side: "ما استلمته، ينفع؟" asks whether it is allowed
  'ما|مو|مب|لم زبط|زبطت|ضبط|ضبطت|ظبط|ظبطت|نفع|نفعت|اشتغل|اشتغلت|مشى|مشت|فاد|فادت|تغير|يشتغل|يزبط|يضبط',
  'مازبط|مازبطت|ماضبط|ماظبط|مانفع|مانفعت|مااشتغل|مامشى|مافاد|مايشتغل|مايزبط',
  'منفعش|مظبطش|مزبطش|مشتغلش|ماشتغلش|منفعتش|مظبطتش',
  'مش|مو شغال|شغاله|نافع|نافعه|زابط|زابطه',
  'ما صار|حصل شي|شيء',
  'ما صار|حصل اي شي|شيء',
  'نفس المشكله|الخطا|الرساله',
  'جربت|سويت|عملت كذا|هذا|هيك|كده|مرتين',
  'جربتها|جربته|سويته|سويتها|عملته|عملتها',
  'ma|mo|mu zabat|zabt|zabatat|nafa3|nifa3|ishtaghal|meshi',
  'mazbatsh|mazabatsh|manfa3sh|manfa3ash|mashtaghalsh|mishtaghalsh',
];

/** The same words when it did help: "tried it and it worked", "جربت وزبط". */
export const STEPS_WORKED = [
  'worked|works',
  'fixed|solved|sorted|resolved',
  'all good|set',
  'زبط|زبطت|ضبط|ضبطت|ظبط|نفع|نفعت|اشتغل|اشتغلت|مشى|مشت|انحلت|انحل',
];

/**
 * A message of nothing but approving emoji (👍, 🙏, ❤️, 👌, 😊, ✅…, any skin tone) is a reaction, the
 * WhatsApp way of saying thanks or OK; read as anything else it would count as a failed turn.
 */
export const APPROVING_EMOJI_ONLY =
  /^(?=[\s\S]*\p{Extended_Pictographic})(?:\s|\u200d|\ufe0f|[\u{1F3FB}-\u{1F3FF}]|[👍👌🙏👏🙌💯✅☺😊🙂😀😁😃😄😍🥰😘🤗🌹🌷💐❤♥💙💚💛💜🧡🤍🖤💕💖💗])+$/u;

/** "no", "nope, that's all", "لا بس كذا", "لا خلاص شكرا": nothing more to ask, said with one of these. */
export const NOTHING_MORE = new Set(
  'no nope nah nothing la la2 khalas mafi mafish لا خلاص مفيش مافي ماكو'.split(' '),
);
/** What else a "no, that's all" says. */
export const NOTHING_MORE_BESIDE = new Set([
  ...['thanks', 'thank', 'you', 'thx', 'ty', 'thats', 'that', 'all', 'it', 'else', 'im', 'good', 'fine'],
  ...['for', 'now', 'ok', 'okay', 'more', 'شكرا', 'بس', 'كذا', 'كده', 'هيك', 'مشكور', 'مشكورين', 'تسلم'],
  ...['تسلمون', 'يعطيك', 'العافيه', 'الله', 'شي', 'ثاني', 'تمام', 'اوكي', 'shukran', 'bas', 'kida', 'kitha'],
  // Egyptian and Arabizi: "مفيش حاجة تانية شكرا", "la2 mafi shi"
  ...['حاجه', 'تانيه', 'ثانيه', 'تاني', 'shi', 'haga', '7aga', 'tanya', 'tani', 'thanya'],
]);

/** Acknowledgements count as thanks only when they are the whole message. */
export const ACKNOWLEDGEMENT = new Set([
  'ok',
  'okay',
  'k',
  'kk',
  'alright',
  'great',
  'perfect',
  'cool',
  'fine',
  'noted',
  'sure',
  'got',
  'it',
  'تمام',
  'اوكي',
  'اوك',
  'طيب',
  'زين',
  'ابشر',
  'حلو',
  'اوكيه',
  'خلاص',
  'ماشي',
  // "زين الحمدلله", "الحمد لله" after the card: all is well
  'الحمدلله',
  'الحمد',
  'لله',
]);
