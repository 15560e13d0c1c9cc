import { Module, type DynamicModule, type InjectionToken, type OnModuleInit } from '@nestjs/common';
import { getModelToken, MongooseModule } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { EventKey } from '@aftersales/contracts';
import { EventConsumer } from '@aftersales/platform-kafka';
import { NetworkCenters } from './network-centers';
import { referenceSchema, References, type ReferenceDoc, type ReferenceKind, type ReferenceOptions } from './references';

/** The injection token of one kind's read model: `@Inject(referencesToken('JobOrder')) refs: References`. */
export function referencesToken(entity: string): string {
  return `References:${entity}`;
}

const modelName = (entity: string) => `Reference${entity}`;

export interface ReferencesFeature extends ReferenceKind {
  /** The service's config token and how to read the options from it (the wait is per service config). */
  options: { inject: InjectionToken[]; useFactory: (...deps: any[]) => ReferenceOptions };
}

/** Registers the feed's handlers on the service's consumer group. */
class ReferencesConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly refs: References,
    private readonly feed: ReferenceKind['feed'],
  ) {}

  onModuleInit(): void {
    for (const key of Object.keys(this.feed) as EventKey[]) {
      const read = this.feed[key] as (event: unknown) => ReturnType<NonNullable<ReferenceKind['feed'][EventKey]>>;
      this.consumer.on(key, async (event) => {
        const update = read(event);
        if (update) await this.refs.apply(update);
      });
    }
  }
}

/**
 * A read model of another service's objects, one per kind: `ReferencesModule.forFeature({ entity,
 * collection, feed, options })` in the consuming service's module, `References` injected with
 * `referencesToken(entity)`. Needs NetworkCentersModule (regions for a region manager's scope),
 * MongooseModule.forRoot and KafkaModule.
 */
@Module({})
export class ReferencesModule {
  static forFeature(feature: ReferencesFeature): DynamicModule {
    const token = referencesToken(feature.entity);
    const optionsToken = `${token}:options`;
    return {
      module: ReferencesModule,
      global: true,
      imports: [MongooseModule.forFeature([{ name: modelName(feature.entity), schema: referenceSchema(feature.collection) }])],
      providers: [
        { provide: optionsToken, inject: feature.options.inject, useFactory: feature.options.useFactory },
        {
          provide: token,
          inject: [getModelToken(modelName(feature.entity)), NetworkCenters, optionsToken],
          useFactory: (model: Model<ReferenceDoc>, centers: NetworkCenters, options: ReferenceOptions) => new References({ entity: feature.entity }, model, centers, options),
        },
        {
          provide: `${token}:consumer`,
          inject: [EventConsumer, token],
          useFactory: (consumer: EventConsumer, refs: References) => new ReferencesConsumer(consumer, refs, feature.feed),
        },
      ],
      exports: [token],
    };
  }
}
