import { registerEnumType } from '@nestjs/graphql';

/** The three-level parts guarantee: HQ parts center, regional parts centers, dealer reserves. */
export enum LocationLevel {
  HQ = 'HQ',
  REGIONAL = 'REGIONAL',
  DEALER = 'DEALER',
}
registerEnumType(LocationLevel, { name: 'PartsLocationLevel', description: 'HQ parts center, regional parts center or dealer reserve' });

export function levelOfKind(kind: string): LocationLevel {
  return kind === 'HQ' ? LocationLevel.HQ : kind === 'REGIONAL_CENTER' ? LocationLevel.REGIONAL : LocationLevel.DEALER;
}
