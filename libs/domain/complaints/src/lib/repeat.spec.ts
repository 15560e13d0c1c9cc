import fc from 'fast-check';
import { foldText, termsOf } from './problem-text';
import { findRepeat, normalizeProblemCode, problemSignatureOf, repeatKeys, repeatWindowStart, sameProblem, type RepeatEntry, type RepeatKey } from './repeat';

const DAY = 86_400_000;
const now = new Date('2025-06-01T00:00:00Z');
/** The service's default (COMPLAINTS_REPEAT_SIMILARITY). */
const THRESHOLD = 0.6;
const rule = { windowDays: 180, threshold: THRESHOLD };
const sig = (content: string, problemCode?: string | null, requirements?: string) => problemSignatureOf({ content, problemCode, requirements });

/**
 * Labelled pairs per language: a complaint, the same problem told again in other words, and another
 * problem of the same kind (often the same part, or the same department). The default threshold must
 * separate them all.
 */
const CORPUS: Record<string, { same: [string, string][]; different: [string, string][] }> = {
  en: {
    same: [
      ['Engine noise on cold start since the last service', 'The engine makes a loud noise when I start it cold in the morning'],
      ['Brake pads squeal when braking', 'Squealing noise from the brakes every time I brake'],
      ['The coolant warning light is on', 'The coolant light came on again two days after the repair'],
      ['Oil leak under the engine', 'The engine is leaking oil, there is a stain under the car every morning'],
      ['The service advisor was rude to me', 'Rude service advisor again, he shouted at me'],
      ['Air conditioning does not cool the cabin', 'The AC is not cooling, only warm air comes out'],
      ['Steering wheel vibrates at high speed', 'Strong vibration in the steering wheel above 100 km/h'],
      ['The car pulls to the left when braking at high speed', 'When I brake on the highway the vehicle drifts to the left side'],
    ],
    different: [
      ['Engine noise on cold start', "Engine won't start in cold weather"],
      ['Engine noise on cold start', 'Engine oil leak under the car'],
      ['Brake pads squeal when braking', 'Brake fluid leaking from the rear left wheel'],
      ['The service advisor was rude to me', 'I waited three hours for the service advisor'],
      ['Air conditioning does not cool the cabin', 'The battery is dead every morning'],
      ['The coolant warning light is on', 'The engine overheats in traffic'],
      ['Rattle from the dashboard on bumpy roads', 'The driver window does not close'],
      ['The car pulls to the left when braking', 'Brake pedal feels soft and spongy'],
    ],
  },
  pt: {
    same: [
      ['O carro puxa para a direita quando freio', 'Ao frear o veículo desvia para a direita'],
      ['Barulho no motor na partida a frio', 'O motor está fazendo um ruído estranho quando dou partida com ele frio'],
      ['Os freios estão chiando ao frear', 'Chiado nos freios toda vez que freio o carro'],
      ['Vazamento de óleo embaixo do motor', 'O motor está vazando óleo, fica uma mancha na garagem'],
      ['O ar-condicionado não gela', 'Ar condicionado não está gelando, sai só ar quente'],
      ['O consultor foi grosseiro comigo', 'Atendimento grosseiro do consultor de novo'],
      ['Volante vibrando em alta velocidade', 'Vibração forte no volante acima de 100 km/h'],
    ],
    different: [
      ['Barulho no motor na partida a frio', 'O motor não pega de manhã quando está frio'],
      ['Barulho no motor na partida a frio', 'Vazamento de óleo embaixo do motor'],
      ['Os freios estão chiando ao frear', 'Vazamento de fluido de freio na roda traseira'],
      ['O consultor foi grosseiro comigo', 'Esperei três horas pelo consultor'],
      ['O ar-condicionado não gela', 'A bateria descarrega toda noite'],
      ['A luz do líquido de arrefecimento acendeu', 'O motor superaquece no trânsito'],
    ],
  },
  es: {
    same: [
      ['El motor hace un ruido metálico al arrancar en frío', 'Se escucha un golpeteo metálico en el motor cuando lo enciendo por la mañana'],
      ['Ruido en el motor al arrancar en frío', 'El motor hace un ruido raro cuando lo arranco frío por la mañana'],
      ['Los frenos chirrían al frenar', 'Chirrido de los frenos cada vez que freno'],
      ['Fuga de aceite debajo del motor', 'El motor pierde aceite, deja una mancha en el garaje'],
      ['El aire acondicionado no enfría', 'El aire acondicionado sigue sin enfriar, sale aire caliente'],
      ['El asesor de servicio fue grosero conmigo', 'Otra vez el asesor de servicio me trató de forma grosera'],
      ['El volante vibra a alta velocidad', 'Vibración fuerte en el volante a más de 100 km/h'],
    ],
    different: [
      ['Ruido en el motor al arrancar en frío', 'El motor no arranca cuando hace frío'],
      ['Ruido en el motor al arrancar en frío', 'Fuga de aceite debajo del motor'],
      ['Los frenos chirrían al frenar', 'Fuga de líquido de frenos en la rueda trasera'],
      ['El asesor de servicio fue grosero conmigo', 'Esperé tres horas al asesor de servicio'],
      ['El aire acondicionado no enfría', 'La batería se descarga cada noche'],
      ['El volante vibra a alta velocidad', 'El motor se sobrecalienta en el tráfico'],
    ],
  },
  zh: {
    same: [
      ['刹车时车辆跑偏', '踩刹车方向跑偏'],
      ['冷启动时发动机异响', '发动机冷车启动有异响'],
      ['刹车时刹车片有尖锐的异响', '每次踩刹车都有刹车片的噪音'],
      ['发动机下面漏油', '发动机又漏油了，车库地上有油渍'],
      ['空调不制冷', '空调还是不制冷，只吹热风'],
      ['服务顾问态度很差', '服务顾问态度恶劣，对我大声说话'],
      ['高速时方向盘抖动', '车速超过一百公里方向盘抖动厉害'],
    ],
    different: [
      ['冷启动时发动机异响', '冬天发动机无法启动'],
      ['冷启动时发动机异响', '发动机下面漏油'],
      ['刹车时刹车片有尖锐的异响', '后轮刹车油泄漏'],
      ['服务顾问态度很差', '等了三个小时才接待'],
      ['空调不制冷', '电瓶每天早上没电'],
      ['高速时方向盘抖动', '发动机在堵车时过热'],
    ],
  },
  ru: {
    same: [
      ['Машину уводит вправо при торможении', 'При торможении автомобиль тянет вправо'],
      ['Шум двигателя при холодном запуске', 'Двигатель шумит, когда запускаю его на холодную'],
      ['Скрипят тормоза при торможении', 'Скрип тормозов каждый раз, когда торможу'],
      ['Течь масла под двигателем', 'Из двигателя снова течёт масло, пятно под машиной'],
      ['Кондиционер не охлаждает', 'Кондиционер всё ещё не охлаждает, дует тёплый воздух'],
      ['Мастер-приёмщик был груб со мной', 'Мастер-приёмщик опять грубил и кричал на меня'],
      ['Вибрация руля на высокой скорости', 'Руль сильно вибрирует на скорости выше 100 км/ч'],
    ],
    different: [
      ['Шум двигателя при холодном запуске', 'Двигатель не заводится в мороз'],
      ['Шум двигателя при холодном запуске', 'Течь масла под двигателем'],
      ['Скрипят тормоза при торможении', 'Течь тормозной жидкости на заднем колесе'],
      ['Мастер-приёмщик был груб со мной', 'Ждал мастера-приёмщика три часа'],
      ['Кондиционер не охлаждает', 'Аккумулятор садится каждую ночь'],
      ['Вибрация руля на высокой скорости', 'Двигатель перегревается в пробке'],
    ],
  },
};

