/** @jest-environment jsdom */
import { jest } from '@jest/globals';
import { act, fireEvent, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { initI18n } from '../../i18n';
import { fakeGraph, type FakeAnswer } from '../../testing/fake-graph';
import { AssessmentPage } from './assessment';
import { byOperation, nameOf, REGIONS } from './testing';

const center = (id: string, code: string, name: string) => ({ __typename: 'ServiceCenter', id, code, name, timeZone: 'Asia/Shanghai' });
const ROWS: FakeAnswer = {
  data: {
    distributorAssessment: [
      { rank: 1, serviceCenterId: 'sc-cn-0002', name: '上海浦东', serviceCenter: center('sc-cn-0002', 'CN-0002', '上海浦东'), complaints: 1200, closed: 1188, closingRate: 0.99 },
      { rank: 2, serviceCenterId: 'sc-cn-0003', name: '北京朝阳', serviceCenter: center('sc-cn-0003', 'CN-0003', '北京朝阳'), complaints: 7, closed: 6, closingRate: 0.8571 },
    ],
  },
};

describe('the distributor assessment page', () => {
  beforeAll(() => initI18n('en'));
  afterEach(() => act(() => void i18next.changeLanguage('en')));

  it('shows a refusal for a role the graph refuses (a dealer)', async () => {
    const graph = fakeGraph(byOperation({ HqDistributorAssessment: () => ({ errors: [{ message: 'Requires one of the roles HQ_ADMIN, HQ_ANALYST, REGION_MANAGER', code: 'FORBIDDEN' }] }), HqRegions: () => REGIONS }));
    render(<AssessmentPage />, { wrapper: graph.wrap });
    expect(await screen.findByTestId('forbidden')).toBeTruthy();
  });

  it('ranks the distributors by closing rate, links each to its page, and asks for the year and region chosen', async () => {
    const graph = fakeGraph(byOperation({ HqDistributorAssessment: () => ROWS, HqRegions: () => REGIONS }));
    render(<AssessmentPage />, { wrapper: graph.wrap });
    const table = await screen.findByTestId('assessment-table');
    expect(table.textContent).toContain('CN-0002 上海浦东');
    expect(screen.getByRole('link', { name: 'CN-0003 北京朝阳' }).getAttribute('href')).toBe('/centers/sc-cn-0003');
    expect(table.textContent).toContain('85.7%');
    await screen.findByRole('option', { name: 'China' });
    const form = screen.getByRole('form');
    fireEvent.change(form.querySelector('[name=year]')!, { target: { value: '2025' } });
    fireEvent.change(form.querySelector('[name=regionId]')!, { target: { value: 'rg-chn' } });
    fireEvent.submit(form);
    await screen.findByTestId('assessment-table');
    expect(graph.asked.filter((o) => nameOf(o) === 'HqDistributorAssessment').at(-1)!.variables).toEqual({ year: 2025, regionId: 'rg-chn' });
  });

  it('opens on the year complaints are counted in (UTC), not the browser’s, on the evening of 31 December in Shanghai', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-31T20:00:00Z'), advanceTimers: true });
    // A browser in Shanghai: 04:00 on 1 January 2027 there (jsdom keeps the test process's zone).
    const localYear = jest.spyOn(Date.prototype, 'getFullYear').mockReturnValue(2027);
    try {
      const graph = fakeGraph(byOperation({ HqDistributorAssessment: () => ROWS, HqRegions: () => REGIONS }));
      render(<AssessmentPage />, { wrapper: graph.wrap });
      await screen.findByTestId('assessment-table');
      expect(graph.asked.find((o) => nameOf(o) === 'HqDistributorAssessment')!.variables).toMatchObject({ year: 2026 });
    } finally {
      localYear.mockRestore();
      jest.useRealTimers();
    }
  });

  it('shows a refused year field by field', async () => {
    const graph = fakeGraph(
      byOperation({
        HqDistributorAssessment: () => ({ errors: [{ message: 'bad', code: 'BAD_USER_INPUT', extensions: { issues: [{ field: 'year', rule: 'range', message: 'must be between 2000 and 2100' }] } }] }),
        HqRegions: () => REGIONS,
      }),
    );
    render(<AssessmentPage />, { wrapper: graph.wrap });
    expect((await screen.findByTestId('issues')).querySelector('[data-field=year]')?.textContent).toMatch(/between 2000 and 2100/);
  });

  it('writes counts and rates the Portuguese and the Chinese way', async () => {
    const graph = fakeGraph(byOperation({ HqDistributorAssessment: () => ROWS, HqRegions: () => REGIONS }));
    render(<AssessmentPage />, { wrapper: graph.wrap });
    await screen.findByTestId('assessment-table');
    await act(() => i18next.changeLanguage('pt'));
    expect(screen.getByTestId('assessment-table').textContent).toContain('1.2001.18899,0%');
    expect(screen.getByText('Taxa de fecho de reclamações')).toBeTruthy();
    await act(() => i18next.changeLanguage('zh'));
    expect(screen.getByTestId('assessment-table').textContent).toContain('85.7%');
    expect(screen.getByText('投诉关闭率')).toBeTruthy();
  });
});
