import { newKafkaClusterId } from './infra.mjs';

describe('Kafka cluster id', () => {
  it('never starts with "-", which the storage tool would read as an option', () => {
    // First draw encodes to "-rLZ1ITjmW8Heqf6kwEscA" (the id that once broke CI); the second does not.
    const draws = [Buffer.from('-rLZ1ITjmW8Heqf6kwEscA', 'base64url'), Buffer.alloc(16, 7)];
    const id = newKafkaClusterId(() => draws.shift() as Buffer);
    expect(id).toBe(Buffer.alloc(16, 7).toString('base64url'));
    expect(draws).toHaveLength(0);
  });

  it('is 16 bytes in base64url, as Kafka expects', () => {
    for (let i = 0; i < 500; i++) {
      const id = newKafkaClusterId();
      expect(id).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/);
      expect(Buffer.from(id, 'base64url')).toHaveLength(16);
    }
  });
});