describe('the problem text', () => {
  it('folds case, compatibility forms and accents, so spellings of one word are one term', () => {
    expect(foldText('Ruído ＮＯ Motor')).toBe('ruido no motor');
    expect(termsOf('Ruído no motor')).toEqual(termsOf('RUIDO NO MOTOR'));
    expect(termsOf('Течёт масло')).toEqual(termsOf('течет масло'));
  });

  it('names symptoms and parts by one concept in every language', () => {
    for (const text of ['engine noise', 'barulho no motor', 'ruído no motor', 'ruido en el motor', 'шум двигателя', '发动机异响']) {
      expect(termsOf(text)).toEqual(expect.arrayContaining(['ENGINE', 'NOISE']));
    }
  });

  it('does not read a concept into everyday words that only look like it', () => {
    expect(termsOf('Жду ответа в течение недели')).not.toContain('LEAK');
    expect(termsOf('Заводской брак краски')).not.toContain('START');
    expect(termsOf('Espero que resolvam a pintura')).not.toContain('WAIT');
    expect(termsOf('The fired advisor')).not.toContain('NOISE');
  });

  it('drops stop words and "again"-words, and stems what is left', () => {
    expect(termsOf('The engine is leaking again, same problem as before')).toEqual(['ENGINE', 'LEAK']);
    expect(termsOf('The paint is peeling and peeled')).toEqual(['paint', 'peel']);
  });

  it('reads Chinese as character bigrams between its particles', () => {
    expect(termsOf('车门的密封条')).toEqual(['密封', '封条', '车门']);
  });

  it('has no terms in markup-free noise or an empty text, which never matches', () => {
    expect(termsOf('')).toEqual([]);
    expect(sameProblem(sig('?'), sig('?'), THRESHOLD).same).toBe(false);
  });
});

