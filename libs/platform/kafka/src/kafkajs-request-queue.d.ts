// kafkajs publishes no types for its internals; only the class is needed here (kafkajs-idle-loop.ts).
declare module 'kafkajs/src/network/requestQueue/index.js' {
  const RequestQueue: { prototype: object; new (options: Record<string, unknown>): object };
  export default RequestQueue;
}
