import type { Language } from '../llm/classification.js';

/**
 * Every sentence the bot says to a customer, in English and Arabic. Code picks an entry by
 * name and fills its parameters; it never builds customer-facing text inline.
 */
const catalogue = {
  salamReply: { en: 'Wa alaikum assalam!', ar: 'وعليكم السلام ورحمة الله!' },
  morningReply: { en: 'Good morning!', ar: 'صباح النور!' },
  eveningReply: { en: 'Good evening!', ar: 'مساء النور!' },
  welcome: {
    en: 'Hi{name}! I am the {business} assistant. How can I help you today?',
    ar: 'أهلاً{name}! أنا المساعد الآلي لـ{business}. كيف أقدر أساعدك اليوم؟',
  },
  menuFallback: {
    en: 'You can also reply 1 for order status, 2 for questions, or 3 to talk to an agent.',
    ar: 'تقدر ترد بـ 1 لحالة الطلب، 2 للأسئلة، أو 3 للتحدث مع موظف.',
  },
  menuOrder: { en: 'Order status', ar: 'حالة الطلب' },
  menuFaq: { en: 'Questions (FAQ)', ar: 'الأسئلة الشائعة' },
  menuAgent: { en: 'Talk to an agent', ar: 'التحدث مع موظف' },
  askOrderId: {
    en: 'Sure! Please send me your order number (for example A1001).',
    ar: 'أكيد! أرسل لي رقم الطلب لو سمحت (مثال: A1001).',
  },
  askOrderIdLater: {
    en: 'Great, send me the order number whenever you have it (for example A1001).',
    ar: 'تمام، أرسل لي رقم الطلب متى ما كان عندك (مثال: A1001).',
  },
  askOrderIdSorry: {
    en: 'I am sorry for the trouble. Please send me your order number (for example A1001) and I will check it right away.',
    ar: 'نعتذر لك عن هذا الإزعاج. أرسل لي رقم الطلب (مثال: A1001) وأتحقق منه لك على طول.',
  },
  faqPrompt: {
    en: 'Ask me anything about shipping, returns, payments, warranty, delivery areas, cancellations or your account.',
    ar: 'اسألني عن الشحن، الإرجاع، طرق الدفع، الضمان، مناطق التوصيل، إلغاء الطلب أو حسابك.',
  },
  orderList: {
    en: 'These are the orders on this WhatsApp number:\n{orders}\nSend me the number of the one you would like to know more about.',
    ar: 'هذه الطلبات المسجلة على رقم الواتساب هذا:\n{orders}\nأرسل لي رقم الطلب اللي تبي تعرف عنه أكثر.',
  },
  orderListLate: { en: 'running late', ar: 'متأخر' },
  noOrdersForPhone: {
    en: 'I could not find any order placed with this WhatsApp number. If you ordered with another number or as a guest, the order number is in your confirmation email and SMS. Or type "agent" and a colleague will help you find it.',
    ar: 'ما لقيت أي طلب مسجل على رقم الواتساب هذا. إذا طلبت برقم ثاني أو كضيف، تلقى رقم الطلب في إيميل ورسالة التأكيد. أو اكتب "موظف" ويساعدك أحد الزملاء تلقاه.',
  },
  orderStatus: {
    en: 'Order {id}: {status}.',
    ar: 'الطلب {id}: {status}.',
  },
  orderEta: { en: 'Expected delivery: {eta}.', ar: 'موعد التوصيل المتوقع: {eta}.' },
  paymentNotShown: {
    en: 'I cannot see here how order {id} was paid: My Orders on volta.example shows it, with the invoice. Type "agent" if you would like someone from our team to check.',
    ar: 'ما أقدر أشوف من هنا طريقة دفع الطلب {id}: تلقاها في "طلباتي" على volta.example مع الفاتورة. اكتب "موظف" إذا تحب أحد من فريقنا يتأكد لك.',
  },
  orderOverdue: {
    en: 'It was expected by {eta} and is running late, I am sorry. Write "agent" if you would like someone from our team to look into it.',
    ar: 'كان موعد توصيله المتوقع {eta} وقد تأخر، نعتذر لك. اكتب "موظف" إذا تحب أحد من فريقنا يتابعه.',
  },
  orderNoEtaYet: {
    en: 'It has not shipped yet, so it does not have a delivery date.',
    ar: 'ما انشحن للحين، فما له موعد توصيل بعد.',
  },
  orderCarrier: { en: 'Carrier: {carrier}.', ar: 'شركة الشحن: {carrier}.' },
  orderTracking: { en: 'Track it here: {url}', ar: 'تتبع الشحنة من هنا: {url}' },
  orderItems: { en: 'Items: {items}.', ar: 'المنتجات: {items}.' },
  orderTotal: { en: 'Total: {total}.', ar: 'الإجمالي: {total}.' },
  orderNotFound: {
    en: 'I could not find an order {id} for this WhatsApp number. Please check the number, or type "agent" and a colleague will look into it.',
    ar: 'ما لقيت طلب برقم {id} مسجل على رقم الواتساب هذا. تأكد من الرقم، أو اكتب "موظف" وبيساعدك أحد الزملاء.',
  },
  ordersUnavailable: {
    en: 'I cannot check orders right now: our order system is not answering. Please try again in a few minutes, or type "agent" and a colleague will look into it.',
    ar: 'ما أقدر أتحقق من الطلبات الحين، نظام الطلبات ما يستجيب. جرّب بعد دقائق، أو اكتب "موظف" وبيساعدك أحد الزملاء.',
  },
  orderNoPhone: {
    en: 'For your privacy I can only show orders to the phone number they were placed with, and I cannot see your number in this chat. Type "agent" and a colleague will verify it and help you.',
    ar: 'حفاظاً على خصوصيتك أعرض الطلبات فقط لرقم الجوال المسجل عليها، ولا أقدر أشوف رقمك في هذه المحادثة. اكتب "موظف" وبيتحقق منك أحد الزملاء ويساعدك.',
  },
  fallback: {
    en: 'Sorry, I did not understand that. You can choose from the menu, ask about shipping, returns or payments, or type "agent" to talk to a person.',
    ar: 'عذراً، ما فهمت طلبك. تقدر تختار من القائمة، أو تسأل عن الشحن أو الإرجاع أو الدفع، أو تكتب "موظف" للتحدث مع شخص.',
  },
  noAnswer: {
    en: 'I could not find an answer to that in our help pages. I can help with orders, shipping, returns and payments, or type "agent" to talk to a person.',
    ar: 'ما لقيت إجابة لسؤالك في صفحات المساعدة. أقدر أساعدك في الطلبات والشحن والإرجاع والدفع، أو اكتب "موظف" للتحدث مع شخص.',
  },
  sameAnswer: {
    en: 'That is the same answer I gave just now. If it does not help, write "agent" and a colleague will take over.',
    ar: 'هذا نفس الرد اللي أرسلته قبل شوي. إذا ما ساعدك، اكتب "موظف" ويتابع معك أحد زملائنا.',
  },
  failedHandoff: {
    en: "I'm sorry, I can't help with that.",
    ar: 'آسف، ما أقدر أساعدك في هذا.',
  },
  sorryForTrouble: { en: 'I am sorry for the trouble.', ar: 'نعتذر لك عن هذا الإزعاج.' },
  transferring: {
    en: 'I am connecting you with a member of our {queue} team. Expected wait: about {wait}. You can keep writing here.',
    ar: 'جاري تحويلك لأحد موظفي فريق {queue}. وقت الانتظار المتوقع: حوالي {wait}. تقدر تكمل الكتابة هنا.',
  },
  afterHours: {
    en: 'Our team is offline now (hours: {hours}). An agent will answer you {opensAt}. You can also email us at {email}.',
    ar: 'فريقنا غير متواجد حالياً (أوقات العمل: {hours}). بيرد عليك أحد الموظفين {opensAt}. تقدر أيضاً تراسلنا على {email}.',
  },
  closedToday: {
    en: 'Our team is off today. An agent will answer you {opensAt}. You can also email us at {email}.',
    ar: 'فريقنا في إجازة اليوم. بيرد عليك أحد الموظفين {opensAt}. تقدر أيضاً تراسلنا على {email}.',
  },
  safetyAdvice: {
    en: 'For your safety: stop using it now, unplug it and keep it away from anything that can burn. If there is fire or smoke, leave the room and call 911.',
    ar: 'لسلامتك: توقف عن استخدامه الآن وافصله من الكهرباء وأبعده عن أي شيء قابل للاشتعال. إذا فيه نار أو دخان اطلع من المكان واتصل بالطوارئ 911.',
  },
  swallowedAdvice: {
    en: 'For your safety: if a part, a battery or a magnet may have been swallowed, get medical help now: call 911 or go to the nearest emergency department. Keep the product away from children.',
    ar: 'لسلامتك: إذا احتمال انبلعت قطعة أو بطارية أو مغناطيس، اطلب مساعدة طبية الآن: اتصل بالطوارئ 911 أو توجه لأقرب قسم طوارئ. وأبعد المنتج عن الأطفال.',
  },
  fraudAdvice: {
    en: 'Please do not share any code (OTP), password or card details with anyone: {business} never asks for them by phone or message. If you already did, change your password now and call your bank to block your card.',
    ar: 'رجاءً لا تشارك أي رمز تحقق (OTP) أو كلمة مرور أو بيانات بطاقة مع أي أحد: {business} ما تطلبها منك أبداً بالاتصال أو الرسائل. وإذا سبق وشاركتها، غيّر كلمة المرور الآن واتصل ببنكك لإيقاف البطاقة.',
  },
  alreadyQueued: {
    en: 'You are in the queue — an agent will reply here as soon as possible.',
    ar: 'أنت في قائمة الانتظار — بيرد عليك أحد الموظفين هنا في أقرب وقت.',
  },
  alreadyQueuedAfterHours: {
    en: 'You are in the queue. Our team is offline now; an agent will reply here {opensAt}.',
    ar: 'أنت في قائمة الانتظار. فريقنا غير متواجد حالياً، وبيرد عليك أحد الموظفين هنا {opensAt}.',
  },
  photoWhileWaiting: {
    en: 'While you wait, you can send a photo of the item and its packaging here: it helps our team sort this out faster.',
    ar: 'وأنت تنتظر، تقدر ترسل هنا صورة للمنتج وتغليفه، هذا يساعد فريقنا يحل المشكلة أسرع.',
  },
  stillHere: {
    en: 'I am here! Tell me what you need, for example "where is my order?" or "return an item", or type "agent" to talk to a person.',
    ar: 'أنا هنا! قول لي وش تحتاج، مثلاً "وين طلبي؟" أو "ابي ارجع منتج"، أو اكتب "موظف" للتحدث مع شخص.',
  },
  askAway: {
    en: 'Sure, go ahead: what would you like to know?',
    ar: 'أكيد، تفضل: وش حاب تعرف؟',
  },
  unclear: {
    en: 'Sorry, I was not clear. Tell me in a few words what you need, for example "where is my order?" or "return an item", or type "agent" to talk to a person.',
    ar: 'آسفين إن الرد ما كان واضح. قول لي بكلمات بسيطة وش تحتاج، مثلاً "وين طلبي؟" أو "ابي ارجع منتج"، أو اكتب "موظف" للتحدث مع شخص.',
  },
  upset: {
    en: 'I am sorry, it looks like something has gone wrong for you. Tell me what happened, or type "agent" to talk to a person.',
    ar: 'نعتذر لك، يبدو إن فيه شي مزعجك. قول لي وش صار، أو اكتب "موظف" للتحدث مع شخص.',
  },
  fileKept: {
    en: 'Thanks, our team will see it with your conversation.',
    ar: 'شكراً، بيشوفه فريقنا مع محادثتك.',
  },
  sorryForWait: { en: 'I am sorry for the wait.', ar: 'نعتذر لك عن الانتظار.' },
  // Arabic nouns have a gender the verb and pronoun follow: وصلتني الصورة … أفتحها, وصلني الملف … أفتحه.
  mediaReceivedFeminine: {
    en: 'Thanks, I received your {media}, but I cannot open it here. Could you describe it in a short text? If you need a person, type "agent".',
    ar: 'شكراً، وصلتني {media} لكن ما أقدر أفتحها هنا. ممكن توصفها لي بنص قصير؟ وإذا تحتاج موظف اكتب "موظف".',
  },
  mediaReceivedMasculine: {
    en: 'Thanks, I received your {media}, but I cannot open it here. Could you describe it in a short text? If you need a person, type "agent".',
    ar: 'شكراً، وصلني {media} لكن ما أقدر أفتحه هنا. ممكن توصفه لي بنص قصير؟ وإذا تحتاج موظف اكتب "موظف".',
  },
  voiceReceived: {
    en: 'Thanks, I received your voice message, but I cannot listen to it here. Could you write your question in a short text? If you need a person, type "agent".',
    ar: 'شكراً، وصلتني رسالتك الصوتية لكن ما أقدر أسمعها هنا. ممكن تكتب لي طلبك بنص قصير؟ وإذا تحتاج موظف اكتب "موظف".',
  },
  stickerReceived: {
    en: '😊 How can I help? Ask me about an order, shipping, returns or payments, or type "agent" to talk to a person.',
    ar: '😊 كيف أقدر أساعدك؟ اسألني عن طلبك أو الشحن أو الإرجاع أو الدفع، أو اكتب "موظف" للتحدث مع شخص.',
  },
  locationReceived: {
    en: 'Thanks, I received your location. To deliver an order to a new address, type "agent" and a colleague will update it; otherwise, tell me your question in a short text.',
    ar: 'شكراً، وصلني موقعك. إذا تبي توصيل طلب لعنوان جديد اكتب "موظف" ويحدّثه لك أحد زملائنا، وإلا اكتب لي سؤالك بنص قصير.',
  },
  requestWithdrawn: {
    en: 'OK, I have cancelled your request for an agent. I am here if you need anything else.',
    ar: 'تمام، ألغيت طلب التحويل لموظف. أنا موجود إذا احتجت أي شي ثاني.',
  },
  cancellationWithdrawn: {
    en: 'OK, nothing will be cancelled: I have withdrawn your cancellation request. I am here if you need anything else.',
    ar: 'تمام، ما راح يتلغى شي: سحبت طلب الإلغاء. أنا موجود إذا احتجت أي شي ثاني.',
  },
  urgentKept: {
    en: 'Glad to hear it. Because this concerns your safety or your account, a colleague will still check in with you.',
    ar: 'يسعدنا ذلك. ولأن الأمر يتعلق بسلامتك أو بحسابك، بيتواصل معك أحد زملائنا للاطمئنان.',
  },
  wellWishedBack: {
    en: 'Thank you, and to you! Is there anything else I can help with?',
    ar: 'الله يعافيك! هل فيه شي ثاني أقدر أساعدك فيه؟',
  },
  goodbye: {
    en: 'Goodbye! Write here any time you need us.',
    ar: 'مع السلامة! اكتب لنا هنا متى ما احتجتنا.',
  },
  wrongChat: {
    en: 'No problem! This is the {business} assistant: if you ever need help with an order, write here any time.',
    ar: 'ولا يهمك! معك مساعد {business}، وإذا احتجت مساعدة في طلب اكتب لي هنا في أي وقت.',
  },
  cancelInsteadOfReturn: {
    en: 'Order {id} has not shipped yet, so there is nothing to send back: you can cancel it instead.',
    ar: 'الطلب {id} لم يُشحن بعد، فلا حاجة لإرجاعه: تقدر تلغيه بدلاً من ذلك.',
  },
  nothingMore: {
    en: 'Alright! Write here any time you need us.',
    ar: 'تمام! اكتب لنا هنا متى ما احتجتنا.',
  },
  thanks: {
    en: 'You are welcome! Is there anything else I can help with?',
    ar: 'العفو! هل فيه شي ثاني أقدر أساعدك فيه؟',
  },
  gladToHear: {
    en: 'Glad to hear it! Is there anything else I can help with?',
    ar: 'يسعدنا ذلك! هل فيه شي ثاني أقدر أساعدك فيه؟',
  },
  praised: {
    en: 'Thank you for the kind words, they mean a lot to us! Is there anything else I can help with?',
    ar: 'شكراً على كلامك الطيب، يسعدنا هذا! هل فيه شي ثاني أقدر أساعدك فيه؟',
  },
  closedWithoutReply: {
    en: 'Our team has closed your request. If you still need help, write here: I will help, or bring a person back in.',
    ar: 'فريقنا أغلق طلبك. إذا للحين تحتاج مساعدة، اكتب هنا: بساعدك أو بحوّلك لأحد الموظفين من جديد.',
  },
  backWithTeam: {
    en: 'The colleague who was helping you is no longer available, so your conversation is back with our team. The next free colleague will reply here.',
    ar: 'الزميل اللي كان يساعدك ما عاد متاح، فرجعت محادثتك لفريقنا. بيرد عليك هنا أول زميل يتفرغ.',
  },
  transferred: {
    en: 'I have passed your conversation to our {queue} team. They will reply here as soon as they can.',
    ar: 'حوّلت محادثتك لفريق {queue}، وبيردون عليك هنا في أقرب وقت.',
  },
  agentJoined: {
    en: '{agent} from our team has joined the chat and will help you from here.',
    // no verb for the agent: the Arabic verb would say whether Layla or Omar is a man or a woman
    ar: 'معك الآن {agent} من فريقنا في هذه المحادثة، وتقدر تكمل كلامك هنا.',
  },
  csatQuestion: {
    en: 'Thanks for your patience! How would you rate the help you got today, from 1 (poor) to 5 (excellent)?',
    ar: 'شكراً لصبرك! كيف تقيّم المساعدة التي حصلت عليها اليوم، من 1 (ضعيفة) إلى 5 (ممتازة)؟',
  },
  csatButton: { en: 'Rate', ar: 'قيّم' },
  csatSection: { en: 'Your rating', ar: 'تقييمك' },
  csatThanks: {
    en: 'Thank you for your rating! I am here if you need anything else.',
    ar: 'شكراً على تقييمك! أنا هنا إذا احتجت أي شيء ثاني.',
  },
  csatCommentThanks: {
    en: 'Thank you, I have passed your comment on to the team.',
    ar: 'شكراً لك، وصلت ملاحظتك للفريق.',
  },
  csatThanksLow: {
    en: 'Thank you for your rating, and I am sorry we fell short this time. If something is still not right, write here and we will look at it again.',
    ar: 'شكراً على تقييمك، ونعتذر لأننا ما كنا عند توقعك هالمرة. إذا فيه شيء للحين ما انحل، اكتب لنا هنا ونراجعه مرة ثانية.',
  },
  knowledgeSource: { en: '(from our {title} page)', ar: '(من صفحة {title})' },
  knowledgeSources: { en: '(from our {first} and {last} pages)', ar: '(من صفحتي {first} و{last})' },
  knowledgeSourcesMany: { en: '(from our {first} and {last} pages)', ar: '(من صفحات {first} و{last})' },
  moreQuestions: {
    en: 'You asked a few more things: send them to me one at a time and I will answer each.',
    ar: 'في رسالتك أسئلة ثانية بعد: أرسلها لي سؤال سؤال وبجاوبك على كل واحد.',
  },
} as const satisfies Record<string, Record<Language, string>>;

