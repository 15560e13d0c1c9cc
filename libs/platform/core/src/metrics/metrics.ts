import { Controller, Get, Header, Injectable } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { Public } from '../health/health';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

@Injectable()
export class Metrics {
  readonly registry = new Registry();
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  readonly graphqlOperations: Counter<'operation' | 'type' | 'outcome'>;
  /** Operations executed by a compiled function (`jit`) or by graphql-js, when GRAPHQL_JIT is on. */
  readonly graphqlExecutions: Counter<'executor'>;

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    this.httpDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [this.registry],
    });
    this.graphqlOperations = new Counter({
      name: 'graphql_operations_total',
      help: 'GraphQL operations by name, type and outcome',
      labelNames: ['operation', 'type', 'outcome'],
      registers: [this.registry],
    });
    this.graphqlExecutions = new Counter({
      name: 'graphql_executions_total',
      help: 'GraphQL operations executed, by executor: jit (compiled by graphql-jit) or graphql-js (the fallback)',
      labelNames: ['executor'],
      registers: [this.registry],
    });
  }

  /** One answered GraphQL operation, labelled by its resolved name (`anonymous` without one) and type. */
  countOperation(name: string | null | undefined, type: string | undefined, failed: boolean): void {
    this.graphqlOperations.inc({ operation: name ?? 'anonymous', type: type ?? 'unknown', outcome: failed ? 'error' : 'ok' });
  }

  /** Times a request until its response is sent. */
  observeRequest(method: string, path: string, res: ServerResponse): void {
    const end = this.httpDuration.startTimer({ method });
    res.on('finish', () => end({ route: path.startsWith('/health') ? '/health' : path, status: String(res.statusCode) }));
  }
}

@Public()
@Controller()
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4')
  async scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
