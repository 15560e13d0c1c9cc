import { allOf } from './all-of';

describe('allOf: the conjunction of filters without empty members', () => {
  it('leaves out empty filters, so a network-wide scope adds nothing to the query', () => {
    expect(allOf({}, { _id: 'call-1' })).toEqual({ _id: 'call-1' });
    expect(allOf({ serviceCenterId: { $in: ['sc-1'] } }, {})).toEqual({ serviceCenterId: { $in: ['sc-1'] } });
    expect(allOf({}, {})).toEqual({});
  });

  it('keeps every non-empty filter in an $and, even when they name the same field', () => {
    const scope = { serviceCenterId: { $in: ['sc-1', 'sc-2'] } };
    const asked = { serviceCenterId: 'sc-3', status: 'OPEN' };
    expect(allOf(scope, {}, asked)).toEqual({ $and: [scope, asked] });
  });
});
