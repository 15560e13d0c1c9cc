import type { AbcClass, XyzClass } from '@aftersales/domain-parts';

/** Planning result of one part at one location (`policy_<location>`, `_id` = part number). */
export interface PolicyDoc {
  _id: string;
  abc: AbcClass;
  xyz: XyzClass;
  consumptionValue: number;
  meanMonthly: number;
  sdMonthly: number;
  cv: number | null;
  serviceLevel: number;
  safetyStock: number;
  reorderPoint: number;
  orderUpTo: number;
  runId: string;
  updatedAt: Date;
}
