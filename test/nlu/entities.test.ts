import { describe, expect, it } from 'vitest';
import {
  canonicalOrderId,
  correctedOrderId,
  extractAmounts,
  extractOrderIds,
  isBareSlip,
  withoutSlip,
} from '../../src/nlu/entities.js';

describe('extractOrderIds', () => {
  it.each([
    ['where is my order A1001?', ['A1001']],
    ['track a1001 please', ['A1001']],
    ['order ORD-5521 is late', ['ORD5521']],
    ['#B20031', ['B20031']],
    ['i want assistance to cancel purchase 732201349959', ['732201349959']],
    ['check purchase 00123842', ['00123842']],
    ['طلبي رقم ٧٣٢٢٠١٣٤٩٩٥٩ وينه', ['732201349959']],
    ['order #5521?', ['5521']],
    ['طلب رقم 5521', ['5521']],
    ['A1001 and A1002, again A1001', ['A1001', 'A1002']],
    // a short number asked after, or given as the one meant
    ['where is 1002?', ['1002']],
    ["where's #1002", ['1002']],
    ['وين ١٠٠١؟', ['1001']],
    ['oops wrong one, I meant 1002', ['1002']],
    ['لا غلطت، قصدي 1002', ['1002']],
    ['الرقم الصحيح ١٠٠٢', ['1002']],
    ['any news on 1002?', ['1002']],
    ["wrong order, it's 1002", ['1002']],
    // said to be the order's, a number is, whatever its shape
    ['order 551234567', ['551234567']],
    // "my order number is …", and the phone number beside it is not one
    ['my order number is 1002 and my phone is 0551234567', ['1002']],
    ['my order is 1002', ['1002']],
    // the number after the customer's own slip
    ["I typed the wrong order number, it's 1001", ['1001']],
    ['لا غلطت، 1002', ['1002']],
    ['wrong one lol, A3001', ['A3001']],
    // a short number listed with an order id
    ['and 1002 and A3001?', ['1002', 'A3001']],
    ['1001, 1002 and A3001', ['1001', '1002', 'A3001']],
    ['وين A3001 و1002', ['A3001', '1002']],
    ['A3001 and 2025 model', ['A3001']],
    ['order A3001 and 1500 riyals', ['A3001']],
    // an order's total supposed is no order's number, unless more is said of it
    ['ok what if my order is 2500?', []],
    ['طيب لو الطلب ٦٠٠٠؟', []],
    ['what if my order 1002 is late?', ['1002']],
    ['لو الطلب 1002 ما وصل؟', ['1002']],
    ['can you check if my order is 1002?', ['1002']],
  ])('finds the order ids in %j', (text, expected) => {
    expect(extractOrderIds(text)).toEqual(expected);
  });

  it.each([
    ['call me on +966501234567', 'a phone number with a plus'],
    ['my whatsapp is +966 50 123 4567', 'a spaced phone number'],
    ['my number is 0501234567', 'a local Saudi mobile'],
    ['reach me at 966501234567', 'a mobile with the country code'],
    ['جوالي 0551234567', 'a mobile named as such'],
    ['I paid 150000 SAR', 'an amount with a currency'],
    ['it cost SAR 250000', 'a currency before the amount'],
    ['my card 4111111111111111 was charged', 'a card number'],
    ['it was 1500000.50 in total', 'a decimal'],
    ['the price is 20 riyals', 'a small number'],
    ['I ordered SAR100', 'a currency code glued to the amount'],
    ['where is 1500 SAR I paid?', 'an amount asked after'],
    ['I mean 2 items', 'a small number meant'],
    ['where is it, I have been waiting since 2025', 'a year'],
    ['where is 2025 model?', 'a model asked after'],
    ['I mean the 2026 version', 'a version meant'],
    ['قصدي موديل 2025', 'a model meant in Arabic'],
    ['السعر الصحيح 3999 مو 4299', 'a price corrected'],
    ['551234567', 'a mobile without its 0'],
    ['any news on 5000 mah powerbank?', 'a capacity'],
    ['any updates on 1440 hijri sale?', 'a year of the Hijri calendar'],
  ])('finds no order id in %j (%s)', (text) => {
    expect(extractOrderIds(text)).toEqual([]);
  });

  it('tells a number corrected to from one asked after', () => {
    expect(correctedOrderId('sorry, I meant 1002')).toBe('1002');
    expect(correctedOrderId('قصدي ١٠٠٢')).toBe('1002');
    expect(correctedOrderId('where is 1002?')).toBeUndefined();
    expect(correctedOrderId('I mean 2026 model')).toBeUndefined();
    // the id after the customer's own slip
    expect(correctedOrderId('wrong one lol, A3001')).toBe('A3001');
    expect(correctedOrderId("I typed the wrong order number, it's 1001")).toBe('1001');
    expect(correctedOrderId('اسف رقم غلط، A3001')).toBe('A3001');
    expect(correctedOrderId('لا غلطت، 1002')).toBe('1002');
    // "الطلب غلط" not owned may be the order that came wrong
    expect(correctedOrderId('الطلب غلط 1002')).toBeUndefined();
    expect(correctedOrderId('you guys packed the wrong one, A3001')).toBeUndefined();
  });

  it('takes the slip out of a correction, not a wrong item', () => {
    expect(withoutSlip('oops wrong one, I meant 1002')).not.toMatch(/wrong/);
    expect(withoutSlip("wrong order, it's 1002")).not.toMatch(/wrong/);
    expect(withoutSlip('لا غلطت، قصدي 1002')).not.toMatch(/غلطت/);
    expect(withoutSlip('you sent me the wrong order, I mean 1002')).toMatch(/wrong order/);
    expect(withoutSlip('I got the wrong one, I meant order 1002')).toMatch(/wrong one/);
    // more than the number, or shouted: a wrong item
    expect(withoutSlip('you guys packed the wrong one, order 1002')).toMatch(/wrong one/);
    expect(withoutSlip('WRONG ORDER!!! 1002!!!')).toMatch(/WRONG ORDER/);
    expect(withoutSlip('the courier gave me wrong one, sorry I mean 1002')).toMatch(/wrong one/);
    // a slip before an id, owned or said with the id alone
    expect(withoutSlip('wrong one lol, A3001')).not.toMatch(/wrong/);
    expect(withoutSlip("I typed the wrong order number, it's 1001")).not.toMatch(/wrong/);
    expect(withoutSlip('اسف رقم غلط، A3001')).not.toMatch(/غلط/);
    expect(withoutSlip('الطلب غلط 1002')).toMatch(/الطلب غلط/);
    expect(withoutSlip('جالي طلب غلط، قصدي 1002')).toMatch(/طلب غلط/);
    expect(withoutSlip('بعتولي طلب غلط، قصدي 1002')).toMatch(/طلب غلط/);
  });

  it('takes out a slip owned with no number, and nothing else', () => {
    for (const text of ['oops wrong one', 'wrong order sorry', 'wrong one, I meant my earbuds order']) {
      expect(isBareSlip(text)).toBe(true);
      expect(withoutSlip(text)).not.toMatch(/wrong/);
    }
    // not owned, more than the slip, or shouted: what came may be wrong
    for (const text of [
      'wrong order',
      'this is the wrong one',
      'sorry this is the wrong one',
      'oops wrong one!!',
    ]) {
      expect(isBareSlip(text)).toBe(false);
      expect(withoutSlip(text)).toMatch(/wrong/);
    }
    expect(isBareSlip('الطلب غلط')).toBe(false);
  });

  it('gives one spelling per id', () => {
    expect(canonicalOrderId('a-1001')).toBe('A1001');
    expect(canonicalOrderId('#ord_5521')).toBe('ORD5521');
    expect(canonicalOrderId('٧٣٢٢٠١')).toBe('732201');
  });
});

