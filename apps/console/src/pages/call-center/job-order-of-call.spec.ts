import { jobOrderIdOfCall } from './job-order-of-call';

describe('the job order a call asks for', () => {
  it('has the id job-orders gives the order of that call (values from jobOrderIdFor of @aftersales/domain-job-orders)', async () => {
    expect(await jobOrderIdOfCall('call-1')).toBe('jo-47055b1922c04128d1f40ee2');
    expect(await jobOrderIdOfCall('呼叫-7')).toBe('jo-2bf2c35a07e17274aa79141f');
  });
});
