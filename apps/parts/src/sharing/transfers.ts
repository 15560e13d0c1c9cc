import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Args, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Length, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { Clock, ConflictError, NotFoundError, ValidationFailedError } from '@aftersales/platform-core';
import { canAccess, CurrentPrincipal, scopeKindOf, type Principal } from '@aftersales/platform-auth';
import { PART_NUMBER_PATTERN } from '@aftersales/domain-parts';
import { domainCall } from '../common/errors';
import { isDuplicateKey, LocationStore } from '../common/store';
import { CatalogService } from '../catalog/catalog.service';
import { PartsRequestsService } from '../requests/parts-requests.service';
import { LocationsRepository } from '../locations/locations.repository';
import { StockLedger } from '../stock/ledger';
import { StockService } from '../stock/stock.service';

const LOCATION_ID = /^[a-z0-9][a-z0-9-]{1,63}$/;

@InputType()
export class CreateTransferInput {
  @Field()
  @Matches(PART_NUMBER_PATTERN, { message: 'must be 3-40 uppercase letters, digits or dashes' })
  partNumber!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(10_000)
  quantity!: number;

  @Field(() => ID, { description: 'The location short of the part' })
  @Matches(LOCATION_ID, { message: 'must be a service center id' })
  toLocationId!: string;

  @Field(() => ID, { nullable: true, description: 'Source; the best-ranked sharing source when omitted' })
  @IsOptional()
  @Matches(LOCATION_ID, { message: 'must be a service center id' })
  fromLocationId?: string;

  @Field({ nullable: true, description: 'Why, e.g. the repair order waiting for it' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  reason?: string;
}

@ObjectType()
export class PartsTransfer {
  @Field(() => ID) id!: string;
  @Field() partNumber!: string;
  @Field(() => Int) quantity!: number;
  @Field(() => ID) fromLocationId!: string;
  @Field(() => ID) toLocationId!: string;
  @Field() status!: string;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) receivedAt!: Date | null;
}

interface TransferDoc {
  _id: string;
  partNumber: string;
  quantity: number;
  fromLocationId: string;
  toLocationId: string;
  status: 'IN_TRANSIT' | 'RECEIVED';
  reason: string | null;
  createdAt: Date;
  receivedAt: Date | null;
  by: string;
}

const toTransfer = (t: TransferDoc): PartsTransfer => ({ ...t, id: t._id });

/**
 * Regional parts sharing: the location short of a part (or a planner) takes units from another
 * location that can spare them under its class policy. The source ships at once (its ledger guards
 * the stock); the destination sees them on order until it receives them, at the network list price so
 * no location learns what another paid.
 */
@Injectable()
export class TransfersService {
  constructor(
    private readonly store: LocationStore,
    private readonly locations: LocationsRepository,
    private readonly stock: StockService,
    private readonly ledger: StockLedger,
    private readonly catalog: CatalogService,
    private readonly clock: Clock,
    private readonly requests: PartsRequestsService,
  ) {}

  private get transfers() {
    return this.store.shared<TransferDoc>('transfers');
  }

  async create(principal: Principal, input: CreateTransferInput): Promise<TransferDoc> {
    const to = this.locations.owned(principal, input.toLocationId);
    await this.catalog.require(input.partNumber);
    const ranked = await this.stock.rankedSources(to, input.partNumber, input.quantity);
    const source = input.fromLocationId ? ranked.find((r) => r.locationId === input.fromLocationId) : ranked[0];
    if (input.fromLocationId && !this.locations.get(input.fromLocationId)) {
      throw new ValidationFailedError([{ field: 'fromLocationId', rule: 'exists', message: `location ${input.fromLocationId} is unknown` }]);
    }
    if (!source || source.shareable < input.quantity) {
      throw new ConflictError(
        `${input.fromLocationId ?? 'no location in the region'} can share ${source?.shareable ?? 0} of ${input.partNumber}, ${input.quantity} asked`,
        { rule: 'shareable' },
      );
    }
    const now = this.clock.now();
    const doc: TransferDoc = {
      _id: `tr-${randomUUID()}`,
      partNumber: input.partNumber,
      quantity: input.quantity,
      fromLocationId: source.locationId,
      toLocationId: to._id,
      status: 'IN_TRANSIT',
      reason: input.reason ?? null,
      createdAt: now,
      receivedAt: null,
      by: principal.subject,
    };
    await domainCall(() =>
      this.ledger.append(source.locationId, input.partNumber, { type: 'TRANSFER_OUT', quantity: input.quantity }, { kind: 'TRANSFER', id: doc._id }, principal.subject, now),
    );
    await this.ledger.append(to._id, input.partNumber, { type: 'ORDER_PLACED', quantity: input.quantity }, { kind: 'TRANSFER', id: doc._id }, principal.subject, now);
    await this.transfers.insertOne(doc);
    return doc;
  }

  async receive(principal: Principal, id: string): Promise<TransferDoc> {
    const doc = await this.get(principal, id);
    this.locations.owned(principal, doc.toLocationId);
    if (doc.status !== 'IN_TRANSIT') throw new ConflictError(`transfer ${id} is ${doc.status}; allowed: none (final state)`, { rule: 'transition' });
    try {
      await this.store.shared<{ _id: string }>('transfer_receipts').insertOne({ _id: id });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      throw new ConflictError(`transfer ${id} is already being received`, { rule: 'transition' });
    }
    const now = this.clock.now();
    const part = await this.catalog.require(doc.partNumber);
    await this.ledger.append(doc.toLocationId, doc.partNumber, { type: 'TRANSFER_IN', quantity: doc.quantity, fromOrder: true, unitCost: part.listPrice }, { kind: 'TRANSFER', id }, principal.subject, now);
    const next: TransferDoc = { ...doc, status: 'RECEIVED', receivedAt: now };
    await this.transfers.replaceOne({ _id: id }, next);
    await this.requests.serveWaiting(doc.toLocationId, [doc.partNumber]);
    return next;
  }

  async get(principal: Principal, id: string): Promise<TransferDoc> {
    const doc = await this.transfers.findOne({ _id: id });
    const visible =
      doc &&
      (scopeKindOf(principal) === 'network' ||
        [doc.fromLocationId, doc.toLocationId].some((l) => canAccess(principal, { serviceCenterId: l, regionId: this.locations.get(l)?.regionId ?? null })));
    if (!doc || !visible) throw new NotFoundError('PartsTransfer', id);
    return doc;
  }
}

@Resolver(() => PartsTransfer)
export class TransfersResolver {
  constructor(private readonly transfers: TransfersService) {}

  @Query(() => PartsTransfer)
  async partsTransfer(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string) {
    return toTransfer(await this.transfers.get(principal, id));
  }

  @Mutation(() => PartsTransfer, { description: 'Regional sharing: moves units from a location that can spare them to one short of them' })
  async createPartsTransfer(@CurrentPrincipal() principal: Principal, @Args('input') input: CreateTransferInput) {
    return toTransfer(await this.transfers.create(principal, input));
  }

  @Mutation(() => PartsTransfer)
  async receivePartsTransfer(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string) {
    return toTransfer(await this.transfers.receive(principal, id));
  }
}
