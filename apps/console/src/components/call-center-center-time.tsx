import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql, useFragment } from '../gql';
import { formatDateTime } from '../i18n/format';

const CenterZoneQuery = graphql(`
  query ConsoleCenterZone($id: ID!) {
    serviceCenter(id: $id) {
      ...CenterZone
    }
  }
`);

export const CenterZoneFragment = graphql(`
  fragment CenterZone on ServiceCenter {
    id
    code
    name
    timeZone
  }
`);

/**
 * An instant on a center's own wall clock, with the zone named. Rows of a list name many centers, so
 * each asks for its center once (cache-first: the same center is asked once per page, not per row).
 */
export function CenterTime({ centerId, at }: { centerId: string | null | undefined; at: string | null | undefined }) {
  const { i18n } = useTranslation();
  const [result] = useQuery({ query: CenterZoneQuery, variables: { id: centerId ?? '' }, pause: !centerId, requestPolicy: 'cache-first' });
  const zone = useFragment(CenterZoneFragment, result.data?.serviceCenter)?.timeZone;
  // Without a center (the pool's HQ tasks) or before the zone arrives: the reader's own clock, zone named.
  const timeZone = zone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  return <time dateTime={at ?? undefined}>{formatDateTime(at, i18n.language, timeZone)}</time>;
}
