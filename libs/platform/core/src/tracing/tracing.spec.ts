import { context, propagation, trace } from '@opentelemetry/api';
import { otlpTracesUrl, startTracing, traceHeaders } from './tracing';

describe('tracing', () => {
  it('registers nothing without an endpoint: spans are no-ops and no trace context is sent', () => {
    expect(startTracing({ service: 'svc' })).toBeNull();
    const span = trace.getTracer('t').startSpan('s');
    expect(span.isRecording()).toBe(false);
    expect(context.with(trace.setSpan(context.active(), span), () => traceHeaders())).toEqual({});
    expect(propagation.fields()).toEqual([]);
  });

  it('posts to <endpoint>/v1/traces, as the OTLP specification builds the signal URL', () => {
    expect(otlpTracesUrl('http://collector:4318')).toBe('http://collector:4318/v1/traces');
    expect(otlpTracesUrl('https://otlp.example.com/base/')).toBe('https://otlp.example.com/base/v1/traces');
  });
});
