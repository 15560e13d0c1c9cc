import { jest } from '@jest/globals';
import { RequestQueue } from './kafkajs-idle-loop';

type Queue = {
  pending: unknown[];
  throttleCheckTimeoutId: unknown;
  checkPendingRequests(): void;
  push(request: object): void;
  fulfillRequest(response: { correlationId: number; payload: Buffer; size: number }): void;
  maybeThrottle(ms: number): void;
  destroy(): void;
};

const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const newQueue = () =>
  new RequestQueue({ maxInFlightRequests: 1, requestTimeout: 30_000, enforceRequestTimeout: false, clientId: 'c', broker: 'b:9092', logger: silent }) as unknown as Queue;

describe("kafkajs' request queue (mended idle loop)", () => {
  let queue: Queue;
  const sent: number[] = [];
  const request = (correlationId: number) => ({
    entry: { correlationId, apiKey: 1, apiName: 'Fetch', apiVersion: 11, resolve: () => undefined, reject: () => undefined },
    expectResponse: true,
    sendRequest: () => sent.push(correlationId),
  });

  beforeEach(() => {
    jest.useFakeTimers();
    sent.length = 0;
    queue = newQueue();
  });
  afterEach(() => {
    queue.destroy();
    jest.useRealTimers();
  });

  it('arms no timer when nothing waits, so an idle connection does not wake every millisecond', () => {
    const checks = jest.spyOn(queue, 'checkPendingRequests');
    queue.checkPendingRequests();
    jest.advanceTimersByTime(1000);
    expect(checks).toHaveBeenCalledTimes(1);
    expect(queue.throttleCheckTimeoutId).toBeNull();
  });

  it('sends a queued request when the one in flight is answered, and checks again until the queue is empty', () => {
    queue.push(request(1));
    queue.push(request(2));
    expect(sent).toEqual([1]);
    expect(queue.pending).toHaveLength(1);
    queue.fulfillRequest({ correlationId: 1, payload: Buffer.alloc(0), size: 0 });
    expect(sent).toEqual([1, 2]);
    jest.advanceTimersByTime(1000);
    expect(queue.pending).toHaveLength(0);
    expect(queue.throttleCheckTimeoutId).toBeNull();
  });

  it('holds requests for the throttle the broker asked for, then sends them without another answer arriving', () => {
    queue.maybeThrottle(50);
    queue.push(request(1));
    expect(sent).toEqual([]);
    jest.advanceTimersByTime(49);
    expect(sent).toEqual([]);
    jest.advanceTimersByTime(11);
    expect(sent).toEqual([1]);
  });
});
