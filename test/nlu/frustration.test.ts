import { describe, expect, it } from 'vitest';
import { scoreFrustration, withoutFeelings } from '../../src/nlu/frustration.js';

/** The policy's default frustration threshold (DESIGN.md). */
const THRESHOLD = 0.7;

describe('scoreFrustration', () => {
  it.each([
    'THIS IS RIDICULOUS!!! IT WAS SUPPOSED TO ARRIVE A WEEK AGO',
    'your service is useless',
    'worst service ever',
    'this is unacceptable',
    'I am fed up with you',
    // "fed up" in the Gulf's words, as strong as the English
    'زهقت',
    'بطاقتي رفضت ٣ مرات وانا زهقت',
    'طفشت من الانتظار',
    'what a joke',
    'خدمتكم سيئة جدا',
    'والله يقهر، كل يوم نفس الشي',
    'حرام عليكم، ما في فايدة',
    'زفت',
    'مهزلة',
    'الخدمة سيئة للغاية',
    'حسبي الله عليكم',
    'WHERE IS MY ORDER I AM STILL WAITING!!!',
    'I HAVE BEEN WAITING 3 DAYS FOR AN ANSWER!!!',
    'this stupid bot',
    'وش هالبوت الغبي ما يفهم شي',
    'ليش ما أحد يرد!!! من ثلاث أيام وانا انتظر',
    'i already told you it STILL has not arrived. same problem again',
    'my order is a week late, what kind of service is this!!!',
    'طلبي متاخر اسبوع وش هالخدمة!!!',
    // "nobody" and "no one" are both read (an entry's slot holds one word)
    "honestly this is the third time I'm asking and nobody helps me",
    'nobody cares about customers here',
    'no one cares',
    // a threat to go public
    "give me a discount or i'll post on twitter",
    'بفضحكم في تويتر',
    // what was said before a clause of the customer's own
    'they said it would come today, this is ridiculous',
    // what the customer agrees with, and "you people", are the customer's own
    'my husband says this is the worst service and I agree',
    'you people kept ignoring me and this is ridiculous',
    'زوجي يقول خدمتكم سيئة وانا اوافقه',
    'my friend says your service is a joke, I think so too',
    "people say your support is useless and it's true",
    'صاحبي يقول خدمتكم زفت وعنده حق',
    // joking denied, or asked about, is no joke
    'are you kidding me?? this is the worst service ever',
    "I'm not joking, this is ridiculous and useless",
    'انا ما امزح، خدمتكم سيئة جدا وزفت',
    'you must be joking, 3 weeks and nothing, worst company ever',
    // the customer counting the times they asked
    'this is the third time I ask',
    'هذي ثالث مرة اسأل وين طلبي',
    // kind words said with rolled eyes, and thanks for nothing
    'great, another delay. amazing service 🙄',
    'ما شاء الله على الخدمة، اسبوع وما وصل شي 🙄',
    'lol ok thanks for nothing',
    'honestly you guys are hopeless',
    'انا اتصلت بيكم ٣ مرات ومحدش بيرد، ايه القرف ده',
  ])('reaches the threshold for %j', (text) => {
    expect(scoreFrustration(text, []).score).toBeGreaterThanOrEqual(THRESHOLD);
  });

  it.each([
    'where is my order?',
    'hi!!',
    "I'm a bit disappointed it's late",
    'thanks!!!',
    'OK',
    'ASAP please',
    'Is the warranty useful for batteries?',
    'tell me a joke',
    'وين طلبي؟',
    // an insult the customer turns on themselves or their question
    'sorry if this is a stupid question, how do returns work',
    'dumb question but do you deliver to abha',
    'feeling stupid but how do i start a return',
    'im so dumb i forgot my password',
    'سؤال غبي بس كم الشحن',
    'مللت من الانتظار',
    'مافي احد يرد',
    'ليش كل مرة تتأخرون؟',
    'THANK YOU SO MUCH!!!',
    'is the offer still valid?',
    'what kind of shoes do you sell',
    'هذي خدمة التوصيل السريع؟',
    'nobody replied to my email',
    // rolled eyes alone, and kind words with a smile
    'ok 😒',
    'the courier was amazing, thanks! 😊',
    // counting, but not complaints: a loyal customer, a question
    'ثالث مرة اطلب منكم وكل مرة ممتاز',
    'is this the third time my order was delayed?',
    // someone else's words, in the same clause
    "my friend said your service is useless but honestly it's been fine for me",
    'people say your service is terrible but mine was fine, do you take mada?',
    'صاحبي يقول خدمتكم سيئة بس انا ما شفت شي',
    // asking whether something is a scam is a worry, not an accusation
    'is it a scam if someone calls asking for my OTP? just asking in general',
    // someone else's words the customer does not share
    "my friend says you are scammers but I don't believe it",
    'اخوي يقول خدمتكم سيئة بس انا مو موافق',
  ])('stays below the threshold for %j', (text) => {
    expect(scoreFrustration(text, []).score).toBeLessThan(THRESHOLD);
  });

  it.each([
    ['this is taking forever', 'taking forever'],
    ['وين طلبي؟ تأخر كثير', 'تأخر كثير'],
    ['I am tired of waiting', 'tired of waiting'],
    ['طولتوا', 'طولتوا'],
    ['oh come on', 'oh come on'],
    ['come on guys its been a week', 'come on guys'],
  ])('counts %j as mild', (text, evidence) => {
    expect(scoreFrustration(text, []).evidence).toEqual([evidence]);
  });

  it('counts "nobody replied" as a mild complaint', () => {
    expect(scoreFrustration('nobody replied to my email', [])).toEqual({
      score: 0.3,
      evidence: ['nobody replied'],
    });
  });

  it.each([
    'مو سيء أبد، التوصيل كان سريع',
    'honestly not terrible at all',
    // asking whether the shop is real is no accusation
    'how do i know the site is real and not a scam',
  ])('does not count negated wording in %j', (text) => {
    expect(scoreFrustration(text, [])).toEqual({ score: 0, evidence: [] });
  });

  it('reads "come on" as a verb in a question about a day, not as impatience', () => {
    expect(scoreFrustration('when does my laptop arrive? will it come on friday?', []).score).toBe(0);
  });

  it('scores nothing for a calm message', () => {
    expect(scoreFrustration('where is my order?', [])).toEqual({ score: 0, evidence: [] });
  });

  it('names what fired', () => {
    const { evidence } = scoreFrustration('THIS IS RIDICULOUS!!! IT WAS SUPPOSED TO ARRIVE A WEEK AGO', []);
    expect(evidence).toEqual(['RIDICULOUS', 'ALL CAPS', '!!!']);
  });

  it('counts ?? and ?! runs but not a friendly !!', () => {
    expect(scoreFrustration('where is it??', []).evidence).toEqual(['??']);
    expect(scoreFrustration('seriously?!', []).evidence).toContain('?!');
    expect(scoreFrustration('وين طلبي؟؟', []).evidence).toEqual(['??']);
    expect(scoreFrustration('hi!!', []).evidence).toEqual([]);
  });

  it('does not read short acronyms or order ids as shouting', () => {
    expect(scoreFrustration('ASAP please', []).evidence).not.toContain('ALL CAPS');
    expect(scoreFrustration('OK', []).evidence).not.toContain('ALL CAPS');
    expect(scoreFrustration('status of A1001 and B2002 pls', []).evidence).not.toContain('ALL CAPS');
    expect(scoreFrustration('WHERE IS MY ORDER', []).evidence).toContain('ALL CAPS');
  });

  describe('repeated complaint', () => {
    const earlier = 'where is my order A1001? it was supposed to arrive monday';

    it('fires on the same complaint again with "still"', () => {
      const result = scoreFrustration(`${earlier}. still nothing`, [earlier]);
      expect(result.score).toBeGreaterThanOrEqual(THRESHOLD);
      expect(result.evidence).toContain('repeated complaint');
    });

    it('fires on the same Arabic complaint again with "مرة ثانية"', () => {
      const before = 'طلبي A1001 ما وصل وكان المفروض يوصل امس';
      const result = scoreFrustration(`مرة ثانية اقول لكم ${before}`, [before]);
      expect(result.score).toBeGreaterThanOrEqual(THRESHOLD);
      expect(result.evidence).toContain('repeated complaint');
    });

    it('notices a repeat on its own without reaching the threshold', () => {
      const result = scoreFrustration(earlier, [earlier]);
      expect(result.evidence).toEqual(['repeated complaint']);
      expect(result.score).toBeLessThan(THRESHOLD);
    });

    it('counts an Arabic repeat told for the third time', () => {
      const result = scoreFrustration('قلت لك للمرة الثالثة الطلب ما وصل!!', [
        'طلبي A3104 ما وصل',
        'الطلب ما وصل لين الحين',
      ]);
      expect(result.evidence).toContain('repeated complaint');
      expect(result.score).toBeGreaterThanOrEqual(THRESHOLD);
    });

    it('does not count a different message or a short one', () => {
      expect(scoreFrustration('what is your refund policy?', [earlier]).evidence).toEqual([]);
      expect(scoreFrustration('where is my refund', ['where is my order']).evidence).toEqual([]);
      expect(scoreFrustration('hi', ['hi']).evidence).toEqual([]);
    });
  });

  it('keeps the score within 0..1', () => {
    const { score } = scoreFrustration(
      'WORST SERVICE EVER, USELESS, PATHETIC SCAM!!! STILL WAITING AGAIN???',
      ['WORST SERVICE EVER, USELESS, PATHETIC SCAM!!! STILL WAITING'],
    );
    expect(score).toBe(1);
  });
});

describe('withoutFeelings', () => {
  it('cuts the words of the feeling out of the text as typed', () => {
    expect(withoutFeelings('ugh my card got declined')).toBe('my card got declined');
    expect(withoutFeelings('My card got declined and I am so annoyed!')).toBe(
      'My card got declined and I am so !',
    );
    expect(withoutFeelings('بطاقتي رفضت وانا متضايق')).toBe('بطاقتي رفضت وانا');
    expect(withoutFeelings('يا اخي البطاقة ما تشتغل')).toBe('البطاقة ما تشتغل');
  });

  it('is undefined without a feeling, or with what the service did instead', () => {
    expect(withoutFeelings('my card got declined')).toBeUndefined();
    expect(withoutFeelings('the courier was rude')).toBeUndefined();
    expect(withoutFeelings('waiting for days')).toBeUndefined();
  });
});
