import { DateTime } from 'luxon';
import type { ComplaintTableValues } from '@aftersales/domain-complaints';
import type { ComplaintState } from '../complaints/complaint.schema';

const LABELS: Record<string, string> = {
  A: 'A',
  B: 'B',
  C: 'C',
  SUGGESTION: 'Suggestion 建议',
  OTHERS: 'Others 其他',
  SERVICE_QUALITY: '服务质量 SERVICE QUALITY',
  PRODUCT_QUALITY: '产品质量 PRODUCTS QUALITY',
  APPEARANCE_PACKAGE: '外观包装 APPEARANCE PACKAGE',
  CLIENT_SUGGESTION: '客户建议 CLIENT SUGGESTIONS',
  NO_SUBJECT: '无主题 NO SUBJECT',
};

/**
 * The complaint as the seed's table shows it, dates in the distributor's time zone. `contact`
 * false blanks the complainant's contact (roles that do not handle the complaint).
 */
export function tableValues(s: ComplaintState, timeZone: string, contact: boolean): ComplaintTableValues {
  const date = (d: Date | null | undefined) => (d ? DateTime.fromJSDate(d).setZone(timeZone).toFormat("yyyy-MM-dd HH:mm 'UTC'ZZ") : '');
  const last = s.postponements.at(-1);
  return {
    number: s.number,
    generalNumber: String(s.generalNumber),
    acceptanceDate: date(s.receivedAt),
    country: s.country,
    clientName: s.customer.name,
    complainant: s.complainant.name,
    complainantContact: contact ? s.complainant.contact : '',
    category: LABELS[s.class] ?? s.class,
    channel: s.channel,
    type: LABELS[s.type] ?? s.type,
    relatedProductModels: s.relatedProductModels.join(', '),
    content: [s.content, ...s.images.map((u) => `[image] ${u}`)].join('\n'),
    requirements: s.requirements,
    recipientViews: s.recipientViews,
    receivingDepartment: s.receivingDepartment,
    forwardDate: date(s.forwardedAt),
    handlingPerson: s.handlingPerson,
    handlingDepartment: s.handlingDepartment,
    solution: s.solution ? [s.solution.text, s.solution.factAffirmation && `Fact affirmation: ${s.solution.factAffirmation}`].filter(Boolean).join('\n') : '',
    causeAnalysis: s.solution?.causeAnalysis ?? '',
    correctivePreventiveMeasures: s.solution?.correctivePreventiveMeasures ?? '',
    responsiblePerson: s.solution?.responsiblePerson ?? '',
    plannedCompletionTime: date(s.solution?.plannedCompletionTime),
    progressStatus: s.progressStatus || s.status,
    verificationPerson: s.verificationPerson,
    actualCompletionTime: date(s.actualCompletionTime),
    closedLoop: s.closedAt ? '是 YES' : '否 NO',
    returnVisitAssessment: s.returnVisit ? `${s.returnVisit.outcome}: ${s.returnVisit.assessment}` : s.closure === 'NO_RESPONSE' ? 'NO_RESPONSE' : '',
    postponement: last ? `是 YES: ${date(last.until)} — ${last.reason}` : '否 NO',
  };
}
