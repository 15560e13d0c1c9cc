import { checkReply, type ReplyDraft } from './checker';
import type { Language, NotAcceptedKind } from './phrases';

const now = new Date('2026-03-03T08:00:00Z');
const complete: ReplyDraft = {
  responsiblePerson: 'Wang Fang',
  handledAt: new Date('2026-03-02T06:00:00Z'),
  procedure: 'Inspected the gearbox with the customer and replaced the transmission assembly',
  result: 'Transmission assembly replaced, third gear works, customer satisfied',
  verifiedBy: 'Liu Qiang',
  verifiedAt: new Date('2026-03-02T09:00:00Z'),
  customerAccepts: true,
  followUpPossible: true,
};

const kinds = (draft: ReplyDraft, complaintText?: string) =>
  checkReply(draft, { now, complaintText }).issues.map((i) => i.kind);

describe('reply completeness (the five elements)', () => {
  it('accepts a complete reply', () => {
    expect(checkReply(complete, { now })).toEqual({ accepted: true, complete: true, missingElements: [], issues: [] });
  });

  it('returns every missing element at once, naming field and rule', () => {
    const verdict = checkReply({ result: 'Gearbox replaced' }, { now });
    expect(verdict.accepted).toBe(false);
    expect(verdict.missingElements).toEqual([
      'RESPONSIBLE_PERSON_AND_TIME',
      'PROCEDURE_AND_RESULT',
      'VERIFIER_AND_TIME',
      'CUSTOMER_ACCEPTANCE',
      'FOLLOW_UP_POSSIBILITY',
    ]);
    expect(verdict.issues.map((i) => `${i.field}:${i.rule}`)).toEqual([
      'responsiblePerson:required',
      'handledAt:required',
      'procedure:required',
      'verifiedBy:required',
      'verifiedAt:required',
      'customerAccepts:required',
      'followUpPossible:required',
    ]);
  });

  it.each<[string, ReplyDraft, string]>([
    ['handling in the future', { ...complete, handledAt: new Date('2026-03-04T00:00:00Z') }, 'handledAt:notInFuture'],
    ['verified before handled', { ...complete, verifiedAt: new Date('2026-03-02T05:00:00Z') }, 'verifiedAt:afterHandling'],
    ['verified by the handler', { ...complete, verifiedBy: ' wang fang ' }, 'verifiedBy:differentPerson'],
    ['no follow-up without a reason', { ...complete, followUpPossible: false }, 'noFollowUpReason:required'],
    ['customer acceptance unknown', { ...complete, customerAccepts: null }, 'customerAccepts:required'],
  ])('%s', (_name, draft, expected) => {
    const verdict = checkReply(draft, { now });
    expect(verdict.accepted).toBe(false);
    expect(verdict.issues.map((i) => `${i.field}:${i.rule}`)).toEqual([expected]);
  });

  it('handling before distribution is refused', () => {
    const verdict = checkReply(complete, { now, distributedAt: new Date('2026-03-02T07:00:00Z') });
    expect(verdict.issues.map((i) => i.rule)).toEqual(['afterDistribution']);
  });

  it('a procedure without a result is its own kind', () => {
    expect(kinds({ ...complete, result: '' })).toEqual(['PROCEDURE_WITHOUT_RESULT']);
  });

  it('no follow-up with a special reason is complete; legal process skips the element', () => {
    expect(checkReply({ ...complete, followUpPossible: false, noFollowUpReason: 'customer asked not to be called' }, { now }).accepted).toBe(true);
    expect(checkReply({ ...complete, followUpPossible: null }, { now, mandatory: 'LEGAL_OR_RISK_CONTROL' }).accepted).toBe(true);
  });
});

type Row = [Language, string, NotAcceptedKind[]];

