import escapeHtml from 'escape-html';
import type { NotificationKind } from './kinds';
import type { Language } from './language';

/** Everything a message says, in no language yet. */
export interface MessageFacts {
  kind: NotificationKind;
  /** The object's number or id as people know it (complaint number, job order, lead, part number). */
  reference: string;
  /** Where to open the object (console deep link, or the survey link for a customer). */
  link: string;
  /** The deadline the recipient has to meet, shown in this time zone. */
  deadline?: { at: Date; timeZone: string } | null;
  /** Kind-specific words: complaint class, clock, the classes before and after, reason, location. */
  vars?: Partial<Record<'cls' | 'clock' | 'from' | 'to' | 'reason' | 'location', string>>;
}

export interface RenderedMessage {
  language: Language;
  subject: string;
  /** Plain text: e-mail body, SMS text and the inbox item's body. */
  body: string;
  /** The deadline as written in the message (local date and time, zone named), or null. */
  deadlineText: string | null;
}

interface Phrases {
  labels: { deadline: string; todo: string; open: string };
  digest: string;
  clocks: Record<string, string>;
  /** The emergency plan's levels and why a rescue went up (RescueEscalated.v1's codes), in words. */
  levels: Record<string, string>;
  escalationReasons: Record<string, string>;
  kinds: Record<NotificationKind, { subject: string; action: string }>;
}

