import { createEvent, sampleStaff } from '@aftersales/contracts';
import { outboxFields, withOutbox } from './outbox';

describe('withOutbox / outboxFields', () => {
  const e1 = createEvent('StaffUpserted.v1', sampleStaff(), { source: 'network' });
  const e2 = createEvent('StaffUpserted.v1', sampleStaff({ active: false }), { source: 'network' });

  it('adds $push $each and $set outboxPending to an operator update', () => {
    expect(withOutbox({ $set: { name: 'x' }, $inc: { rev: 1 } }, [e1, e2])).toEqual({
      $set: { name: 'x', outboxPending: true },
      $inc: { rev: 1 },
      $push: { outbox: { $each: [e1, e2] } },
    });
  });

  it('moves top-level fields into $set and keeps other $push fields', () => {
    expect(withOutbox({ name: 'x', $push: { tags: 'a' } }, [e1])).toEqual({
      $set: { name: 'x', outboxPending: true },
      $push: { tags: 'a', outbox: { $each: [e1] } },
    });
  });

  it('does not touch the outbox without events', () => {
    expect(withOutbox({ $set: { name: 'x' } }, [])).toEqual({ $set: { name: 'x' } });
  });

  it('refuses updates that touch the outbox fields', () => {
    expect(() => withOutbox({ $set: { outboxPending: false } }, [e1])).toThrow(/outboxPending/);
    expect(() => withOutbox({ $push: { outbox: e1 } }, [e1])).toThrow(/outbox/);
    expect(() => withOutbox({ outbox: [] }, [e1])).toThrow(/outbox/);
  });

  it('does not mutate the input and stores plain copies', () => {
    const update = { $set: { name: 'x' } };
    withOutbox(update, [e1]);
    expect(update).toEqual({ $set: { name: 'x' } });
    expect(outboxFields([e1])).toEqual({ outbox: [e1], outboxPending: true });
    expect(outboxFields([])).toEqual({ outbox: [], outboxPending: false });
  });
});