export type MessageKey = keyof typeof catalogue;

export function say(
  key: MessageKey,
  language: Language,
  params: Record<string, string | number> = {},
): string {
  return catalogue[key][language].replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  );
}

/**
 * "30 minutes", "1 minute", "2 hours"; in Arabic the noun takes the dual, the plural of 3–10 and
 * the singular from 11 on: دقيقة واحدة، دقيقتين، 5 دقائق، 30 دقيقة.
 */
export function waitDuration(minutes: number, language: Language): string {
  const hours = minutes >= 60 && minutes % 60 === 0 ? minutes / 60 : undefined;
  const [count, unit] = hours === undefined ? [minutes, 'minute'] : [hours, 'hour'];
  if (language === 'en') return `${count} ${unit}${count === 1 ? '' : 's'}`;
  const forms =
    unit === 'minute'
      ? { one: 'دقيقة واحدة', two: 'دقيقتين', few: 'دقائق', many: 'دقيقة' }
      : { one: 'ساعة واحدة', two: 'ساعتين', few: 'ساعات', many: 'ساعة' };
  if (count === 1) return forms.one;
  if (count === 2) return forms.two;
  return `${count} ${count <= 10 ? forms.few : forms.many}`;
}

/** What each kind of file is called, and the gender of its Arabic name. */
const mediaNames: Record<string, { en: string; ar: string; feminine: boolean }> = {
  image: { en: 'photo', ar: 'الصورة', feminine: true },
  video: { en: 'video', ar: 'الفيديو', feminine: false },
  document: { en: 'document', ar: 'الملف', feminine: false },
  contacts: { en: 'contact card', ar: 'جهة الاتصال', feminine: true },
};

/** The answer to a message the bot cannot read: a file, a voice note, a sticker, a location. */
export function mediaReply(type: string, language: Language): string {
  if (type === 'audio') return say('voiceReceived', language);
  if (type === 'sticker') return say('stickerReceived', language);
  if (type === 'location') return say('locationReceived', language);
  const name = mediaNames[type] ?? { en: 'message', ar: 'الرسالة', feminine: true };
  return say(name.feminine ? 'mediaReceivedFeminine' : 'mediaReceivedMasculine', language, {
    media: name[language],
  });
}

const queueNames: Record<string, Record<Language, string>> = {
  general: { en: 'customer care', ar: 'خدمة العملاء' },
  orders: { en: 'orders', ar: 'الطلبات' },
  billing: { en: 'billing', ar: 'الفواتير والمدفوعات' },
  technical: { en: 'technical support', ar: 'الدعم الفني' },
  vip: { en: 'VIP care', ar: 'كبار العملاء' },
};

export function queueName(queue: string, language: Language): string {
  return queueNames[queue]?.[language] ?? queue;
}