const PHRASES: Record<Language, Phrases> = {
  en: {
    labels: { deadline: 'Deadline', todo: 'What to do', open: 'Open' },
    digest: 'Your daily summary: {count} notifications',
    clocks: {
      FORWARD: 'forwarding',
      FIRST_REPLY: 'first reply',
      SOLUTION: 'solution',
      CUSTOMER_CONTACT: 'customer contact',
      FIRST_PROGRESS: 'first progress report',
      PROGRESS: 'progress report',
      CLOSE: 'closure',
    },
    levels: { DEALER: 'dealer', REGION: 'regional', HQ: 'HQ' },
    escalationReasons: { NO_QUALIFIED_CREW: 'no qualified crew is free', ARRIVAL_TARGET: 'the crew would arrive after the target time', NEEDS_EXPERT: 'the fault needs an expert', DEADLINE_MISSED: 'the previous level missed its dispatch deadline' },
    kinds: {
      COMPLAINT_TRANSFERRED: {
        subject: 'Complaint {ref} (class {cls}) transferred to you',
        action: 'Sign the complaint and send the customer the first reply before the deadline.',
      },
      COMPLAINT_DEADLINE_WARNING: { subject: 'Complaint {ref}: {clock} deadline approaching', action: 'Complete the {clock} step before the deadline.' },
      COMPLAINT_DEADLINE_BREACHED: { subject: 'Complaint {ref}: {clock} deadline missed', action: 'Complete the {clock} step now and record the reason for the delay.' },
      COMPLAINT_POSTPONED: { subject: 'Complaint {ref}: solution deadline postponed', action: 'Deliver the solution by the new deadline. Reason given: {reason}' },
      COMPLAINT_RECLASSIFIED: {
        subject: 'Complaint {ref} reclassified from {from} to {to}',
        action: "Check the complaint's new deadlines and recipients. Reason: {reason}",
      },
      JOB_ORDER_SLA_WARNING: { subject: 'Job order {ref}: {clock} deadline approaching', action: 'Contact the customer or report progress before the deadline.' },
      JOB_ORDER_ESCALATED: { subject: 'Job order {ref} escalated to the service department', action: 'Take over the job order: contact the dealer and the customer.' },
      RESCUE_ESCALATED: { subject: 'Rescue {ref} escalated to you ({to} level): {reason}', action: 'Dispatch a qualified crew of two or more from an outlet you cover before the deadline.' },
      EXPERT_QUESTION: { subject: 'Technical question {ref} for your experts (fault {cls})', action: 'Answer the question before the deadline; the answer joins the knowledge list.' },
      LEAD_CREATED: { subject: 'New lead {ref} for your dealership', action: 'Call the customer and record the outcome of the lead.' },
      SURVEY_LINK: { subject: 'Tell us about your service visit', action: 'Please answer our short survey before the link expires.' },
      PART_CLASS_CHANGED: { subject: 'Part {ref} moved to class {to} at {location}', action: 'Review the stock level and reorder point of this part.' },
    },
  },
  zh: {
    labels: { deadline: '截止时间', todo: '需要处理', open: '打开' },
    digest: '每日汇总：{count} 条通知',
    clocks: {
      FORWARD: '转交',
      FIRST_REPLY: '首次回复',
      SOLUTION: '解决方案',
      CUSTOMER_CONTACT: '联系客户',
      FIRST_PROGRESS: '首次进度报告',
      PROGRESS: '进度报告',
      CLOSE: '关闭',
    },
    levels: { DEALER: '经销商', REGION: '区域', HQ: '总部' },
    escalationReasons: { NO_QUALIFIED_CREW: '没有空闲的合格救援人员', ARRIVAL_TARGET: '预计到达时间超过目标', NEEDS_EXPERT: '故障需要专家处理', DEADLINE_MISSED: '上一级未在派工截止时间前派出' },
    kinds: {
      COMPLAINT_TRANSFERRED: { subject: '投诉 {ref}（{cls} 类）已转交给您', action: '请签收投诉，并在截止时间前给客户首次回复。' },
      COMPLAINT_DEADLINE_WARNING: { subject: '投诉 {ref}：{clock}即将到期', action: '请在截止时间前完成{clock}。' },
      COMPLAINT_DEADLINE_BREACHED: { subject: '投诉 {ref}：{clock}已超时', action: '请立即完成{clock}，并记录延误原因。' },
      COMPLAINT_POSTPONED: { subject: '投诉 {ref}：解决方案截止时间已延期', action: '请在新的截止时间前提交解决方案。延期原因：{reason}' },
      COMPLAINT_RECLASSIFIED: { subject: '投诉 {ref} 已由 {from} 类改为 {to} 类', action: '请查看投诉新的截止时间和处理人。原因：{reason}' },
      JOB_ORDER_SLA_WARNING: { subject: '工单 {ref}：{clock}即将到期', action: '请在截止时间前联系客户或汇报进度。' },
      JOB_ORDER_ESCALATED: { subject: '工单 {ref} 已升级至服务部', action: '请接手该工单：联系经销商和客户。' },
      RESCUE_ESCALATED: { subject: '救援 {ref} 已升级至您（{to}级）：{reason}', action: '请在截止时间前从您负责的网点派出至少两名合格救援人员。' },
      EXPERT_QUESTION: { subject: '技术问题 {ref} 请专家解答（故障 {cls}）', action: '请在截止时间前答复；答复将收入知识库。' },
      LEAD_CREATED: { subject: '您的经销店有新线索 {ref}', action: '请致电客户并记录线索跟进结果。' },
      SURVEY_LINK: { subject: '请评价您的售后服务体验', action: '请在链接失效前完成简短问卷。' },
      PART_CLASS_CHANGED: { subject: '零件 {ref} 在 {location} 调整为 {to} 类', action: '请检查该零件的库存水平和再订货点。' },
    },
  },
  pt: {
    labels: { deadline: 'Prazo', todo: 'O que fazer', open: 'Abrir' },
    digest: 'Seu resumo diário: {count} notificações',
    clocks: {
      FORWARD: 'encaminhamento',
      FIRST_REPLY: 'primeira resposta',
      SOLUTION: 'solução',
      CUSTOMER_CONTACT: 'contato com o cliente',
      FIRST_PROGRESS: 'primeiro relatório de andamento',
      PROGRESS: 'relatório de andamento',
      CLOSE: 'encerramento',
    },
    levels: { DEALER: 'concessionária', REGION: 'regional', HQ: 'matriz' },
    escalationReasons: { NO_QUALIFIED_CREW: 'nenhuma equipe qualificada disponível', ARRIVAL_TARGET: 'a equipe chegaria depois do tempo-alvo', NEEDS_EXPERT: 'a falha exige um especialista', DEADLINE_MISSED: 'o nível anterior perdeu o prazo de despacho' },
    kinds: {
      COMPLAINT_TRANSFERRED: {
        subject: 'Reclamação {ref} (classe {cls}) transferida para você',
        action: 'Assine a reclamação e envie a primeira resposta ao cliente antes do prazo.',
      },
      COMPLAINT_DEADLINE_WARNING: { subject: 'Reclamação {ref}: prazo de {clock} se aproximando', action: 'Conclua a etapa de {clock} antes do prazo.' },
      COMPLAINT_DEADLINE_BREACHED: { subject: 'Reclamação {ref}: prazo de {clock} vencido', action: 'Conclua a etapa de {clock} agora e registre o motivo do atraso.' },
      COMPLAINT_POSTPONED: { subject: 'Reclamação {ref}: prazo da solução adiado', action: 'Entregue a solução até o novo prazo. Motivo informado: {reason}' },
      COMPLAINT_RECLASSIFIED: {
        subject: 'Reclamação {ref} reclassificada de {from} para {to}',
        action: 'Verifique os novos prazos e destinatários da reclamação. Motivo: {reason}',
      },
      JOB_ORDER_SLA_WARNING: { subject: 'Ordem de trabalho {ref}: prazo de {clock} se aproximando', action: 'Contate o cliente ou informe o andamento antes do prazo.' },
      JOB_ORDER_ESCALATED: {
        subject: 'Ordem de trabalho {ref} escalada para o departamento de serviço',
        action: 'Assuma a ordem de trabalho: contate a concessionária e o cliente.',
      },
      RESCUE_ESCALATED: { subject: 'Resgate {ref} escalado para você (nível {to}): {reason}', action: 'Despache uma equipe qualificada de duas ou mais pessoas de uma unidade sob sua responsabilidade antes do prazo.' },
      EXPERT_QUESTION: { subject: 'Pergunta técnica {ref} para os seus especialistas (falha {cls})', action: 'Responda antes do prazo; a resposta entra na base de conhecimento.' },
      LEAD_CREATED: { subject: 'Novo lead {ref} para sua concessionária', action: 'Ligue para o cliente e registre o resultado do lead.' },
      SURVEY_LINK: { subject: 'Conte-nos como foi o seu atendimento', action: 'Responda à nossa breve pesquisa antes que o link expire.' },
      PART_CLASS_CHANGED: { subject: 'Peça {ref} passou para a classe {to} em {location}', action: 'Revise o nível de estoque e o ponto de pedido desta peça.' },
    },
  },
  es: {
    labels: { deadline: 'Plazo', todo: 'Qué hacer', open: 'Abrir' },
    digest: 'Su resumen diario: {count} notificaciones',
    clocks: {
      FORWARD: 'reenvío',
      FIRST_REPLY: 'primera respuesta',
      SOLUTION: 'solución',
      CUSTOMER_CONTACT: 'contacto con el cliente',
      FIRST_PROGRESS: 'primer informe de avance',
      PROGRESS: 'informe de avance',
      CLOSE: 'cierre',
    },
    levels: { DEALER: 'concesionario', REGION: 'regional', HQ: 'sede central' },
    escalationReasons: { NO_QUALIFIED_CREW: 'no hay un equipo calificado disponible', ARRIVAL_TARGET: 'el equipo llegaría después del tiempo objetivo', NEEDS_EXPERT: 'la falla requiere un experto', DEADLINE_MISSED: 'el nivel anterior no despachó antes del plazo' },
    kinds: {
      COMPLAINT_TRANSFERRED: {
        subject: 'Reclamación {ref} (clase {cls}) transferida a usted',
        action: 'Firme la reclamación y envíe la primera respuesta al cliente antes del plazo.',
      },
      COMPLAINT_DEADLINE_WARNING: { subject: 'Reclamación {ref}: se acerca el plazo de {clock}', action: 'Complete la etapa de {clock} antes del plazo.' },
      COMPLAINT_DEADLINE_BREACHED: { subject: 'Reclamación {ref}: plazo de {clock} vencido', action: 'Complete la etapa de {clock} ahora y registre el motivo del retraso.' },
      COMPLAINT_POSTPONED: { subject: 'Reclamación {ref}: plazo de la solución aplazado', action: 'Entregue la solución antes del nuevo plazo. Motivo indicado: {reason}' },
      COMPLAINT_RECLASSIFIED: {
        subject: 'Reclamación {ref} reclasificada de {from} a {to}',
        action: 'Revise los nuevos plazos y destinatarios de la reclamación. Motivo: {reason}',
      },
      JOB_ORDER_SLA_WARNING: { subject: 'Orden de trabajo {ref}: se acerca el plazo de {clock}', action: 'Contacte al cliente o informe el avance antes del plazo.' },
      JOB_ORDER_ESCALATED: {
        subject: 'Orden de trabajo {ref} escalada al departamento de servicio',
        action: 'Hágase cargo de la orden de trabajo: contacte al concesionario y al cliente.',
      },
      RESCUE_ESCALATED: { subject: 'Rescate {ref} escalado a usted (nivel {to}): {reason}', action: 'Envíe un equipo calificado de dos o más personas desde un punto de servicio a su cargo antes del plazo.' },
      EXPERT_QUESTION: { subject: 'Consulta técnica {ref} para sus expertos (falla {cls})', action: 'Responda antes del plazo; la respuesta se añade a la base de conocimiento.' },
      LEAD_CREATED: { subject: 'Nuevo cliente potencial {ref} para su concesionario', action: 'Llame al cliente y registre el resultado del seguimiento.' },
      SURVEY_LINK: { subject: 'Cuéntenos cómo fue su servicio', action: 'Responda a nuestra breve encuesta antes de que el enlace caduque.' },
      PART_CLASS_CHANGED: { subject: 'La pieza {ref} pasó a la clase {to} en {location}', action: 'Revise el nivel de stock y el punto de pedido de esta pieza.' },
    },
  },
  ru: {
    labels: { deadline: 'Срок', todo: 'Что сделать', open: 'Открыть' },
    digest: 'Ежедневная сводка: уведомлений — {count}',
    clocks: {
      FORWARD: 'передача',
      FIRST_REPLY: 'первый ответ',
      SOLUTION: 'решение',
      CUSTOMER_CONTACT: 'связь с клиентом',
      FIRST_PROGRESS: 'первый отчёт о ходе работ',
      PROGRESS: 'отчёт о ходе работ',
      CLOSE: 'закрытие',
    },
    levels: { DEALER: 'дилер', REGION: 'регион', HQ: 'головной офис' },
    escalationReasons: { NO_QUALIFIED_CREW: 'нет свободной квалифицированной бригады', ARRIVAL_TARGET: 'бригада прибудет позже целевого времени', NEEDS_EXPERT: 'неисправность требует эксперта', DEADLINE_MISSED: 'предыдущий уровень не отправил бригаду в срок' },
    kinds: {
      COMPLAINT_TRANSFERRED: { subject: 'Жалоба {ref} (класс {cls}) передана вам', action: 'Подпишите жалобу и отправьте клиенту первый ответ до истечения срока.' },
      COMPLAINT_DEADLINE_WARNING: { subject: 'Жалоба {ref}: истекает срок этапа «{clock}»', action: 'Завершите этап «{clock}» до истечения срока.' },
      COMPLAINT_DEADLINE_BREACHED: { subject: 'Жалоба {ref}: срок этапа «{clock}» нарушен', action: 'Немедленно завершите этап «{clock}» и укажите причину задержки.' },
      COMPLAINT_POSTPONED: { subject: 'Жалоба {ref}: срок решения перенесён', action: 'Предоставьте решение до нового срока. Указанная причина: {reason}' },
      COMPLAINT_RECLASSIFIED: { subject: 'Жалоба {ref} переведена из класса {from} в класс {to}', action: 'Проверьте новые сроки и получателей жалобы. Причина: {reason}' },
      JOB_ORDER_SLA_WARNING: { subject: 'Заявка {ref}: истекает срок этапа «{clock}»', action: 'Свяжитесь с клиентом или сообщите о ходе работ до истечения срока.' },
      JOB_ORDER_ESCALATED: { subject: 'Заявка {ref} передана в сервисный отдел', action: 'Возьмите заявку в работу: свяжитесь с дилером и клиентом.' },
      RESCUE_ESCALATED: { subject: 'Выезд помощи {ref} передан вам (уровень {to}): {reason}', action: 'Отправьте квалифицированную бригаду не менее чем из двух человек с подконтрольной точки до истечения срока.' },
      EXPERT_QUESTION: { subject: 'Технический вопрос {ref} для ваших экспертов (неисправность {cls})', action: 'Ответьте до истечения срока; ответ попадёт в базу знаний.' },
      LEAD_CREATED: { subject: 'Новый лид {ref} для вашего дилерского центра', action: 'Позвоните клиенту и зафиксируйте результат.' },
      SURVEY_LINK: { subject: 'Расскажите нам о вашем визите в сервис', action: 'Пожалуйста, ответьте на короткий опрос, пока ссылка действительна.' },
      PART_CLASS_CHANGED: { subject: 'Деталь {ref} переведена в класс {to} ({location})', action: 'Проверьте уровень запаса и точку повторного заказа этой детали.' },
    },
  },
  ar: {
    labels: { deadline: 'الموعد النهائي', todo: 'المطلوب', open: 'فتح' },
    digest: 'ملخصك اليومي: {count} إشعارات',
    clocks: {
      FORWARD: 'الإحالة',
      FIRST_REPLY: 'الرد الأول',
      SOLUTION: 'الحل',
      CUSTOMER_CONTACT: 'التواصل مع العميل',
      FIRST_PROGRESS: 'أول تقرير تقدم',
      PROGRESS: 'تقرير التقدم',
      CLOSE: 'الإغلاق',
    },
    levels: { DEALER: 'الوكيل', REGION: 'الإقليمي', HQ: 'المقر الرئيسي' },
    escalationReasons: { NO_QUALIFIED_CREW: 'لا يوجد فريق مؤهل متاح', ARRIVAL_TARGET: 'سيصل الفريق بعد الوقت المستهدف', NEEDS_EXPERT: 'العطل يحتاج إلى خبير', DEADLINE_MISSED: 'المستوى السابق لم يرسل فريقًا قبل الموعد النهائي' },
    kinds: {
      COMPLAINT_TRANSFERRED: { subject: 'تم تحويل الشكوى {ref} (الفئة {cls}) إليك', action: 'وقّع على الشكوى وأرسل الرد الأول إلى العميل قبل الموعد النهائي.' },
      COMPLAINT_DEADLINE_WARNING: { subject: 'الشكوى {ref}: اقترب الموعد النهائي لمرحلة {clock}', action: 'أكمل مرحلة {clock} قبل الموعد النهائي.' },
      COMPLAINT_DEADLINE_BREACHED: { subject: 'الشكوى {ref}: انقضى الموعد النهائي لمرحلة {clock}', action: 'أكمل مرحلة {clock} الآن وسجّل سبب التأخير.' },
      COMPLAINT_POSTPONED: { subject: 'الشكوى {ref}: تم تأجيل الموعد النهائي للحل', action: 'قدّم الحل قبل الموعد النهائي الجديد. السبب المذكور: {reason}' },
      COMPLAINT_RECLASSIFIED: { subject: 'تمت إعادة تصنيف الشكوى {ref} من {from} إلى {to}', action: 'راجع المواعيد النهائية والمستلمين الجدد للشكوى. السبب: {reason}' },
      JOB_ORDER_SLA_WARNING: { subject: 'أمر العمل {ref}: اقترب الموعد النهائي لمرحلة {clock}', action: 'تواصل مع العميل أو أبلغ عن التقدم قبل الموعد النهائي.' },
      JOB_ORDER_ESCALATED: { subject: 'تم تصعيد أمر العمل {ref} إلى قسم الخدمة', action: 'تولَّ أمر العمل: تواصل مع الوكيل والعميل.' },
      RESCUE_ESCALATED: { subject: 'تم تصعيد الإنقاذ {ref} إليك (مستوى {to}): {reason}', action: 'أرسل فريقًا مؤهلًا من شخصين أو أكثر من منفذ تابع لك قبل الموعد النهائي.' },
      EXPERT_QUESTION: { subject: 'سؤال فني {ref} لخبرائك (العطل {cls})', action: 'أجب قبل الموعد النهائي؛ تُضاف الإجابة إلى قاعدة المعرفة.' },
      LEAD_CREATED: { subject: 'عميل محتمل جديد {ref} لوكالتك', action: 'اتصل بالعميل وسجّل نتيجة المتابعة.' },
      SURVEY_LINK: { subject: 'أخبرنا عن تجربتك في الخدمة', action: 'يرجى الإجابة على استبياننا القصير قبل انتهاء صلاحية الرابط.' },
      PART_CLASS_CHANGED: { subject: 'تم نقل القطعة {ref} إلى الفئة {to} في {location}', action: 'راجع مستوى المخزون ونقطة إعادة الطلب لهذه القطعة.' },
    },
  },
};

