import { DynamicModule, Global, Module, ValidationPipe, type OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import type { Logger } from 'pino';
import { Clock, ControllableClock, SystemClock, TestClockController } from '../clock/clock';
import { HttpServiceConfig } from '../config/config';
import { toFieldIssues, ValidationFailedError } from '../errors/errors';
import { GraphqlExceptionFilter } from '../errors/exception-filter';
import { HealthController, HealthRegistry } from '../health/health';
import { Metrics, MetricsController } from '../metrics/metrics';
import { startTracing, type Tracing } from '../tracing/tracing';
import { GraphQLRequestHooks } from '../graphql/direct-route';
import { cacheValidationMetadata } from '../validation/metadata-cache';

export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
export const LOGGER = Symbol('LOGGER');

export interface PlatformOptions<C extends HttpServiceConfig> {
  service: string;
  config: C;
  logger: Logger;
}

/** Sends the spans still buffered when the service stops. */
class TracingShutdown implements OnApplicationShutdown {
  constructor(private readonly tracing: Tracing | null) {}
  async onApplicationShutdown(): Promise<void> {
    await this.tracing?.shutdown();
  }
}

/**
 * What every service gets: its validated config and logger, tracing when OTEL_EXPORTER_OTLP_ENDPOINT is set, health and metrics endpoints, input
 * validation that reports each bad field with its rule, and the single exception filter.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot<C extends HttpServiceConfig>(options: PlatformOptions<C>): DynamicModule {
    const testing = options.config.NODE_ENV === 'test';
    const tracing = startTracing({ service: options.service, endpoint: options.config.OTEL_EXPORTER_OTLP_ENDPOINT });
    return {
      module: PlatformModule,
      controllers: [HealthController, MetricsController, ...(testing ? [TestClockController] : [])],
      providers: [
        { provide: Clock, useValue: testing ? new ControllableClock() : new SystemClock() },
        { provide: SERVICE_CONFIG, useValue: options.config },
        { provide: options.config.constructor, useValue: options.config },
        { provide: LOGGER, useValue: options.logger },
        { provide: Metrics, useValue: new Metrics(options.service) },
        HealthRegistry,
        GraphQLRequestHooks,
        { provide: TracingShutdown, useValue: new TracingShutdown(tracing) },
        { provide: APP_FILTER, useFactory: () => new GraphqlExceptionFilter(options.logger) },
        { provide: APP_PIPE, useFactory: inputValidationPipe },
      ],
      exports: [Clock, SERVICE_CONFIG, options.config.constructor, LOGGER, Metrics, HealthRegistry, GraphQLRequestHooks],
    };
  }
}

/**
 * Every argument and body a service takes: transformed to its class, unknown fields refused, each broken
 * rule reported with its field. class-validator's metadata lookups are cached (metadata-cache.ts).
 */
export function inputValidationPipe(): ValidationPipe {
  cacheValidationMetadata();
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    exceptionFactory: (errors) => new ValidationFailedError(toFieldIssues(errors)),
  });
}
