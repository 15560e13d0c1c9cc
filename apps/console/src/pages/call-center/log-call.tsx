import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { CenterTime } from '../../components/call-center-center-time';
import { FieldHint, FieldIssues, issuesAt } from '../../components/field-issues';
import { QueryState } from '../../components/query-state';
import { graphql } from '../../gql';
import type { CallCategory, IntentGrade, LogCallInput, OtherCallSubtype } from '../../gql/graphql';
import { codesOf, issuesOf } from '../../graphql/client';
import { jobOrderIdOfCall } from './job-order-of-call';

const LogCallMutation = graphql(`
  mutation ConsoleLogCall($input: LogCallInput!) {
    logCall(input: $input) {
      id
      category
      jobOrderRequested
      leadId
      serviceCenterId
      routing {
        purpose
        serviceCenterId
        distanceKm
      }
      serviceCenter {
        ...CenterZone
      }
    }
  }
`);

const CallJobOrderQuery = graphql(`
  query ConsoleCallJobOrder($id: ID!) {
    jobOrder(id: $id) {
      id
      number
      status
      createdAt
      holders {
        tier
        serviceCenter {
          ...CenterZone
        }
      }
      clocks {
        id
        kind
        tier
        serviceCenterId
        dueAt
        met
        breachedAt
        endedAt
      }
    }
  }
`);

const CATEGORIES: CallCategory[] = ['COMPLAINT', 'FAULT_REPAIR', 'EMERGENCY_RESCUE', 'BUSINESS_CONSULTATION', 'POTENTIAL_PURCHASE', 'SUGGESTION', 'OTHER'];
const SUBTYPES: OtherCallSubtype[] = ['CONTACT_CHANGE', 'PRAISE', 'WRONG_NUMBER', 'SILENT_CALL', 'OTHER'];
const INTENTS: IntentGrade[] = ['CLEAR_MODEL', 'HESITANT', 'VAGUE', 'PRICE_COMPARISON'];
const FIVE_W1H = ['who', 'what', 'when', 'where', 'why', 'how'] as const;
/** How long the page waits for job-orders to open the order (it comes by Kafka, usually within a second or two). */
const JOB_ORDER_WAIT_MS = 60_000;
const JOB_ORDER_POLL_MS = 1_000;

type Form = Record<string, string>;

