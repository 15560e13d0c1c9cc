import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { useSignedIn } from '../../auth/session-context';
import { CenterTime } from '../../components/call-center-center-time';
import { FieldHint, FieldIssues } from '../../components/field-issues';
import { QueryState } from '../../components/query-state';
import { graphql } from '../../gql';
import { issuesOf } from '../../graphql/client';
import { formatNumber } from '../../i18n/format';

const PartsShortQuery = graphql(`
  query ConsolePartsShort($locationId: ID!) {
    serviceCenter(id: $locationId) {
      id
      code
      name
      timeZone
    }
    stock(locationId: $locationId) {
      partNumber
      onHand
      reserved
      available
      onOrder
      abc
      safetyStock
      reorderPoint
    }
    replenishmentSuggestions(locationId: $locationId) {
      partNumber
      position
      reorderPoint
      quantity
    }
  }
`);

const WhoCanSpareQuery = graphql(`
  query ConsoleWhoCanSpare($input: AvailabilityInput!) {
    partAvailability(input: $input) {
      locationId
      locationName
      level
      distanceKm
      shareable
      coversAll
    }
  }
`);

const TransferMutation = graphql(`
  mutation ConsoleRequestTransfer($input: CreateTransferInput!) {
    createPartsTransfer(input: $input) {
      id
      partNumber
      quantity
      fromLocationId
      toLocationId
      status
      createdAt
    }
  }
`);

export interface ShortPart {
  partNumber: string;
  available: number;
  onHand: number;
  reserved: number;
  onOrder: number;
  safetyStock: number | null;
  reorderPoint: number | null;
  abc: string | null;
  /** What to bring in: the replenishment suggestion, else what is missing to the safety stock, at least 1. */
  need: number;
}

type StockRow = { partNumber: string; onHand: number; reserved: number; available: number; onOrder: number; abc?: string | null; safetyStock?: number | null; reorderPoint?: number | null };

/**
 * Parts this location is short of: nothing available, below the safety stock, or at or below the
 * reorder point (the parts service's suggestions), most urgent (least available) first.
 */
export function shortParts(stock: StockRow[], suggestions: { partNumber: string; quantity: number }[]): ShortPart[] {
  const suggested = new Map(suggestions.map((s) => [s.partNumber, s.quantity]));
  return stock
    .filter((s) => s.available <= 0 || (s.safetyStock != null && s.available < s.safetyStock) || suggested.has(s.partNumber))
    .map((s) => ({
      partNumber: s.partNumber,
      available: s.available,
      onHand: s.onHand,
      reserved: s.reserved,
      onOrder: s.onOrder,
      safetyStock: s.safetyStock ?? null,
      reorderPoint: s.reorderPoint ?? null,
      abc: s.abc ?? null,
      need: Math.max(1, suggested.get(s.partNumber) ?? (s.safetyStock ?? 0) - s.available),
    }))
    .sort((a, b) => a.available - b.available || a.partNumber.localeCompare(b.partNumber));
}

