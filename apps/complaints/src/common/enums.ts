import { registerEnumType } from '@nestjs/graphql';
import { A_FLAGS, CLOCK_KINDS, CLOSURE_KINDS, COMPLAINT_ACTIONS, COMPLAINT_CHANNELS, COMPLAINT_CLASSES, COMPLAINT_STATUSES, COMPLAINT_TYPES, KEY_ROLES } from '@aftersales/domain-complaints';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const ComplaintClassEnum = enumOf(COMPLAINT_CLASSES);
export const ComplaintTypeEnum = enumOf(COMPLAINT_TYPES);
export const ComplaintChannelEnum = enumOf(COMPLAINT_CHANNELS);
export const ComplaintStatusEnum = enumOf(COMPLAINT_STATUSES);
export const ComplaintActionEnum = enumOf(COMPLAINT_ACTIONS);
export const AFlagEnum = enumOf(A_FLAGS);
export const ClockKindEnum = enumOf(CLOCK_KINDS);
export const ClosureKindEnum = enumOf(CLOSURE_KINDS);
export const KeyRoleEnum = enumOf(KEY_ROLES);
export const ReturnVisitOutcomeEnum = enumOf(['SATISFIED', 'REFUSED_TO_COMMENT', 'UNSATISFIED'] as const);

registerEnumType(ComplaintClassEnum, { name: 'ComplaintClass', description: 'A (media, exposure, government, safety accident, fire), B (repeated), C (first), SUGGESTION, OTHERS' });
registerEnumType(ComplaintTypeEnum, { name: 'ComplaintType' });
registerEnumType(ComplaintChannelEnum, { name: 'ComplaintChannel' });
registerEnumType(ComplaintStatusEnum, { name: 'ComplaintStatus' });
registerEnumType(ComplaintActionEnum, { name: 'ComplaintAction' });
registerEnumType(AFlagEnum, { name: 'ComplaintAFlag', description: 'Facts that make a complaint class A' });
registerEnumType(ClockKindEnum, { name: 'ComplaintClockKind' });
registerEnumType(ClosureKindEnum, { name: 'ComplaintClosureKind' });
registerEnumType(KeyRoleEnum, { name: 'ComplaintKeyRole' });
registerEnumType(ReturnVisitOutcomeEnum, { name: 'ComplaintReturnVisitOutcome' });
