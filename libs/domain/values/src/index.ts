export type { ValueIssue } from './issue';
export { VIN_PATTERN, normalizeVin, requiresCheckDigit, vinCheckDigit, vinIssue, vinIssues } from './vin';
export { textIssue, normalizeText, type TextKind } from './text';
export { exportCell, stripMarkup } from './cells';
