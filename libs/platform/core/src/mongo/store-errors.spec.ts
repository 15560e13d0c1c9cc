import { isDuplicateKey, isTransientStoreError } from './store-errors';

describe('store errors', () => {
  it('recognises a duplicate key by code or message, nothing else', () => {
    expect(isDuplicateKey(Object.assign(new Error('E11000 duplicate key error collection: db.counters'), { code: 11000 }))).toBe(true);
    expect(isDuplicateKey(new Error('E11000 duplicate key error'))).toBe(true);
    expect(isDuplicateKey(Object.assign(new Error('not primary'), { code: 10107 }))).toBe(false);
    expect(isDuplicateKey(null)).toBe(false);
  });

  it('tells an unreachable store (worth waiting for) from an error of the operation itself', () => {
    const named = (name: string) => Object.assign(new Error('x'), { name });
    expect(isTransientStoreError(named('MongoServerSelectionError'))).toBe(true);
    expect(isTransientStoreError(named('MongoNetworkError'))).toBe(true);
    expect(isTransientStoreError(named('MongooseServerSelectionError'))).toBe(true);
    expect(isTransientStoreError(Object.assign(new Error('write failed'), { errorLabels: ['RetryableWriteError'] }))).toBe(true);
    expect(isTransientStoreError(new Error('wrapped', { cause: named('MongoNetworkTimeoutError') }))).toBe(true);
    expect(isTransientStoreError(Object.assign(new Error('E11000'), { code: 11000, name: 'MongoServerError' }))).toBe(false);
    expect(isTransientStoreError(new Error('validation failed'))).toBe(false);
    expect(isTransientStoreError(null)).toBe(false);
  });
});
