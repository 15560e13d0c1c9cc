import { Topics } from '../../topics';
import type { RegistryOf } from '../../topics';
import { PartClassChangedV1, PartsReservedV1, PartsShortageV1 } from './parts.events';

export interface PartsEventCatalog {
  'PartsReserved.v1': { topic: typeof Topics.parts; payload: PartsReservedV1 };
  'PartsShortage.v1': { topic: typeof Topics.parts; payload: PartsShortageV1 };
  'PartClassChanged.v1': { topic: typeof Topics.parts; payload: PartClassChangedV1 };
}

export const PartsEventRegistry: RegistryOf<PartsEventCatalog> = {
  'PartsReserved.v1': { topic: Topics.parts, payload: PartsReservedV1 },
  'PartsShortage.v1': { topic: Topics.parts, payload: PartsShortageV1 },
  'PartClassChanged.v1': { topic: Topics.parts, payload: PartClassChangedV1 },
};
