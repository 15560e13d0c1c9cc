import { registerEnumType } from '@nestjs/graphql';
import { CHANNELS, CSI_FACTORS, INVITATION_STATES, LANGUAGES, QUESTION_TYPES, TRIGGER_KINDS } from '@aftersales/domain-surveys';

/** GraphQL enums mirror the domain's literal unions (one source of truth for the values). */
const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const CsiFactorEnum = enumOf(CSI_FACTORS);
export const QuestionTypeEnum = enumOf(QUESTION_TYPES);
export const LanguageEnum = enumOf(LANGUAGES);
export const InvitationStateEnum = enumOf(INVITATION_STATES);
export const ChannelEnum = enumOf(CHANNELS);
export const TriggerKindEnum = enumOf(TRIGGER_KINDS);
export const IncentiveKindEnum = enumOf(['NONE', 'GIFT', 'DISCOUNT'] as const);
export const TextDirectionEnum = enumOf(['LTR', 'RTL'] as const);

registerEnumType(CsiFactorEnum, { name: 'CsiFactor', description: 'The five J.D. Power CSI factors of after-sales service' });
registerEnumType(QuestionTypeEnum, { name: 'QuestionType' });
registerEnumType(LanguageEnum, { name: 'SurveyLanguage' });
registerEnumType(InvitationStateEnum, { name: 'SurveyInvitationState' });
registerEnumType(ChannelEnum, { name: 'SurveyChannel' });
registerEnumType(TriggerKindEnum, { name: 'SurveyTrigger' });
registerEnumType(IncentiveKindEnum, { name: 'SurveyIncentiveKind' });
registerEnumType(TextDirectionEnum, { name: 'TextDirection' });
