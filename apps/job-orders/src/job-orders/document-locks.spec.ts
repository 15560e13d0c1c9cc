import type { EventEnvelope } from '@aftersales/contracts';
import type { OutboxStore } from '@aftersales/platform-kafka';
import { DocumentLocks, LockedOutboxStore } from './document-locks';

const tick = () => new Promise((r) => setTimeout(r, 5));

/** A write that records when it starts and ends, and finishes only when released. */
function gate(log: string[], name: string) {
  let release!: () => void;
  const done = new Promise<void>((r) => (release = r));
  return {
    release,
    write: async () => {
      log.push(`${name}:start`);
      await done;
      log.push(`${name}:end`);
      return name;
    },
  };
}

describe('DocumentLocks', () => {
  it('runs the writes to one document one after another, in the order they came', async () => {
    const locks = new DocumentLocks();
    const log: string[] = [];
    const a = gate(log, 'a');
    const b = gate(log, 'b');
    const first = locks.run('jo-1', a.write);
    const second = locks.run('jo-1', b.write);
    await tick();
    expect(log).toEqual(['a:start']);
    b.release();
    await tick();
    expect(log).toEqual(['a:start']);
    a.release();
    expect(await Promise.all([first, second])).toEqual(['a', 'b']);
    expect(log).toEqual(['a:start', 'a:end', 'b:start', 'b:end']);
  });

  it('lets the next write run after a failed one, which still fails for its caller', async () => {
    const locks = new DocumentLocks();
    const failed = locks.run('jo-1', () => Promise.reject(new Error('store down')));
    const next = locks.run('jo-1', async () => 'written');
    await expect(failed).rejects.toThrow('store down');
    await expect(next).resolves.toBe('written');
  });

  it('does not hold up writes to other documents', async () => {
    const locks = new DocumentLocks();
    const log: string[] = [];
    const a = gate(log, 'a');
    void locks.run('jo-1', a.write);
    await expect(locks.run('jo-2', async () => 'other')).resolves.toBe('other');
    a.release();
  });
});

describe('LockedOutboxStore', () => {
  it("removes published events only after the repository's write to that order, never in the middle of it", async () => {
    const locks = new DocumentLocks();
    const log: string[] = [];
    const inner: OutboxStore = {
      name: 'job_orders_00',
      findPending: async () => [],
      removePublished: async () => {
        log.push('relay:remove');
        return 0;
      },
      clearIfEmpty: async () => {
        log.push('relay:clear');
        return true;
      },
    };
    const store = new LockedOutboxStore(inner, locks);
    const contact = gate(log, 'contact');
    const written = locks.run('jo-1', contact.write);
    const removed = store.removePublished('jo-1', [{ id: 'e-1' } as EventEnvelope]).then(() => store.clearIfEmpty('jo-1'));
    await tick();
    expect(log).toEqual(['contact:start']);
    contact.release();
    await Promise.all([written, removed]);
    expect(log).toEqual(['contact:start', 'contact:end', 'relay:remove', 'relay:clear']);
    expect(store.name).toBe('job_orders_00');
  });
});
