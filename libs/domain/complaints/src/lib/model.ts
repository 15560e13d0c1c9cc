/**
 * The complaint vocabulary of chapter V of the call-center manual (seed 002) and its CLIENTS
 * COMPLAINT TABLE. String literals match the event contracts so values cross services unchanged.
 */
export const COMPLAINT_CLASSES = ['A', 'B', 'C', 'SUGGESTION', 'OTHERS'] as const;
export type ComplaintClass = (typeof COMPLAINT_CLASSES)[number];

/** "Types on the table": the boxes marked with a tick on the seed's form. */
export const COMPLAINT_TYPES = ['SERVICE_QUALITY', 'PRODUCT_QUALITY', 'APPEARANCE_PACKAGE', 'CLIENT_SUGGESTION', 'NO_SUBJECT'] as const;
export type ComplaintType = (typeof COMPLAINT_TYPES)[number];

export const COMPLAINT_CHANNELS = ['PHONE', 'EMAIL', 'WEBSITE', 'DEALER', 'SURVEY'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

/** Facts that make a complaint class A, whatever its content (seed: "Category A"). */
export const A_FLAGS = ['MEDIA_THREAT', 'SIGNIFICANT_EXPOSURE', 'GOVERNMENT_INVESTIGATION', 'SAFETY_ACCIDENT', 'FIRE'] as const;
export type AFlag = (typeof A_FLAGS)[number];

export const KEY_ROLES = ['SERVICE_MANAGER', 'SERVICE_DIRECTOR', 'GENERAL_MANAGER'] as const;
export type KeyRole = (typeof KEY_ROLES)[number];

export interface KeyPerson {
  role: KeyRole;
  staffId: string;
  name: string;
  email: string;
}
