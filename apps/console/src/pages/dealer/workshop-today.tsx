import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { QueryState } from '../../components/query-state';
import { graphql } from '../../gql';
import { codesOf } from '../../graphql/client';
import { formatDateTime } from '../../i18n/format';
import { TableHead } from './table-head';
import { DealerPage, type DealerCenter } from './center-scope';
import { localDayBounds } from './time';

const WorkshopBaysQuery = graphql(`
  query DealerWorkshopBays($serviceCenterId: ID!) {
    workshopSetup(serviceCenterId: $serviceCenterId) {
      slotMinutes
      bays {
        id
        appointmentBay
      }
      periods {
        start
        end
        kind
      }
    }
  }
`);

const TodayAppointmentsQuery = graphql(`
  query DealerTodayAppointments($serviceCenterId: ID!, $from: DateTime!, $to: DateTime!) {
    appointments(serviceCenterId: $serviceCenterId, from: $from, to: $to) {
      id
      slotStart
      slotEnd
      bayId
      status
      origin
      arrival
      request
      customer {
        name
      }
      vehicle {
        vin
        model
      }
    }
  }
`);

const DispatchQueueQuery = graphql(`
  query DealerDispatchQueue($serviceCenterId: ID!) {
    dispatchQueue(serviceCenterId: $serviceCenterId) {
      id
      status
      promisedAt
      repeatRepair
      reworkCount
      appointmentId
      bayId
      technicianId
      faultDescription
      partsShortage
      customer {
        name
      }
      vehicle {
        vin
        model
      }
    }
  }
`);

/** Today's workshop of the dealer's center: bays, today's appointments (the center's local day) and the dispatch queue. */
export function WorkshopTodayPage() {
  const { t } = useTranslation('dealer');
  return <DealerPage title={t('workshop.title')}>{(center) => <WorkshopToday center={center} />}</DealerPage>;
}

function WorkshopToday({ center }: { center: DealerCenter }) {
  const { t, i18n } = useTranslation('dealer');
  const day = useMemo(() => localDayBounds(center.timeZone), [center.timeZone]);
  const [bays] = useQuery({ query: WorkshopBaysQuery, variables: { serviceCenterId: center.id } });
  const [appointments] = useQuery({ query: TodayAppointmentsQuery, variables: { serviceCenterId: center.id, from: day.from, to: day.to } });
  const [queue] = useQuery({ query: DispatchQueueQuery, variables: { serviceCenterId: center.id } });
  const at = (iso: string | null | undefined) => formatDateTime(iso, i18n.language, center.timeZone);
  // The day's bookings that still hold their bay, per bay (the graph lists no orders by bay, so a bay shows its appointments).
  const held = (bayId: string) => (appointments.data?.appointments ?? []).filter((a) => a.bayId === bayId && a.status !== 'CANCELLED' && a.status !== 'DECLINED');
  return (
    <>
      <h3>{t('workshop.bays')}</h3>
      {/* A center that has not set its workshop up yet is a state to say, not an error. */}
      {codesOf(bays.error).includes('NOT_FOUND') ? (
        <p data-testid="no-setup">{t('workshop.noSetup')}</p>
      ) : (
      <QueryState fetching={bays.fetching} error={bays.error} data={bays.data}>
        {(data) => (
          <table data-testid="bays">
            <TableHead labels={[t('workshop.bay'), t('workshop.today'), t('workshop.nextAppointment')]} />
            <tbody>
              {data.workshopSetup.bays.map((bay) => {
                const next = held(bay.id).find((a) => (a.status === 'BOOKED' || a.status === 'PROPOSED') && Date.parse(a.slotEnd) > Date.now());
                return (
                  <tr key={bay.id}>
                    <td>
                      {bay.id} <small>{bay.appointmentBay ? t('workshop.appointmentBay') : t('workshop.anyBay')}</small>
                    </td>
                    <td>{appointments.data ? held(bay.id).length : '—'}</td>
                    <td>{next ? at(next.slotStart) : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </QueryState>
      )}
      <h3>
        {t('workshop.appointments')} <small>{t('workshop.localDay', { date: day.date, zone: center.timeZone })}</small>
      </h3>
      <QueryState fetching={appointments.fetching} error={appointments.error} data={appointments.data}>
        {(data) =>
          data.appointments.length === 0 ? (
            <p>{t('workshop.noAppointments')}</p>
          ) : (
            <table data-testid="appointments">
              <TableHead labels={[t('workshop.slot'), t('workshop.bay'), t('workshop.customer'), t('workshop.vehicle'), t('workshop.status')]} />
              <tbody>
                {data.appointments.map((a) => (
                  <tr key={a.id}>
                    <td>{at(a.slotStart)}</td>
                    <td>{a.bayId}</td>
                    <td>{a.customer.name}</td>
                    <td>
                      {a.vehicle.model} <small>{a.vehicle.vin}</small>
                      {a.request ? <div><small>{a.request}</small></div> : null}
                    </td>
                    <td>
                      {t(`appointmentStatus.${a.status}`)}
                      {a.arrival ? ` · ${t(`arrival.${a.arrival}`)}` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryState>
      <h3>{t('workshop.queue')}</h3>
      <QueryState fetching={queue.fetching} error={queue.error} data={queue.data}>
        {(data) =>
          data.dispatchQueue.length === 0 ? (
            <p>{t('workshop.emptyQueue')}</p>
          ) : (
            <ol data-testid="dispatch-queue">
              {data.dispatchQueue.map((o) => (
                <li key={o.id}>
                  <strong>{o.vehicle.model ?? o.vehicle.vin}</strong> · {o.customer.name} · {t(`repairStatus.${o.status}`)} ·{' '}
                  {t('workshop.promised', { at: at(o.promisedAt) })}
                  {o.repeatRepair ? <mark> {t('workshop.repeat')}</mark> : null}
                  {o.reworkCount > 0 ? <mark> {t('workshop.rework', { count: o.reworkCount })}</mark> : null}
                  {o.partsShortage ? <mark> {t('workshop.partsShort')}</mark> : null}
                  {o.appointmentId ? <small> {t('workshop.byAppointment')}</small> : <small> {t('workshop.walkIn')}</small>}
                  <div>
                    <small>{o.faultDescription}</small>
                  </div>
                </li>
              ))}
            </ol>
          )
        }
      </QueryState>
    </>
  );
}