/** Result wordings per language and the not-accepted kinds they must raise (all other elements complete). */
const TABLE: Row[] = [
  ['en', 'Done', ['INCOMPLETE']],
  ['en', 'Already contacted the customer', ['NOT_FINAL']],
  ['en', 'The technician is on the way', ['NOT_FINAL']],
  ['en', 'We recommend the XX department handles it', ['NOT_ANSWERING']],
  ['en', 'Already reported to the quality department', ['NOT_ANSWERING']],
  ['en', 'We do not supply this part', ['DENIAL_WITHOUT_COMMUNICATION']],
  ['en', 'Spare parts will arrive the day after tomorrow', ['NOT_FINAL', 'PROCEDURE_WITHOUT_RESULT']],
  ['en', 'Under process of handling', ['PROCEDURE_WITHOUT_RESULT']],
  ['en', 'Already contacted the customer, replaced the clutch, customer satisfied', []],
  ['pt', 'Feito.', ['INCOMPLETE']],
  ['pt', 'Já contatado o cliente', ['NOT_FINAL']],
  ['pt', 'O técnico está a caminho', ['NOT_FINAL']],
  ['pt', 'Recomendamos que o departamento de qualidade resolva', ['NOT_ANSWERING']],
  ['pt', 'Não fornecemos este tipo de peça', ['DENIAL_WITHOUT_COMMUNICATION']],
  ['pt', 'As peças chegarão depois de amanhã', ['NOT_FINAL', 'PROCEDURE_WITHOUT_RESULT']],
  ['pt', 'Embreagem substituída, cliente satisfeito', []],
  ['es', 'Hecho', ['INCOMPLETE']],
  ['es', 'Ya contactamos al cliente', ['NOT_FINAL']],
  ['es', 'El técnico está en camino', ['NOT_FINAL']],
  ['es', 'Ya reportado al departamento de calidad', ['NOT_ANSWERING']],
  ['es', 'No suministramos este tipo de repuesto', ['DENIAL_WITHOUT_COMMUNICATION']],
  ['es', 'El repuesto llegará pasado mañana', ['NOT_FINAL', 'PROCEDURE_WITHOUT_RESULT']],
  ['es', 'Embrague reemplazado, cliente satisfecho', []],
  ['zh', '已完成', ['INCOMPLETE']],
  ['zh', '已经联系客户', ['NOT_FINAL']],
  ['zh', '服务人员在路上', ['NOT_FINAL']],
  ['zh', '建议由质量部门处理', ['NOT_ANSWERING']],
  ['zh', '不供应此类配件', ['DENIAL_WITHOUT_COMMUNICATION']],
  ['zh', '配件后天到货', ['PROCEDURE_WITHOUT_RESULT']],
  ['zh', '已更换变速箱总成，客户满意', []],
  ['ru', 'Сделано', ['INCOMPLETE']],
  ['ru', 'Уже связались с клиентом', ['NOT_FINAL']],
  ['ru', 'Механик в пути', ['NOT_FINAL']],
  ['ru', 'Рекомендуем обратиться в отдел качества', ['NOT_ANSWERING']],
  ['ru', 'Мы не поставляем такие запчасти', ['DENIAL_WITHOUT_COMMUNICATION']],
  ['ru', 'Запчасти поступят послезавтра', ['PROCEDURE_WITHOUT_RESULT']],
  ['ru', 'Сцепление заменено, клиент доволен', []],
];

describe.each(['en', 'pt', 'es', 'zh', 'ru'] as Language[])('not-accepted phrases in %s', (language) => {
  it.each(TABLE.filter(([l]) => l === language).map(([, text, expected]) => [text, expected] as const))('"%s" -> %j', (text, expected) => {
    // The customer did not accept: a denial then counts as "without communication".
    const verdict = checkReply({ ...complete, result: text, customerAccepts: false }, { now });
    expect([...new Set(verdict.issues.map((i) => i.kind))]).toEqual(expected);
    expect(verdict.accepted).toBe(expected.length === 0);
    if (expected.length) expect(verdict.issues.map((i) => i.language)).toContain(language);
  });
});

describe('excuses and denials depend on the complaint and the customer', () => {
  const attitude: Record<Language, [string, string]> = {
    en: ['The service advisor was rude and insulted me', 'The part is out of warranty'],
    pt: ['O consultor foi grosseiro comigo', 'A peça está fora da garantia'],
    es: ['El asesor fue grosero conmigo', 'La pieza está fuera de garantía'],
    zh: ['服务顾问态度恶劣，辱骂客户', '该配件已过保修期'],
    ru: ['Мастер грубил и оскорблял меня', 'Срок гарантии истек'],
  };

  it.each(Object.entries(attitude))('%s: an unrelated warranty excuse is refused, a warranty complaint may discuss it', (_lang, [complaint, excuse]) => {
    const draft = { ...complete, procedure: `Checked the file. ${excuse}` };
    expect(kinds(draft, complaint)).toEqual(['IRRELEVANT_EXCUSE']);
    expect(kinds(draft, `${complaint} warranty garantia 保修 гарантия`)).toEqual([]);
  });

  it('a denial the customer accepted after it was explained is not "without communication"', () => {
    expect(kinds({ ...complete, result: 'We do not supply this part; explained the alternative', customerAccepts: false })).toEqual([
      'DENIAL_WITHOUT_COMMUNICATION',
    ]);
    expect(kinds({ ...complete, result: 'We do not supply this part; explained the alternative', customerAccepts: true })).toEqual([]);
  });

  it('"done" in the procedure and the result are both reported', () => {
    expect(checkReply({ ...complete, procedure: 'ok', result: 'done!' }, { now }).issues.map((i) => `${i.kind}:${i.field}`)).toEqual([
      'INCOMPLETE:result',
      'INCOMPLETE:procedure',
    ]);
  });
});

