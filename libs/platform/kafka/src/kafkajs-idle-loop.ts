import RequestQueue from 'kafkajs/src/network/requestQueue/index.js';

/**
 * kafkajs 2.2.4 (the latest release) re-arms a timer after every check of a connection's pending
 * requests, even with none pending: the delay is then `throttledUntil - now`, negative, so the timer
 * fires after 1 ms and arms the next. Every broker connection of every client spins like this for as
 * long as it is open (upstream issues #1556, #1604, #1704): in this platform about 30 ms of CPU a second
 * per idle service, an eighth of a 2-core machine with nothing to do.
 *
 * A check is needed only while requests wait: `push` schedules one when it queues a request, and
 * every answer or timeout of an in-flight request checks the queue at once. So a timer is armed only
 * when something is pending, after the throttle the broker asked for or the library's 10 ms.
 */
const CHECK_PENDING_REQUESTS_INTERVAL_MS = 10;

interface Queue {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  checkPendingRequests(): void;
}

export function scheduleCheckPendingRequests(this: Queue): void {
  if (this.throttleCheckTimeoutId || this.pending.length === 0) return;
  const untilUnthrottled = this.throttledUntil - Date.now();
  this.throttleCheckTimeoutId = setTimeout(
    () => {
      this.throttleCheckTimeoutId = null;
      this.checkPendingRequests();
    },
    untilUnthrottled > 0 ? untilUnthrottled : CHECK_PENDING_REQUESTS_INTERVAL_MS,
  );
}

(RequestQueue.prototype as unknown as { scheduleCheckPendingRequests: typeof scheduleCheckPendingRequests }).scheduleCheckPendingRequests = scheduleCheckPendingRequests;

export { RequestQueue };
