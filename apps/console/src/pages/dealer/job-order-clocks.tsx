import { useTranslation } from 'react-i18next';
import { useFragment, type FragmentType } from '../../gql';
import { ClockBadge } from './clock';
import { DealerSlaClockFields } from './job-order-fragments';
import { plainList, plainItem } from './styles';

/** The clocks of the order's current round that run for this center (an HQ holder's clocks are HQ's business). */
export function JobOrderClocks(props: { clocks: FragmentType<typeof DealerSlaClockFields>[]; round: number; serviceCenterId: string; timeZone: string }) {
  const { t } = useTranslation('dealer');
  const clocks = props.clocks.map((c) => useFragment(DealerSlaClockFields, c)).filter((c) => c.round === props.round && c.serviceCenterId === props.serviceCenterId);
  if (clocks.length === 0) return <small>—</small>;
  return (
    <ul style={plainList}>
      {clocks.map((c) => (
        <li key={c.id} style={plainItem}>
          <ClockBadge label={t(`jobOrders.clock.${c.kind}`)} dueAt={c.dueAt} endedAt={c.endedAt} breachedAt={c.breachedAt} warnedAt={c.warnedAt} met={c.met} timeZone={props.timeZone} />
        </li>
      ))}
    </ul>
  );
}
