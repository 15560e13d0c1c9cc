import { DynamicModule, Inject, Injectable, Module, OnModuleInit } from '@nestjs/common';
import { getConnectionToken, MongooseModule } from '@nestjs/mongoose';
import mongoose, { type Connection } from 'mongoose';
import { HealthRegistry } from '../health/health';
import { recordQueryShapes } from './query-log';

@Injectable()
class MongoHealth implements OnModuleInit {
  constructor(
    @Inject(getConnectionToken()) private readonly connection: Connection,
    private readonly health: HealthRegistry,
  ) {}

  onModuleInit() {
    this.health.register({
      name: 'store',
      check: async () => {
        const db = this.connection.db;
        if (!db) throw new Error('not connected');
        await db.admin().ping();
      },
    });
  }
}

/** One database per service: the service name is the default database name. */
@Module({})
export class MongoModule {
  static forRoot(opts: { url: string; dbName: string }): DynamicModule {
    if (process.env.MONGO_QUERY_LOG) recordQueryShapes(mongoose, process.env.MONGO_QUERY_LOG);
    return {
      module: MongoModule,
      imports: [
        MongooseModule.forRoot(opts.url, {
          dbName: opts.dbName,
          serverSelectionTimeoutMS: 10_000,
          autoIndex: true,
        }),
      ],
      providers: [MongoHealth],
    };
  }
}
