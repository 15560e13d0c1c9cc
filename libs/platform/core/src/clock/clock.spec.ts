import { ControllableClock } from './clock';

describe('ControllableClock', () => {
  it('jumps to a set time and keeps advancing from there', () => {
    const clock = new ControllableClock();
    clock.set(new Date('2027-01-04T09:00:00Z'));
    const first = clock.now().getTime();
    expect(first).toBeGreaterThanOrEqual(Date.parse('2027-01-04T09:00:00Z'));
    expect(first).toBeLessThan(Date.parse('2027-01-04T09:00:01Z'));
    clock.advance(30 * 60_000);
    expect(clock.now().getTime() - first).toBeGreaterThanOrEqual(30 * 60_000);
    clock.reset();
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(50);
  });
});
