import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Args, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { InjectModel } from '@nestjs/mongoose';
import { Length, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { Schema, type Model } from 'mongoose';
import { Clock, ConflictError, NotFoundError } from '@aftersales/platform-core';
import { CurrentPrincipal, scopeKindOf, type Principal } from '@aftersales/platform-auth';
import { PART_NUMBER_PATTERN } from '@aftersales/domain-parts';
import { domainCall } from '../common/errors';
import { CatalogService } from '../catalog/catalog.service';
import { PartsRequestsService } from '../requests/parts-requests.service';
import { canSee, PartsLocations } from '../locations/parts-locations';
import { StockStore } from '../stock/stock-store';
import { StockService } from '../stock/stock.service';
import { IsPlainText } from '@aftersales/contracts';

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
  @IsPlainText()
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

export const TRANSFER_MODEL = 'PartsTransfer';

export const TransferSchema = new Schema<TransferDoc>(
  {
    _id: { type: String, required: true },
    partNumber: { type: String, required: true },
    quantity: { type: Number, required: true },
    fromLocationId: { type: String, required: true },
    toLocationId: { type: String, required: true },
    status: { type: String, required: true },
    reason: { type: String, default: null },
    createdAt: { type: Date, required: true },
    receivedAt: { type: Date, default: null },
    by: String,
  },
  { collection: 'transfers', versionKey: false },
);

const toTransfer = (t: TransferDoc): PartsTransfer => ({ ...t, id: t._id });

/**
 * Regional parts sharing: the location short of a part (or a planner) takes units from another
 * location that can spare them under its class policy. The source ships at once (its stock update is
 * guarded on what is available); the destination sees them on order until it receives them, at the
 * network list price so no location learns what another paid.
 */
@Injectable()
export class TransfersService {
  constructor(
    @InjectModel(TRANSFER_MODEL) private readonly transfers: Model<TransferDoc>,
    private readonly locations: PartsLocations,
    private readonly stockService: StockService,
    private readonly stock: StockStore,
    private readonly catalog: CatalogService,
    private readonly clock: Clock,
    private readonly requests: PartsRequestsService,
  ) {}

  async create(principal: Principal, input: CreateTransferInput): Promise<TransferDoc> {
    const to = await this.locations.visible(principal, input.toLocationId, 'toLocationId');
    await this.catalog.require(input.partNumber);
    const { ranked, candidates } = await this.stockService.rankedSources(to, input.partNumber, input.quantity);
    // The source is another location by design, but only one that may share with this one (its
    // region's active locations and the HQ parts center); any other id does not exist here.
    if (input.fromLocationId && !candidates.has(input.fromLocationId)) throw new NotFoundError('PartsLocation', input.fromLocationId, 'fromLocationId');
    const source = input.fromLocationId ? ranked.find((r) => r.locationId === input.fromLocationId) : ranked[0];
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
      this.stock.move(source.locationId, input.partNumber, { type: 'TRANSFER_OUT', quantity: input.quantity }, { kind: 'TRANSFER', id: doc._id }, principal.subject, now),
    );
    await this.stock.move(to._id, input.partNumber, { type: 'ORDER_PLACED', quantity: input.quantity }, { kind: 'TRANSFER', id: doc._id }, principal.subject, now);
    await this.transfers.create(doc);
    return doc;
  }

  async receive(principal: Principal, id: string): Promise<TransferDoc> {
    const doc = await this.get(principal, id);
    await this.locations.actingFor(principal, doc.toLocationId);
    const finalState = () => new ConflictError(`transfer ${id} is RECEIVED; allowed: none (final state)`, { rule: 'transition' });
    if (doc.status !== 'IN_TRANSIT') throw finalState();
    const now = this.clock.now();
    // Of two receipts at once, one moves the transfer on; the other finds it received.
    const received = await this.transfers.updateOne({ _id: id, status: 'IN_TRANSIT' }, { $set: { status: 'RECEIVED', receivedAt: now } }).exec();
    if (!received.modifiedCount) throw finalState();
    const part = await this.catalog.require(doc.partNumber);
    await this.stock.move(doc.toLocationId, doc.partNumber, { type: 'TRANSFER_IN', quantity: doc.quantity, fromOrder: true, unitCost: part.listPrice }, { kind: 'TRANSFER', id }, principal.subject, now);
    await this.requests.serveWaiting(doc.toLocationId, [doc.partNumber]);
    return { ...doc, status: 'RECEIVED', receivedAt: now };
  }

  async get(principal: Principal, id: string): Promise<TransferDoc> {
    const doc = await this.transfers.findById(id).lean<TransferDoc>().exec();
    if (!doc || !(await this.canSee(principal, doc))) throw new NotFoundError('PartsTransfer', id);
    return doc;
  }

  private async canSee(principal: Principal, doc: TransferDoc): Promise<boolean> {
    const kind = scopeKindOf(principal);
    if (kind === 'network') return true;
    const ends = [doc.fromLocationId, doc.toLocationId];
    // Only a region manager's access depends on where the two ends are.
    const where = kind === 'regions' ? await this.locations.findMany(ends) : new Map<string, { regionId: string }>();
    return ends.some((l) => canSee(principal, { _id: l, regionId: where.get(l)?.regionId ?? '' }));
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