/** Parts short at the dealer's center, and who in the region (or HQ) can spare them, with a transfer on request. */
export function PartsShortPage() {
  const { t, i18n } = useTranslation('dealer');
  const session = useSignedIn();
  const centers = session.claims.centers;
  const [locationId, setLocationId] = useState(centers[0] ?? '');
  const [picked, setPicked] = useState<ShortPart | null>(null);
  const [result] = useQuery({ query: PartsShortQuery, variables: { locationId }, pause: !locationId });
  const lng = i18n.language;

  return (
    <section>
      <h2>{t('partsShort.title')}</h2>
      {centers.length > 1 && (
        <label>
          {t('partsShort.center')}
          <select
            value={locationId}
            onChange={(e) => {
              setLocationId(e.target.value);
              setPicked(null);
            }}
          >
            {centers.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>
      )}
      <QueryState fetching={result.fetching} error={result.error} data={result.data}>
        {(data) => {
          const short = shortParts(data.stock, data.replenishmentSuggestions);
          return (
            <>
              <p>
                {data.serviceCenter.code} {data.serviceCenter.name} · {t('partsShort.count', { n: short.length, total: data.stock.length })}
              </p>
              {short.length === 0 ? (
                <p data-testid="nothing-short">{t('partsShort.none')}</p>
              ) : (
                <table className="striped">
                  <thead>
                    <tr>
                      <th>{t('partsShort.part')}</th>
                      <th>{t('partsShort.available')}</th>
                      <th>{t('partsShort.onHandReserved')}</th>
                      <th>{t('partsShort.onOrder')}</th>
                      <th>{t('partsShort.safetyStock')}</th>
                      <th>{t('partsShort.need')}</th>
                      <th />
                    </tr>
                  </thead>
                  <tbody>
                    {short.map((p) => (
                      <tr key={p.partNumber} data-testid={`short-${p.partNumber}`}>
                        <td>
                          {p.partNumber} {p.abc && <small>({p.abc})</small>}
                        </td>
                        <td>{formatNumber(p.available, lng)}</td>
                        <td>
                          {formatNumber(p.onHand, lng)} / {formatNumber(p.reserved, lng)}
                        </td>
                        <td>{formatNumber(p.onOrder, lng)}</td>
                        <td>{formatNumber(p.safetyStock, lng)}</td>
                        <td>{formatNumber(p.need, lng)}</td>
                        <td>
                          <button className="outline" onClick={() => setPicked(p)}>
                            {t('partsShort.whoCanSpare')}
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {picked && <WhoCanSpare key={`${locationId}|${picked.partNumber}`} part={picked} locationId={locationId} />}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}

function WhoCanSpare({ part, locationId }: { part: ShortPart; locationId: string }) {
  const { t, i18n } = useTranslation('dealer');
  const [quantity, setQuantity] = useState(String(part.need));
  const [asked, setAsked] = useState(part.need);
  const [result] = useQuery({ query: WhoCanSpareQuery, variables: { input: { partNumber: part.partNumber, quantity: asked, forLocationId: locationId } } });
  const [transfer, requestTransfer] = useMutation(TransferMutation);
  const [reason, setReason] = useState('');
  const issues = issuesOf(transfer.error);
  const lng = i18n.language;
  const ask = (e: FormEvent) => {
    e.preventDefault();
    setAsked(Number(quantity));
  };
  const send = (fromLocationId: string) =>
    void requestTransfer({ input: { partNumber: part.partNumber, quantity: Number(quantity), toLocationId: locationId, fromLocationId, reason: reason.trim() ? reason : null } });

  return (
    <article data-testid="who-can-spare">
      <header>
        <strong>{t('partsShort.sparesOf', { part: part.partNumber })}</strong>
      </header>
      <form onSubmit={ask} className="grid">
        <label>
          {t('partsShort.quantity')}
          <input name="quantity" type="number" min={1} value={quantity} onChange={(e) => setQuantity(e.target.value)} aria-invalid={issues.some((i) => i.field === 'quantity') || undefined} />
          <FieldHint issues={issues} field="quantity" />
        </label>
        <label>
          {t('partsShort.reason')}
          <input name="reason" value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={issues.some((i) => i.field === 'reason') || undefined} />
          <FieldHint issues={issues} field="reason" />
        </label>
        <button type="submit" className="secondary">
          {t('partsShort.ask')}
        </button>
      </form>
      <QueryState fetching={result.fetching} error={result.error} data={result.data}>
        {({ partAvailability }) =>
          partAvailability.length === 0 ? (
            <p>{t('partsShort.nobody')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th>{t('partsShort.holder')}</th>
                  <th>{t('partsShort.distance')}</th>
                  <th>{t('partsShort.shareable')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {partAvailability.map((a) => (
                  <tr key={a.locationId} data-testid={`holder-${a.locationId}`}>
                    <td>
                      {a.locationName} <small>{t(`partsShort.levels.${a.level}`, a.level)}</small>
                    </td>
                    <td>{formatNumber(a.distanceKm, lng, 1)} km</td>
                    <td>
                      {formatNumber(a.shareable, lng)} {a.coversAll && <mark>{t('partsShort.coversAll')}</mark>}
                    </td>
                    <td>
                      <button onClick={() => send(a.locationId)} disabled={transfer.fetching} aria-busy={transfer.fetching}>
                        {t('partsShort.transfer')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryState>
      <FieldIssues error={transfer.error} />
      {transfer.data && (
        <p role="status" data-testid="transfer">
          {t('partsShort.transferred', {
            id: transfer.data.createPartsTransfer.id,
            quantity: formatNumber(transfer.data.createPartsTransfer.quantity, lng),
            from: transfer.data.createPartsTransfer.fromLocationId,
            status: transfer.data.createPartsTransfer.status,
          })}{' '}
          <CenterTime centerId={locationId} at={transfer.data.createPartsTransfer.createdAt} />
        </p>
      )}
    </article>
  );
}