describe.each(Object.entries(CORPUS))('same problem or not, %s', (_language, { same, different }) => {
  it.each(same)('same: "%s" ~ "%s"', (a, b) => {
    const m = sameProblem(sig(a), sig(b), THRESHOLD);
    expect(m).toMatchObject({ same: true, basis: 'TEXT' });
    expect(m.sharedTerms.length).toBeGreaterThanOrEqual(2);
  });
  it.each(different)('different: "%s" / "%s"', (a, b) => {
    const m = sameProblem(sig(a), sig(b), THRESHOLD);
    expect(m.same).toBe(false);
    expect(m.similarity).toBeLessThan(THRESHOLD);
  });
});

describe('codes', () => {
  it('normalize the way receivers type them', () => {
    expect(normalizeProblemCode(' engine-noise / cold start ')).toBe('ENGINE_NOISE_COLD_START');
    expect(normalizeProblemCode('  ')).toBeNull();
  });

  it('decide when both complaints have one, whatever the texts say', () => {
    expect(sameProblem(sig('Engine noise on cold start', 'ENGINE_NOISE'), sig('Engine noise on cold start', 'OIL_LEAK'), THRESHOLD)).toMatchObject({ same: false, basis: 'CODE', similarity: 1 });
    expect(sameProblem(sig('Noise', 'engine noise'), sig('Something completely different', 'ENGINE-NOISE'), THRESHOLD)).toMatchObject({ same: true, basis: 'CODE' });
  });

  it('leave the texts to decide when only one complaint has a code', () => {
    expect(sameProblem(sig('Engine noise on cold start', 'ENGINE_NOISE'), sig('The engine is noisy when started cold'), THRESHOLD)).toMatchObject({ same: true, basis: 'TEXT' });
    expect(sameProblem(sig('Engine noise on cold start', 'ENGINE_NOISE'), sig('The air conditioning does not cool'), THRESHOLD).same).toBe(false);
  });

  it('the type is no part of the problem: a code is the same problem under another type', () => {
    // (the type is not an input of the signature at all)
    expect(sameProblem(sig('a', 'P1'), sig('b', 'P1'), THRESHOLD).same).toBe(true);
  });
});

describe('the threshold', () => {
  it('is what the similarity is held against', () => {
    const a = sig('Engine noise on cold start since the last service');
    const b = sig('The engine makes a loud noise when I start it cold');
    const { similarity } = sameProblem(a, b, THRESHOLD);
    expect(sameProblem(a, b, similarity).same).toBe(true);
    expect(sameProblem(a, b, Math.min(1, similarity + 0.001)).same).toBe(false);
  });

  it('counts the requirements at half the weight of the content', () => {
    const withDemand = sig('Engine noise on cold start', null, 'I want a refund and a new car');
    expect(withDemand.contextTerms).toEqual(expect.arrayContaining(['refund']));
    expect(sameProblem(withDemand, sig('The engine is noisy when started cold'), THRESHOLD).same).toBe(true);
  });
});

describe('repeat keys', () => {
  it('key the subject without the problem: the VIN, and the phone', () => {
    expect(repeatKeys({ vin: ' lj166a2x1n1234567 ', phone: '+55 11 98765-4321' })).toEqual({
      stored: [
        { by: 'VIN', key: 'vin|LJ166A2X1N1234567' },
        { by: 'PHONE', key: 'phone|+5511987654321' },
      ],
      lookup: [
        { by: 'VIN', key: 'vin|LJ166A2X1N1234567' },
        { by: 'PHONE', key: 'phone-no-vin|+5511987654321' },
      ],
    });
    expect(repeatKeys({ phone: '+1 555' })).toEqual({
      stored: [
        { by: 'PHONE', key: 'phone|+1555' },
        { by: 'PHONE', key: 'phone-no-vin|+1555' },
      ],
      lookup: [{ by: 'PHONE', key: 'phone|+1555' }],
    });
    expect(repeatKeys({})).toEqual({ stored: [], lookup: [] });
    expect(repeatKeys({ vin: 'lj1 66a2x1n-1234567' }).lookup).toEqual([{ by: 'VIN', key: 'vin|LJ166A2X1N1234567' }]);
  });
});