describe('extractAmounts', () => {
  it.each([
    ['it cost 150 SAR', 150, 'SAR', '150 SAR'],
    ['it cost SAR 150', 150, 'SAR', 'SAR 150'],
    ['I was charged $20', 20, 'USD', '$20'],
    ['that is 20.5 riyals', 20.5, 'SAR', '20.5 riyals'],
    ['دفعت ١٥٠ ريال', 150, 'SAR', '١٥٠ ريال'],
    ['المبلغ 200 ر.س', 200, 'SAR', '200 ر.س'],
    ['AED 99 only', 99, 'AED', 'AED 99'],
    ['just €5', 5, 'EUR', '€5'],
    ['a refund of 1,499 dollars', 1499, 'USD', '1,499 dollars'],
    ['خصم ١٬٥٠٠٫٥ درهم', 1500.5, 'AED', '١٬٥٠٠٫٥ درهم'],
  ])('reads %j', (text, value, currency, quoted) => {
    expect(extractAmounts(text)).toEqual([{ value, currency, text: quoted }]);
  });

  it('reads several amounts in text order', () => {
    expect(extractAmounts('I paid 150 SAR, then $20').map((amount) => amount.value)).toEqual([150, 20]);
  });

  it.each(['order A1001', 'I have 3 items', 'call 0501234567', '150 reasons'])(
    'finds no amount in %j, which names no currency',
    (text) => {
      expect(extractAmounts(text)).toEqual([]);
    },
  );
});
