import { describe, expect, it } from 'vitest';
import { fromArabizi } from '../../src/nlu/arabizi.js';

describe('Arabizi', () => {
  it.each([
    ['wain talabi?', 'وين طلبي?'],
    ['abi argi3 el sama3a', 'ابي ارجع السماعه'],
    // Levantine رجّع, and the account one cannot get into
    ['bdi rajje3 el sama3a', 'بدي رجع السماعه'],
    ['ma a2dar adkhol 7sabi', 'ما اقدر ادخل حسابي'],
    // ض written dd; whether it came or not; the password as "the secret word"
    ['abi akallem mowaddaf', 'ابي اكلم موظف'],
    ['el laptop wsl wla la2?', 'الlaptop وصل ولا لا?'],
    ['3andkom tabby wla la?', 'عندكم تابي ولا لا?'],
    ['nseet kalimat el sir', 'نسيت كلمه السر'],
    ['ya3ni mafi a7ad yrd 3lay?? wallah 7aram', 'يعني مافي احد يرد علي?? والله حرام'],
    ['talab raqam 1007 wainh', 'طلب رقم 1007 وينه'],
    ['kam el ta2seet ma3 tabby', 'كم التقسيط مع تابي'],
    ['twsloon jeddah?', 'توصلون جده?'],
    ['w shu sharikat el shi7n?', 'وايش شركات الشحن?'],
    ['abi a3rf el daman kam sana', 'ابي اعرف الضمان كم سنه'],
    ['kam el shi7n lil riyadh?', 'كم الشحن للرياض?'],
    ['mata yosal talabi', 'متى يوصل طلبي'],
    ['abi akalim mowazaf', 'ابي اكلم موظف'],
    ['el sama3a maksoora', 'السماعه مكسوره'],
    // a word it does not know stays as written; the code-switch reading knows "order"
    ['salam alaikum, wain el order?', 'السلام عليكم, وين الorder?'],
    ['talabi A1001 mata yosal?', 'طلبي a1001 متى يوصل?'],
    ['W el 3nwan?', 'والعنوان?'],
    // Egyptian, with the English support word beside it
    ['el order beta3i fen?', 'الorder بتاعي فين?'],
    ['el order bta3i lsa mawsalsh leh?', 'الorder بتاعي لسه ما وصل ليه?'],
    ['3ayez akalim mowazaf', 'عايز اكلم موظف'],
    // "l", "lel" and "3al" go onto the next word as ل، لل and عال do
    ['3andkom tawseel l dubai?', 'عندكم توصيل لدبي?'],
    ['kam el sha7n lel riyadh', 'كم الشحن للرياض'],
    // an English word among them, and an apostrophe inside one
    ['delivery kam youm lil riyadh?', 'delivery كم يوم للرياض?'],
    ["wain t'wasloon?", 'وين توصلون?'],
    ['kam el daman 3al laptop', 'كم الضمان عالlaptop'],
    ['el mandoob ma ja', 'المندوب ما جا'],
    // one Arabizi word is enough when every other word is one Arabizi shares with English
    ['wen talabi', 'وين طلبي'],
    ['wa9al el order?', 'وصل الorder?'],
    ['ana nseet el password', 'انا نسيت الpassword'],
    ['kam se3r el shipping', 'كم سعر الshipping'],
    ['tayeb el sama3at mata?', 'طيب السماعات متى?'],
    ['tmam shukran', 'تمام شكرا'],
    ['ya3tik el 3afye', 'يعطيك العافيه'],
    // a word Arabizi shares with English and its article, beside an English support word
    ['wen el laptop', 'وين الlaptop'],
    ['el app ma yeshtaghil', 'الapp ما يشتغل'],
    ['el tatbee8 ma yeshtaghil', 'التطبيق ما يشتغل'],
    // asking for a person, and smoke
    ['bdi 7ada y7ki ma3i please', 'بدي حدا يحكي معي please'],
    ['3ayez a7ki m3 customer service law sama7t', 'عايز احكي مع customer service لو سمحت'],
    ['el charger tala3 mno dokhan', 'الcharger طلع منه دخان'],
    // Egyptian "not working", a double charge, sparks
    ['mesh sha8al el charger', 'مش شغال الcharger'],
    ['la, in5asam el mablagh marteen', 'لا, انخصم المبلغ مرتين'],
    ['el charger tala3 mno sharar', 'الcharger طلع منه شرار'],
    ['el laptop ysakhen wayed w ri7to ghareeba', 'الlaptop يسخن وايد وريحته غريبه'],
    ['flosi ra7at mrteen', 'فلوسي راحت مرتين'],
    ['ana 3ayez arga3 el sama3a w akhod felosy', 'انا عايز ارجع السماعه واخد فلوسي'],
    ['abi a7ad ykalemni 3al tilifon', 'ابي احد يكلمني عالتلفون'],
    // changing something in the account, and the laptop "I ordered"
    ['abi aghayer el email fe 7sabi', 'ابي اغير الemail في حسابي'],
    ['abi aghayer el password', 'ابي اغير الpassword'],
    ['wen el laptop ely tlabto', 'وين الlaptop اللي طلبته'],
    ['kam ya5ith el shi7n lil riyadh?', 'كم ياخذ الشحن للرياض?'],
    // two particles in a row, which English never writes, before a place
    ['w lil kuwait?', 'وللكويت?'],
    // Levantine and Egyptian bi-, fees, instalments, Friday; a greeting alone
    ['btwaslo yom el jom3a?', 'توصلوا يوم الجمعه?'],
    ['kam el rusoom', 'كم الرسوم'],
    ['mar7aba', 'مرحبا'],
    ['cash 3nd el estlam fi rusoom?', 'كاش عند الاستلام في رسوم?'],
    ['kam a2al mablagh', 'كم اقل مبلغ'],
    // Egyptian and Levantine: where (اين), mine (حقي), late, upset, a branch, the invoice, "card"
    ['ayn el laptop 7aggi', 'اين الlaptop حقي'],
    ['lesh ta2akhart', 'ليش تاخرت'],
    ['ana za3lan jedan, el order ta2akhar w mafi rad', 'انا زعلان جدا, الorder تاخر ومافي رد'],
    ['3indkom far3 fe el riyadh?', 'عندكم فرع في الرياض?'],
    ['wen el fatoura', 'وين الفاتوره'],
    ['el card ma tishtaghil', 'الcard ما تشتغل'],
    ['kaifa astarji3 el flous', 'كيف استرجع الفلوس'],
    ['et5asamt marteen', 'انخصمت مرتين'],
  ])('reads %j as %j', (text, arabic) => {
    expect(fromArabizi(text)).toBe(arabic);
  });

  it('reads a message with one Arabizi word as Arabic in a conversation held in Arabic, only there', () => {
    // "when" and "and": the rest is no word it knows
    expect(fromArabizi('w emta yjeeb?', { arabicChat: true })).toBe('ومتى yjeeb?');
    expect(fromArabizi('w emta yjeeb?')).toBeUndefined();
    // it still reads half the words: English stays English
    expect(fromArabizi('the mandoob did not come yet', { arabicChat: true })).toBeUndefined();
    expect(fromArabizi('where is my order?', { arabicChat: true })).toBeUndefined();
  });

  it.each([
    'where is my order?',
    'I want a refund for A1001',
    'can I pay cash on delivery?',
    'abi agent',
    'where is my talab',
    'hi, is Tabby available in Jeddah?',
    'ok',
    '1001',
    'the charger is broken and the screen is cracked',
    'وين طلبي؟',
    'ابي refund',
    // English words and places that Arabizi also spells
    'cash in dubai?',
    'Ana from Riyadh here, ma order?',
    'hala madrid',
    'is the mesh router in stock?',
    'men and women headphones',
    'is the meta quest in stock?',
    // names, models, ordinals and times
    'This is Abdel Salam',
    'Salam, Abi here',
    'this is elly, where is my order?',
    'a lil late w el order',
    'usb3 hdmi2?',
    '9am to 5pm?',
    '2nd or 3rd?',
    'I want to order the beta3i version',
    'what does the law say about returns?',
    'hello sir, where is my order?',
    'kan u help me',
    'wala, is that the price?',
    'when el nino comes',
    'el paso to wen?',
  ])('leaves %j alone (not Arabizi)', (text) => {
    expect(fromArabizi(text)).toBeUndefined();
  });
});