describe('findRepeat', () => {
  const VIN = 'LJ166A2X1N1234567';
  const OTHER_VIN = 'LJ166A2X1N7654321';
  const vinKey: RepeatKey = { by: 'VIN', key: `vin|${VIN}` };
  const phoneKey: RepeatKey = { by: 'PHONE', key: 'phone|+1' };
  const noise = sig('Engine noise on cold start');
  const entry = (id: string, daysAgo: number, over: Partial<RepeatEntry> = {}): RepeatEntry => ({
    complaintId: id,
    number: `N-${id}`,
    receivedAt: new Date(now.getTime() - daysAgo * DAY),
    vin: VIN,
    problem: noise,
    ...over,
  });
  const self = (over: Partial<{ vin: string | null; problem: ReturnType<typeof sig> }> = {}) => ({ complaintId: 'x', receivedAt: now, vin: VIN, problem: sig('The engine makes a noise when started cold'), ...over });

  it('names the most recent earlier complaint on the same problem, its similarity and the shared terms', () => {
    const m = findRepeat([{ key: vinKey, entries: [entry('a', 40), entry('b', 12), entry('other', 5, { problem: sig('The air conditioning does not cool') })] }], self(), rule);
    expect(m).toMatchObject({ complaintId: 'b', by: 'VIN', basis: 'TEXT', problemCode: null });
    expect(m!.similarity).toBeGreaterThanOrEqual(THRESHOLD);
    expect(m!.sharedTerms).toEqual(expect.arrayContaining(['ENGINE', 'NOISE', 'COLD']));
    expect(m!.reason).toBe(`same VIN ${VIN} and same problem by text similarity ${m!.similarity.toFixed(2)} >= 0.6 (shared terms: ${m!.sharedTerms.join(', ')}) as complaint N-b 12 day(s) earlier (window 180 days)`);
  });

  it('never takes another problem of the same vehicle, nor the same text about another vehicle', () => {
    expect(findRepeat([{ key: vinKey, entries: [entry('ac', 3, { problem: sig('The air conditioning does not cool') })] }], self(), rule)).toBeNull();
    expect(findRepeat([{ key: phoneKey, entries: [entry('twin', 3, { vin: OTHER_VIN })] }], self(), rule)).toBeNull();
  });

  it('takes a phone match when one of the two has no VIN, and says which', () => {
    expect(findRepeat([{ key: phoneKey, entries: [entry('novin', 3, { vin: null })] }], self(), rule)?.reason).toContain('same customer phone +1 (no VIN on the earlier complaint)');
    expect(findRepeat([{ key: phoneKey, entries: [entry('withvin', 3)] }], self({ vin: null }), rule)?.reason).toContain('(no VIN on this complaint)');
  });

  it('lets codes decide when both have one', () => {
    const coded = entry('coded', 3, { problem: sig('Engine noise on cold start', 'P1') });
    expect(findRepeat([{ key: vinKey, entries: [coded] }], self({ problem: sig('Engine noise on cold start', 'P2') }), rule)).toBeNull();
    expect(findRepeat([{ key: vinKey, entries: [coded] }], self({ problem: sig('Rattle in the door', 'p1') }), rule)).toMatchObject({
      basis: 'CODE',
      problemCode: 'P1',
      problemKey: 'CODE:P1',
      reason: expect.stringContaining('same problem code P1'),
    });
  });

  it('ignores itself and anything outside the window', () => {
    expect(findRepeat([{ key: vinKey, entries: [entry('x', 0), entry('old', 181)] }], self(), rule)).toBeNull();
  });

  it('a VIN match wins a tie with a phone match', () => {
    const m = findRepeat([{ key: phoneKey, entries: [entry('p', 5, { vin: null })] }, { key: vinKey, entries: [entry('v', 5)] }], self(), rule);
    expect(m?.complaintId).toBe('v');
  });

  it('returns a match exactly when some other same-problem entry lies in the window, and it is the latest one (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), daysAgo: fc.integer({ min: -5, max: 400 }), sameText: fc.boolean() }), { maxLength: 15 }),
        fc.integer({ min: 1, max: 365 }),
        (rows, window) => {
          const entries = rows.map((r) => entry(r.id, r.daysAgo, r.sameText ? {} : { problem: sig('Rude service advisor') }));
          const m = findRepeat([{ key: vinKey, entries }], self(), { windowDays: window, threshold: THRESHOLD });
          const eligible = rows.filter((r) => r.id !== 'x' && r.daysAgo >= 0 && r.daysAgo <= window && r.sameText);
          if (!eligible.length) return m === null;
          return m !== null && Math.round((now.getTime() - m.receivedAt.getTime()) / DAY) === Math.min(...eligible.map((r) => r.daysAgo));
        },
      ),
    );
  });

  it('the window the store is asked for is the one the rule applies: its first day still matches', () => {
    const from = repeatWindowStart(now, 180);
    expect(from.toISOString()).toBe('2024-12-03T00:00:00.000Z');
    const edge = { ...entry('edge', 0), receivedAt: from };
    expect(findRepeat([{ key: vinKey, entries: [edge] }], self(), rule)?.complaintId).toBe('edge');
    const before = { ...edge, receivedAt: new Date(from.getTime() - 1) };
    expect(findRepeat([{ key: vinKey, entries: [before] }], self(), rule)).toBeNull();
  });
});
