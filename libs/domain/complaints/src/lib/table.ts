/**
 * The JAC CLIENTS COMPLAINT TABLE (附:JAC 海外客户投诉表) of seed 002, field by field with its
 * bilingual header, in the form's order. The PDF of one complaint and the XLSX register both use it.
 */
export interface TableField {
  key: ComplaintTableKey;
  zh: string;
  en: string;
  section: 'HEADER' | 'ACCEPTANCE' | 'HANDLING';
}

export const COMPLAINT_TABLE_TITLE = { zh: 'JAC 海外客户投诉表', en: 'JAC CLIENTS COMPLAINT TABLE' };
export const TABLE_SECTIONS = { HEADER: { zh: '', en: '' }, ACCEPTANCE: { zh: '受理', en: 'ACCEPTANCE' }, HANDLING: { zh: '处理', en: 'HANDLING' } };

export const COMPLAINT_TABLE_FIELDS = [
  { key: 'number', zh: '信息编号', en: 'NO.', section: 'HEADER' },
  { key: 'generalNumber', zh: '总号', en: 'GENERAL NO.', section: 'HEADER' },
  { key: 'acceptanceDate', zh: '接收日期', en: 'ACCEPTANCE DATE', section: 'HEADER' },
  { key: 'country', zh: '国家', en: 'COUNTRY', section: 'ACCEPTANCE' },
  { key: 'clientName', zh: '客户姓名', en: 'CLIENT NAME', section: 'ACCEPTANCE' },
  { key: 'complainant', zh: '投诉人', en: 'COMPLAINANT', section: 'ACCEPTANCE' },
  { key: 'complainantContact', zh: '投诉人联系方式', en: 'COMPLAINANT CONTACT', section: 'ACCEPTANCE' },
  { key: 'category', zh: '投诉类别', en: 'COMPLAINTS CATEGORY', section: 'ACCEPTANCE' },
  { key: 'channel', zh: '投诉渠道', en: 'COMPLAINTS CHANNEL', section: 'ACCEPTANCE' },
  { key: 'type', zh: '投诉类型', en: 'COMPLAINTS TYPE', section: 'ACCEPTANCE' },
  { key: 'relatedProductModels', zh: '涉及产品型号', en: 'RELATED PRODUCT MODELS', section: 'ACCEPTANCE' },
  { key: 'content', zh: '投诉内容(附图片)', en: 'COMPLAINT CONTENTS (IMAGES)', section: 'ACCEPTANCE' },
  { key: 'requirements', zh: '投诉要求', en: 'COMPLAINT REQUIREMENTS', section: 'ACCEPTANCE' },
  { key: 'recipientViews', zh: '接收人意见', en: 'RECIPIENT VIEWS', section: 'ACCEPTANCE' },
  { key: 'receivingDepartment', zh: '接收部门', en: 'RECEIVING DEPARTMENT', section: 'ACCEPTANCE' },
  { key: 'forwardDate', zh: '转办日期', en: 'FORWARD DATE', section: 'ACCEPTANCE' },
  { key: 'handlingPerson', zh: '处理责任人', en: 'RESPONSIBILITY OF HANDLING PERSON', section: 'ACCEPTANCE' },
  { key: 'handlingDepartment', zh: '处理责任部门', en: 'RESPONSIBILITY OF HANDLING DEPARTMENT', section: 'ACCEPTANCE' },
  { key: 'solution', zh: '解决方案或措施(可附件)', en: 'SOLUTION (IF ANNEX)', section: 'HANDLING' },
  { key: 'causeAnalysis', zh: '原因分析', en: 'CAUSE ANALYSIS', section: 'HANDLING' },
  { key: 'correctivePreventiveMeasures', zh: '纠正/预防措施', en: 'CORRECTING AND PREVENTING MEASURES', section: 'HANDLING' },
  { key: 'responsiblePerson', zh: '责任人', en: 'RESPONSIBILITY PERSON', section: 'HANDLING' },
  { key: 'plannedCompletionTime', zh: '计划完成时间', en: 'PLANNED COMPLETION TIME', section: 'HANDLING' },
  { key: 'progressStatus', zh: '实施情况', en: 'PROGRESS STATUS', section: 'HANDLING' },
  { key: 'verificationPerson', zh: '验证人', en: 'VERIFICATION PERSON', section: 'HANDLING' },
  { key: 'actualCompletionTime', zh: '实际完成时间', en: 'ACTUAL COMPLETION TIME', section: 'HANDLING' },
  { key: 'closedLoop', zh: '闭环情况(是/否)', en: 'CLOSED LOOP (YES OR NO)', section: 'HANDLING' },
  { key: 'returnVisitAssessment', zh: '回访评价情况', en: 'ASSESSMENT', section: 'HANDLING' },
  { key: 'postponement', zh: '是否延期及延期时间、原因', en: 'POSTPONING AND DATE/REASON', section: 'HANDLING' },
] as const satisfies readonly { key: string; zh: string; en: string; section: TableField['section'] }[];

export type ComplaintTableKey = (typeof COMPLAINT_TABLE_FIELDS)[number]['key'];

/** One complaint as the table shows it: every value already a display string ('' when empty). */
export type ComplaintTableValues = Record<ComplaintTableKey, string>;

export function bilingualHeader(f: { zh: string; en: string }): string {
  return `${f.zh} ${f.en}`;
}

/**
 * Seed V.III.7: archive only a completed table. The fields a closed complaint must have filled in
 * (postponement and images are optional by nature).
 */
export const REQUIRED_FOR_ARCHIVE: readonly ComplaintTableKey[] = [
  'number',
  'acceptanceDate',
  'country',
  'clientName',
  'complainant',
  'complainantContact',
  'category',
  'channel',
  'type',
  'content',
  'receivingDepartment',
  'forwardDate',
  'handlingPerson',
  'handlingDepartment',
  'solution',
  'causeAnalysis',
  'correctivePreventiveMeasures',
  'responsiblePerson',
  'actualCompletionTime',
  'closedLoop',
  'returnVisitAssessment',
];

export function missingForArchive(values: ComplaintTableValues): ComplaintTableKey[] {
  return REQUIRED_FOR_ARCHIVE.filter((k) => !values[k]?.trim());
}