const fill = (text: string, values: Record<string, string | undefined>): string => text.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');

/**
 * The deadline in the recipient center's zone, in the language's own date format, with the zone's
 * localized name and its IANA id (unambiguous for someone reading it in another zone).
 */
export function formatDeadline(at: Date, timeZone: string, language: Language): string {
  const local = new Intl.DateTimeFormat(language, { dateStyle: 'full', timeStyle: 'short', timeZone }).format(at);
  const zone = new Intl.DateTimeFormat(language, { timeZone, timeZoneName: 'long' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value;
  return `${local} (${zone ? `${zone}, ` : ''}${timeZone})`;
}

export function renderMessage(facts: MessageFacts, language: Language): RenderedMessage {
  const phrases = PHRASES[language];
  const vars = facts.vars ?? {};
  const word = (table: Record<string, string>, code: string | undefined) => (code ? (table[code] ?? code) : undefined);
  const escalation = facts.kind === 'RESCUE_ESCALATED' ? { to: word(phrases.levels, vars.to), reason: word(phrases.escalationReasons, vars.reason) } : {};
  const values = { ...vars, ...escalation, ref: facts.reference, clock: word(phrases.clocks, vars.clock) };
  const template = phrases.kinds[facts.kind];
  const subject = fill(template.subject, values);
  const deadlineText = facts.deadline ? formatDeadline(facts.deadline.at, facts.deadline.timeZone, language) : null;
  const lines = [
    subject,
    '',
    `${phrases.labels.todo}: ${fill(template.action, values)}`,
    ...(deadlineText ? [`${phrases.labels.deadline}: ${deadlineText}`] : []),
    `${phrases.labels.open}: ${facts.link}`,
  ];
  return { language, subject, body: lines.join('\n'), deadlineText };
}

/** One e-mail for a day's notifications: the subjects and bodies in order, separated. */
export function renderDigest(items: readonly { subject: string; body: string }[], language: Language): { subject: string; body: string } {
  return {
    subject: fill(PHRASES[language].digest, { count: String(items.length) }),
    body: items.map((i) => i.body).join('\n\n----------------\n\n'),
  };
}

/** Of the template languages only Arabic is written right to left. */
export const textDirection = (language: Language): 'rtl' | 'ltr' => (language === 'ar' ? 'rtl' : 'ltr');

/**
 * The HTML part of an e-mail: the same text, escaped, in the language's direction (an Arabic message
 * aligns right in every client) and with its links clickable.
 */
export function messageHtml(body: string, language: Language): string {
  const text = escapeHtml(body).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);
  return `<!doctype html><html lang="${language}" dir="${textDirection(language)}"><body><div style="white-space: pre-wrap">${text}</div></body></html>`;
}
