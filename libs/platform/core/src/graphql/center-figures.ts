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
 * A service's figures of many centers in one query, as HQ's scorecard reads them. Each center goes
 * through the same code as its federated `ServiceCenter` field (`one`, which returns null for a center
 * the caller may not read), whose loaders read every center in one batch; what is saved is the
 * per-entity work of an `_entities` answer (a resolver call through Nest and an object to complete per
 * center and field), which for 946 centers cost more than the reads. Centers outside the caller's
 * scope are left out.
 */
export async function figuresOfCenters<T>(ids: readonly string[], one: (id: string) => Promise<T | null>): Promise<CenterFigures<T>[]> {
  if (ids.length > MAX_CENTER_IDS) throw new ValidationFailedError([{ field: 'ids', rule: 'maxSize', message: `at most ${MAX_CENTER_IDS} centers per request` }]);
  const unique = [...new Set(ids)];
  const figures = await Promise.all(unique.map(one));
  return unique.flatMap((serviceCenterId, i) => (figures[i] == null ? [] : [{ serviceCenterId, figures: figures[i] }]));
}
