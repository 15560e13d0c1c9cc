import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Link } from 'wouter';
import { graphql, useFragment, type FragmentType } from '../../gql';
import type { ScorecardInput } from '../../gql/graphql';

export const RegionsQuery = graphql(`
  query HqRegions {
    regions {
      id
      code
      name
    }
  }
`);

/** A center wherever an HQ page names one: its code and name linking to its page, and the zone its clocks run in. */
export const HqCenterFields = graphql(`
  fragment HqCenterFields on ServiceCenter {
    id
    code
    name
    timeZone
  }
`);

export function HqCenterLink(props: { center: FragmentType<typeof HqCenterFields> | null | undefined; fallbackId?: string | null }) {
  const { t } = useTranslation('hq');
  const center = useFragment(HqCenterFields, props.center);
  if (!center) return <span>{props.fallbackId ?? t('common.noCenter')}</span>;
  return (
    <Link href={`/centers/${center.id}`}>
      {center.code} {center.name}
    </Link>
  );
}

/** The zone a center's clocks run in, read from the same fragment. */
export function useCenterZone(center: FragmentType<typeof HqCenterFields> | null | undefined): string | undefined {
  return useFragment(HqCenterFields, center)?.timeZone;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function monthOf(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}`;
}

/** The scorecard's own default period (January of this year to this month), stated so the form shows it. */
export function defaultPeriod(now = new Date()): Pick<ScorecardInput, 'from' | 'to'> {
  return { from: `${now.getFullYear()}-01`, to: monthOf(now) };
}

/** Every month from..to (yyyy-mm), at most `max`; an empty list when the range is not one. */
export function monthsBetween(from: string, to: string, max = 24): string[] {
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  if (!fy || !fm || !ty || !tm) return [];
  const out: string[] = [];
  for (let y = fy, m = fm; (y < ty || (y === ty && m <= tm)) && out.length < max; m === 12 ? ((y += 1), (m = 1)) : (m += 1)) out.push(`${y}-${pad(m)}`);
  return out;
}

/** Previous / next over a list the graph pages, with what is shown between them. */
export function HqPager(props: { hasPrevious: boolean; hasNext: boolean; onPrevious(): void; onNext(): void; label?: string; testId: string }) {
  const { t } = useTranslation('hq');
  return (
    <nav aria-label={t('common.pages')}>
      <ul>
        <li>
          <button className="secondary" disabled={!props.hasPrevious} onClick={props.onPrevious} data-testid={`${props.testId}-prev`}>
            {t('common.previous')}
          </button>
        </li>
        {props.label && <li>{props.label}</li>}
        <li>
          <button className="secondary" disabled={!props.hasNext} onClick={props.onNext} data-testid={`${props.testId}-next`}>
            {t('common.next')}
          </button>
        </li>
      </ul>
    </nav>
  );
}

/** The regions the caller may see, as a filter (`""`: all of them). */
export function RegionSelect({ defaultValue }: { defaultValue?: string | null }) {
  const { t } = useTranslation('hq');
  const [regions] = useQuery({ query: RegionsQuery });
  return (
    <label>
      {t('common.region')}
      <select name="regionId" defaultValue={defaultValue ?? ''}>
        <option value="">{t('common.all')}</option>
        {regions.data?.regions.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name}
          </option>
        ))}
      </select>
    </label>
  );
}