describe('final result, judged sentence by sentence', () => {
  const notFinal = (result: string, procedure = complete.procedure) =>
    checkReply({ ...complete, procedure, result }, { now }).issues.filter((i) => i.kind === 'NOT_FINAL' || i.kind === 'PROCEDURE_WITHOUT_RESULT');

  it.each<[Language, string, string]>([
    ['en', 'The pads will be replaced when the parts arrive the day after tomorrow.', 'will be replaced'],
    ['pt', 'As pastilhas serão substituídas quando as peças chegarem.', 'serao substituidas'],
    ['es', 'Las pastillas serán reemplazadas cuando lleguen los repuestos.', 'seran reemplazadas'],
    ['zh', '刹车片将更换，待配件到货后更换。', '将更换'],
    ['ru', 'Колодки будут заменены после поступления запчастей.', 'будут заменены'],
  ])('%s: a repair verb in the promise does not make it final', (language, result, phrase) => {
    const [issue, ...rest] = notFinal(result);
    expect(issue).toMatchObject({ kind: 'NOT_FINAL', field: 'result', language, phrase, sentence: result });
    expect(issue!.message).toContain(result);
    expect(rest.every((i) => i.sentence === result)).toBe(true);
  });

  it('a past fix in one sentence does not clear a promise in another, and only the promise is named', () => {
    const issues = notFinal('Front pads replaced, customer satisfied. The rear discs will be replaced next week。客户满意！');
    expect(issues.map((i) => i.sentence)).toEqual(['The rear discs will be replaced next week。']);
  });

  it('Chinese sentence punctuation splits sentences: 。！？；', () => {
    expect(notFinal('刹车片已更换；客户满意！散热器尚未更换？').map((i) => i.sentence)).toEqual(['散热器尚未更换？']);
  });

  it('the follow-up call the seed requires does not make a final reply not final', () => {
    expect(notFinal('Pads replaced, customer satisfied. The customer agreed to a follow-up call next week.')).toEqual([]);
    expect(notFinal('已更换刹车片，客户满意。服务顾问将在三天后回访。')).toEqual([]);
    expect(notFinal('Колодки заменены, клиент доволен. Контрольный звонок запланирован на пятницу.')).toEqual([]);
  });

  it('but a follow-up sentence alone is no result, and a follow-up that carries the fix is a promise', () => {
    expect(notFinal('The customer agreed to a follow-up call next week.').map((i) => i.kind)).toEqual(['NOT_FINAL']);
    expect(notFinal('Pads replaced. At the follow-up visit we will replace the discs.').map((i) => i.phrase)).toEqual(['will replace']);
    expect(notFinal('Pads replaced. Disc replacement booked for Thursday, and a follow-up call after it.').map((i) => i.phrase)).toEqual([
      'replacement booked for',
    ]);
  });

  it('a recurrence clause is not a promise; "persists" after a trial fix is', () => {
    expect(notFinal('Bracket repaired. If the noise returns, the customer will bring the car back and we will inspect it again.')).toEqual([]);
    expect(notFinal('Bracket repaired; if the noise persists we will replace the exhaust.').length).toBe(1);
  });

  it('interim steps are cleared only by an outcome in the result, and a condition only by an outcome in its own sentence', () => {
    expect(notFinal('Already contacted the customer.', 'Replaced the clutch.').map((i) => i.field)).toEqual(['result']);
    expect(notFinal('Clutch replaced, customer satisfied.', 'Already contacted the customer. Ordered the clutch kit.')).toEqual([]);
    expect(notFinal('After the parts arrived they were fitted; customer satisfied.')).toEqual([]);
    expect(notFinal('配件到货后更换。').map((i) => i.phrase)).toEqual(['到货后']);
  });

  it('a promise in the procedure returns the reply too', () => {
    const issues = notFinal('Customer satisfied.', 'Inspected the brakes; the pads will be replaced when the parts arrive.');
    expect(issues.map((i) => `${i.kind}:${i.field}`)).toEqual(['NOT_FINAL:procedure', 'PROCEDURE_WITHOUT_RESULT:procedure']);
  });
});

describe('the procedure narrates past steps', () => {
  it.each<[string, string]>([
    ['Called the customer, booked an appointment for Monday, replaced the pads.', 'Replaced the brake pads on 2 March; test drive OK; customer satisfied.'],
    ['Ligamos para o cliente e agendamos para segunda-feira; substituímos as pastilhas.', 'Pastilhas de freio substituídas em 02/03; teste de rodagem ok; cliente satisfeito.'],
    ['Llamamos al cliente y agendamos una cita para el lunes; cambiamos las pastillas.', 'Se sustituyeron las pastillas de freno el 2 de marzo; prueba de ruta correcta; cliente satisfecho.'],
    ['电话联系客户，预约周一进站，更换刹车片。', '3月2日更换刹车片，试车正常，客户满意。'],
    ['Позвонили клиенту, записали на понедельник, заменили колодки.', '2 марта заменили тормозные колодки, тест-драйв пройден, клиент доволен.'],
  ])('a booked date in the procedure beside an outcome in the result is final: %s', (procedure, result) => {
    expect(checkReply({ ...complete, procedure, result }, { now }).issues).toEqual([]);
  });

  it('an outright promise in the procedure still returns the reply', () => {
    const verdict = checkReply({ ...complete, procedure: 'Inspected the brakes; the pads will be replaced when the parts arrive.', result: 'Customer satisfied.' }, { now });
    expect(verdict.issues.map((i) => `${i.kind}:${i.field}:${i.phrase}`)).toEqual(['NOT_FINAL:procedure:will be replaced', 'PROCEDURE_WITHOUT_RESULT:procedure:parts arrive']);
  });
});
