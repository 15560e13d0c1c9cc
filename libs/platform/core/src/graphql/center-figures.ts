import type { Type } from '@nestjs/common';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ValidationFailedError } from '../errors/errors';

/** The most centers one batch query answers for: the whole network (946) with room to grow. */
export const MAX_CENTER_IDS = 2000;

export interface CenterFigures<T> {
  serviceCenterId: string;
  figures: T;
}

/**
 * The row type of a service's figures for many centers in one query: `{ serviceCenterId figures }`,
 * `figures` being the type the service already serves on `ServiceCenter`.
 */
export function CenterFiguresType<T>(figures: Type<T>, name: string): Type<CenterFigures<T>> {
  @ObjectType(name, { description: `One center's ${figures.name} in a batch for many centers` })
  class Row {
    @Field(() => ID) serviceCenterId!: string;
    @Field(() => figures) figures!: T;
  }
  return Row;
}

/**
 * A service's figures of many centers in one query, as HQ's scorecard reads them. `many` answers for
 * all of them at once (one read of each kind, then the same rules per center as the service's
 * federated `ServiceCenter` field, which asks the same function through a request loader) and leaves
 * out the centers outside the caller's scope. For 946 centers, a call per center cost more than the
 * reads: the promises and loader calls of each one, and their garbage.
 */
export async function figuresOfCenters<T>(ids: readonly string[], many: (ids: readonly string[]) => Promise<Map<string, T>>): Promise<CenterFigures<T>[]> {
  if (ids.length > MAX_CENTER_IDS) throw new ValidationFailedError([{ field: 'ids', rule: 'maxSize', message: `at most ${MAX_CENTER_IDS} centers per request` }]);
  const unique = [...new Set(ids)];
  const figures = await many(unique);
  return unique.flatMap((serviceCenterId) => {
    const f = figures.get(serviceCenterId);
    return f == null ? [] : [{ serviceCenterId, figures: f }];
  });
}