/** `datetime-local` wants the agent's wall clock without a zone. */
function localInputValue(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const blankToNull = (s: string | undefined) => (s && s.trim() ? s : null);
const numberOrNull = (s: string | undefined) => (s && s.trim() ? Number(s) : null);

/** What the form sends: blanks are left out so that the graph says what the category needs, field by field. */
export function toInput(f: Form): LogCallInput {
  const category = f.category as CallCategory;
  const vehicle = { vin: blankToNull(f.vin), model: blankToNull(f.model), mileageKm: numberOrNull(f.mileageKm) };
  const location = { lat: numberOrNull(f.lat), lng: numberOrNull(f.lng), description: blankToNull(f.locationDescription) };
  return {
    category,
    subtype: category === 'OTHER' ? ((blankToNull(f.subtype) as OtherCallSubtype | null) ?? null) : null,
    customer: { name: blankToNull(f.name), phone: f.phone ?? '', country: (f.country ?? '').toUpperCase() },
    vehicle: Object.values(vehicle).some((v) => v !== null) ? vehicle : null,
    location: Object.values(location).some((v) => v !== null) ? location : null,
    startedAt: f.startedAt ? new Date(f.startedAt).toISOString() : new Date().toISOString(),
    durationSec: Number(f.durationSec || 0),
    record: Object.fromEntries(FIVE_W1H.map((k) => [k, blankToNull(f[k])])),
    fault: blankToNull(f.fault),
    requirement: blankToNull(f.requirement),
    resolved: category === 'BUSINESS_CONSULTATION' ? f.resolved === 'yes' : null,
    intent: category === 'POTENTIAL_PURCHASE' ? ((blankToNull(f.intent) as IntentGrade | null) ?? null) : null,
    interestedModels: blankToNull(f.interestedModels)
      ?.split(',')
      .map((m) => m.trim())
      .filter(Boolean),
    serviceCenterId: blankToNull(f.serviceCenterId),
  };
}

/**
 * Log an inbound call with its 5W1H record. What a category needs (fault, location, vehicle,
 * requirement, intent...) is checked by the graph; its refusal is shown under each field. A call that
 * asks for a job order then waits for job-orders to open it, and shows its number and due clocks.
 */
export function LogCallPage() {
  const { t } = useTranslation('callCenter');
  const [form, setForm] = useState<Form>(() => ({ category: 'COMPLAINT', country: 'CN', durationSec: '180', startedAt: localInputValue(new Date()) }));
  const [result, logCall] = useMutation(LogCallMutation);
  const issues = issuesOf(result.error);
  const set = (k: string) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void logCall({ input: toInput(form) });
  };
  const field = (name: string, label: string, input: ReactNode) => (
    <label>
      {label}
      {input}
      <FieldHint issues={issues} field={name} />
    </label>
  );
  const text = (name: string, key: string, issueField = key, props: Record<string, unknown> = {}) =>
    field(
      issueField,
      t(`logCall.fields.${name}`),
      <input
        name={name}
        value={form[name] ?? ''}
        onChange={set(name)}
        aria-invalid={issuesAt(issues, issueField).length ? true : undefined}
        aria-describedby={`${issueField}-issues`}
        {...props}
      />,
    );
  /** A select of enum values, labelled from `logCall.<labels>.<value>`; optional ones start blank. */
  const choice = (name: string, values: readonly string[], labels: string, optional = true) =>
    field(
      name,
      t(`logCall.fields.${name}`),
      <select name={name} value={form[name] ?? (optional ? '' : values[0])} onChange={set(name)}>
        {optional && <option value="">—</option>}
        {values.map((v) => (
          <option key={v} value={v}>
            {t(`logCall.${labels}.${v}`)}
          </option>
        ))}
      </select>,
    );
  const logged = result.data?.logCall;
  const category = form.category as CallCategory;

  return (
    <section>
      <h2>{t('logCall.title')}</h2>
      <form onSubmit={submit} aria-label={t('logCall.title')} noValidate>
        <div className="grid">
          {choice('category', CATEGORIES, 'categories', false)}
          {category === 'OTHER' && choice('subtype', SUBTYPES, 'subtypes')}
          {category === 'POTENTIAL_PURCHASE' && choice('intent', INTENTS, 'intents')}
          {category === 'BUSINESS_CONSULTATION' && choice('resolved', ['no', 'yes'], 'answers', false)}
        </div>
        <fieldset>
          <legend>{t('logCall.customer')}</legend>
          <div className="grid">
            {text('name', 'name', 'customer.name')}
            {text('phone', 'phone', 'customer.phone', { type: 'tel' })}
            {text('country', 'country', 'customer.country', { maxLength: 2 })}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('logCall.record')}</legend>
          <div className="grid">
            {FIVE_W1H.slice(0, 3).map((k) => (
              <span key={k}>{text(k, k, `record.${k}`)}</span>
            ))}
          </div>
          <div className="grid">
            {FIVE_W1H.slice(3).map((k) => (
              <span key={k}>{text(k, k, `record.${k}`)}</span>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('logCall.vehicleAndPlace')}</legend>
          <div className="grid">
            {text('vin', 'vin', 'vehicle.vin')}
            {text('model', 'model', 'vehicle.model')}
            {text('mileageKm', 'mileageKm', 'vehicle.mileageKm', { type: 'number', min: 0 })}
          </div>
          <FieldHint issues={issues.filter((i) => i.field === 'vehicle')} field="vehicle" />
          <div className="grid">
            {text('lat', 'lat', 'location.lat', { type: 'number', step: 'any' })}
            {text('lng', 'lng', 'location.lng', { type: 'number', step: 'any' })}
            {text('locationDescription', 'locationDescription', 'location.description')}
          </div>
          <FieldHint issues={issues.filter((i) => i.field === 'location' || i.field === 'location.point')} field="location" />
        </fieldset>
        <div className="grid">
          {text('fault', 'fault')}
          {text('requirement', 'requirement')}
          {text('interestedModels', 'interestedModels')}
        </div>
        <div className="grid">
          {text('serviceCenterId', 'serviceCenterId')}
          {text('startedAt', 'startedAt', 'startedAt', { type: 'datetime-local' })}
          {text('durationSec', 'durationSec', 'durationSec', { type: 'number', min: 0 })}
        </div>
        <FieldIssues error={result.error} />
        <button type="submit" aria-busy={result.fetching} disabled={result.fetching}>
          {t('logCall.submit')}
        </button>
      </form>
      {logged && (
        <article data-testid="logged-call">
          <header>
            <strong>{t('logCall.logged', { id: logged.id })}</strong>
          </header>
          {logged.jobOrderRequested ? (
            <CallJobOrder callId={logged.id} />
          ) : (
            <p>{logged.leadId ? t('logCall.leadCreated', { id: logged.leadId }) : t('logCall.noJobOrder')}</p>
          )}
        </article>
      )}
    </section>
  );
}

/** Waits for job-orders to open the order the call asked for (the request travels by Kafka), then shows it. */
export function CallJobOrder({ callId }: { callId: string }) {
  const { t } = useTranslation('callCenter');
  const [id, setId] = useState<string | null>(null);
  const [startedAt] = useState(() => Date.now());
  useEffect(() => {
    void jobOrderIdOfCall(callId).then(setId);
  }, [callId]);
  const [result, reexecute] = useQuery({ query: CallJobOrderQuery, variables: { id: id ?? '' }, pause: !id, requestPolicy: 'network-only' });
  const waiting = !!id && !result.fetching && codesOf(result.error).includes('NOT_FOUND');
  const gaveUp = waiting && Date.now() - startedAt > JOB_ORDER_WAIT_MS;
  useEffect(() => {
    if (!waiting || gaveUp) return;
    const timer = setTimeout(() => reexecute({ requestPolicy: 'network-only' }), JOB_ORDER_POLL_MS);
    return () => clearTimeout(timer);
  }, [waiting, gaveUp, reexecute]);

  if (!id || waiting || (result.fetching && !result.data))
    return (
      <p aria-busy={!gaveUp} data-testid="job-order-waiting">
        {gaveUp ? t('logCall.jobOrderLate') : t('logCall.jobOrderWaiting')}
      </p>
    );
  return (
    <QueryState fetching={result.fetching} error={result.error} data={result.data}>
      {({ jobOrder }) => (
        <div data-testid="job-order">
          <p>
            {t('logCall.jobOrder')} <strong data-testid="job-order-number">{jobOrder.number}</strong> · {t(`logCall.status.${jobOrder.status}`, jobOrder.status)}
          </p>
          <table>
            <thead>
              <tr>
                <th>{t('logCall.clock')}</th>
                <th>{t('logCall.tier')}</th>
                <th>{t('logCall.due')}</th>
              </tr>
            </thead>
            <tbody>
              {jobOrder.clocks
                .filter((c) => !c.endedAt)
                .map((c) => (
                  <tr key={c.id} data-testid={`clock-${c.kind}`}>
                    <td>{t(`logCall.clocks.${c.kind}`)}</td>
                    <td>
                      {t(`logCall.tiers.${c.tier}`)} <small>{c.serviceCenterId}</small>
                    </td>
                    <td>{c.dueAt ? <CenterTime centerId={c.serviceCenterId} at={c.dueAt} /> : t('logCall.paused')}</td>
                  </tr>
                ))}
            </tbody>
          </table>
          <small>{t('logCall.clocksNote')}</small>
        </div>
      )}
    </QueryState>
  );
}

