import { Fragment, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { QueryState } from '../../components/query-state';
import { graphql, useFragment, type FragmentType } from '../../gql';

export const DealerCenterFields = graphql(`
  fragment DealerCenterFields on ServiceCenter {
    id
    code
    name
    timeZone
  }
`);

const DealerCentersQuery = graphql(`
  query DealerCenters {
    serviceCenters(first: 50) {
      totalCount
      edges {
        node {
          ...DealerCenterFields
        }
      }
    }
  }
`);

export interface DealerCenter {
  id: string;
  code: string;
  name: string;
  timeZone: string;
}

const KEY = 'aftersales.console.dealer.center';

/**
 * The dealer's centers (the graph answers only those in the token's scope); a picker when there are
 * several, and the chosen one is kept for the session so every dealer page opens on it.
 */
export function DealerCenterScope({ children }: { children: (center: DealerCenter) => ReactNode }) {
  const { t } = useTranslation('dealer');
  const [result] = useQuery({ query: DealerCentersQuery });
  const [chosen, setChosen] = useState<string | null>(() => sessionStorage.getItem(KEY));
  return (
    <QueryState fetching={result.fetching} error={result.error} data={result.data}>
      {(data) => {
        const centers = data.serviceCenters.edges.map((e) => unmask(e.node));
        if (centers.length === 0) return <p role="alert">{t('center.none')}</p>;
        const center = centers.find((c) => c.id === chosen) ?? centers[0];
        const choose = (id: string) => {
          sessionStorage.setItem(KEY, id);
          setChosen(id);
        };
        return (
          <>
            {centers.length > 1 ? (
              <label>
                {t('center.pick')}
                <select data-testid="center-picker" value={center.id} onChange={(e) => choose(e.target.value)}>
                  {centers.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.code} {c.name}
                    </option>
                  ))}
                </select>
              </label>
            ) : (
              <p>
                <strong>
                  {center.code} {center.name}
                </strong>{' '}
                <small>({center.timeZone})</small>
              </p>
            )}
            {children(center)}
          </>
        );
      }}
    </QueryState>
  );
}

// `useFragment` of the client preset only unmasks the data (it is not a React hook).
function unmask(node: FragmentType<typeof DealerCenterFields>): DealerCenter {
  return useFragment(DealerCenterFields, node);
}

/** A dealer page: its title, then its content for the chosen center (remounted when the center changes, so paging restarts). */
export function DealerPage({ title, children }: { title: string; children: (center: DealerCenter) => ReactNode }) {
  return (
    <section>
      <h2>{title}</h2>
      <DealerCenterScope>{(center) => <Fragment key={center.id}>{children(center)}</Fragment>}</DealerCenterScope>
    </section>
  );
}
