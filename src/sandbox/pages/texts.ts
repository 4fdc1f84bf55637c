/**
 * The simulator's own labels in both languages. The server renders the first language from this
 * table and the script switches with the same table, so the two never disagree. What the bot says
 * is not here: that comes from the reply catalogue through the real pipeline.
 */
export const simulatorTexts = {
  en: {
    title: 'WhatsApp simulator',
    intro:
      'Chat with Baton as a customer would. Messages take the real, signed webhook path; replies from the bot and from agents appear live.',
    phone: 'Phone number',
    phoneHint: '966500000001 owns the demo orders A1001 and A1002.',
    name: 'Name',
    language: 'Language',
    samplesTitle: 'Try saying',
    samples: ['Hi', 'Where is my order A1001?', 'I want a refund for A1002', 'I want to talk to a human'],
    openInbox: 'Open the agent inbox',
    inboxHint: 'Sign in there with an agent token to answer escalated chats.',
    placeholder: 'Type a message',
    send: 'Send',
    attach: 'Send a photo',
    online: 'online',
    typing: 'typing…',
    business: 'Business account',
    bot: 'Bot',
    agent: 'Agent',
    notice: 'Simulator: messages stay on this server and never reach WhatsApp.',
    failed: 'Not delivered',
    badPhone: 'Enter the digits of a phone number, like 966500000001.',
    sendFailed: 'Could not send:',
    unreachable: 'the server did not answer. Is it still running?',
    captionTooLong: 'A photo caption can be at most 1,024 characters.',
    photo: 'Photo',
    media: 'Attachment',
  },
  ar: {
    title: 'محاكي واتساب',
    intro:
      'تحدث مع Baton كما يفعل العميل. الرسائل تمر بمسار الويب هوك الحقيقي الموقّع، وردود البوت والموظفين تظهر مباشرة.',
    phone: 'رقم الجوال',
    phoneHint: 'الرقم 966500000001 يملك الطلبين التجريبيين A1001 و A1002.',
    name: 'الاسم',
    language: 'اللغة',
    samplesTitle: 'جرّب أن تقول',
    samples: ['السلام عليكم', 'وين طلبي A1001؟', 'أبي استرجاع مبلغ الطلب A1002', 'أبي أكلم موظف'],
    openInbox: 'افتح صندوق الموظفين',
    inboxHint: 'سجّل الدخول هناك برمز موظف للرد على المحادثات المحوّلة.',
    placeholder: 'اكتب رسالة',
    send: 'إرسال',
    attach: 'أرسل صورة',
    online: 'متصل',
    typing: 'يكتب…',
    business: 'حساب تجاري',
    bot: 'البوت',
    agent: 'موظف',
    notice: 'محاكي: الرسائل تبقى على هذا الخادم ولا تصل إلى واتساب.',
    failed: 'لم تُرسل',
    badPhone: 'أدخل أرقام الجوال فقط، مثل 966500000001.',
    sendFailed: 'تعذر الإرسال:',
    unreachable: 'الخادم لا يرد. هل ما زال يعمل؟',
    captionTooLong: 'تعليق الصورة لا يتجاوز 1024 حرفاً.',
    photo: 'صورة',
    media: 'مرفق',
  },
} as const;

export type SimulatorLanguage = keyof typeof simulatorTexts;
export type SimulatorTextKey = Exclude<keyof (typeof simulatorTexts)['en'], 'samples'>;
