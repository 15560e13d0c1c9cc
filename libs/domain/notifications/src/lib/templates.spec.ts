import { NotificationKinds, type NotificationKind } from './kinds';
import { Languages } from './language';
import { formatDeadline, messageHtml, renderDigest, renderMessage, type MessageFacts } from './templates';

const DUE = new Date('2025-06-10T06:30:00.000Z');
const facts = (kind: NotificationKind): MessageFacts => ({
  kind,
  reference: 'CMP-2025-000042',
  link: 'https://console.example/complaints/c-1',
  deadline: { at: DUE, timeZone: 'Asia/Shanghai' },
  vars: { cls: 'B', clock: 'FIRST_REPLY', from: 'C', to: 'A', reason: 'R-42', location: 'SC-CN-0002' },
});

describe('templates', () => {
  it.each(Languages)('every kind in %s has its own subject and action, the reference, link and every variable filled', (language) => {
    for (const kind of NotificationKinds) {
      const m = renderMessage(facts(kind), language);
      expect(m.language).toBe(language);
      expect(m.subject).not.toMatch(/\{\w+\}/);
      expect(m.body).not.toMatch(/\{\w+\}/);
      expect(m.body).toContain('https://console.example/complaints/c-1');
      if (kind !== 'SURVEY_LINK') expect(m.subject).toContain('CMP-2025-000042');
      expect(m.body).toContain(m.deadlineText!);
    }
  });

  it('is translated: no two languages share a subject or an action line', () => {
    for (const kind of NotificationKinds) {
      const rendered = Languages.map((l) => renderMessage({ ...facts(kind), deadline: null }, l));
      expect(new Set(rendered.map((m) => m.subject)).size).toBe(Languages.length);
      expect(new Set(rendered.map((m) => m.body.split('\n')[2])).size).toBe(Languages.length);
    }
  });

  it('names the clock in the language, and the reason and classes where the kind has them', () => {
    expect(renderMessage(facts('COMPLAINT_DEADLINE_WARNING'), 'zh').subject).toBe('投诉 CMP-2025-000042：首次回复即将到期');
    expect(renderMessage(facts('COMPLAINT_DEADLINE_BREACHED'), 'ru').subject).toBe('Жалоба CMP-2025-000042: срок этапа «первый ответ» нарушен');
    expect(renderMessage(facts('COMPLAINT_RECLASSIFIED'), 'pt').subject).toBe('Reclamação CMP-2025-000042 reclassificada de C para A');
    expect(renderMessage(facts('COMPLAINT_POSTPONED'), 'es').body).toContain('Motivo indicado: R-42');
    expect(renderMessage(facts('COMPLAINT_TRANSFERRED'), 'ar').subject).toBe('تم تحويل الشكوى CMP-2025-000042 (الفئة B) إليك');
    expect(renderMessage(facts('COMPLAINT_TRANSFERRED'), 'en').body).toBe(
      [
        'Complaint CMP-2025-000042 (class B) transferred to you',
        '',
        'What to do: Sign the complaint and send the customer the first reply before the deadline.',
        'Deadline: Tuesday, June 10, 2025 at 2:30 PM (China Standard Time, Asia/Shanghai)',
        'Open: https://console.example/complaints/c-1',
      ].join('\n'),
    );
  });

  it('says in words which level a rescue went up to and why, in every language', () => {
    const escalated = (to: string, reason: string): MessageFacts => ({ ...facts('RESCUE_ESCALATED'), reference: 'rs-1', vars: { to, reason } });
    expect(renderMessage(escalated('REGION', 'NO_QUALIFIED_CREW'), 'en').subject).toBe('Rescue rs-1 escalated to you (regional level): no qualified crew is free');
    expect(renderMessage(escalated('HQ', 'DEADLINE_MISSED'), 'zh').subject).toBe('救援 rs-1 已升级至您（总部级）：上一级未在派工截止时间前派出');
    expect(renderMessage(escalated('REGION', 'ARRIVAL_TARGET'), 'pt').subject).toBe('Resgate rs-1 escalado para você (nível regional): a equipe chegaria depois do tempo-alvo');
    for (const language of Languages) {
      const subject = renderMessage(escalated('HQ', 'NEEDS_EXPERT'), language).subject;
      expect({ language, codes: /HQ\b|NEEDS_EXPERT/.test(subject.replace('rs-1', '')) }).toEqual({ language, codes: language === 'en' });
    }
  });

  it('writes the deadline in the center zone, in each language date format, the zone named', () => {
    expect(formatDeadline(DUE, 'Asia/Shanghai', 'zh')).toBe('2025年6月10日星期二 14:30 (中国标准时间, Asia/Shanghai)');
    expect(formatDeadline(DUE, 'America/Sao_Paulo', 'pt')).toBe('terça-feira, 10 de junho de 2025 às 03:30 (Horário Padrão de Brasília, America/Sao_Paulo)');
    expect(formatDeadline(DUE, 'Europe/Madrid', 'es')).toMatch(/^martes, 10 de junio de 2025, 8:30 \(hora de verano de Europa central, Europe\/Madrid\)$/);
    expect(formatDeadline(DUE, 'Europe/Moscow', 'ru')).toMatch(/^вторник, 10 июня 2025 г\.(,| в) 09:30 \(Москва, стандартное время, Europe\/Moscow\)$/);
    expect(formatDeadline(DUE, 'Asia/Riyadh', 'ar')).toBe('الثلاثاء، 10 يونيو 2025 في 9:30 ص (التوقيت العربي الرسمي, Asia/Riyadh)');
  });

  it('collects a day of messages into one digest', () => {
    const items = [renderMessage(facts('LEAD_CREATED'), 'es'), renderMessage(facts('PART_CLASS_CHANGED'), 'es')];
    const d = renderDigest(items, 'es');
    expect(d.subject).toBe('Su resumen diario: 2 notificaciones');
    expect(d.body).toContain(items[0]!.body);
    expect(d.body).toContain(items[1]!.body);
  });

  it('gives e-mails an HTML part in the language direction, escaped, with the links clickable', () => {
    const ar = messageHtml(renderMessage(facts('SURVEY_LINK'), 'ar').body, 'ar');
    expect(ar).toContain('<html lang="ar" dir="rtl">');
    expect(ar).toContain('<a href="https://console.example/complaints/c-1">https://console.example/complaints/c-1</a>');
    expect(messageHtml('a <b> & https://x.example/?a=1&b=2', 'en')).toContain(
      '<html lang="en" dir="ltr"><body><div style="white-space: pre-wrap">a &lt;b&gt; &amp; <a href="https://x.example/?a=1&amp;b=2">https://x.example/?a=1&amp;b=2</a></div>',
    );
  });
});
