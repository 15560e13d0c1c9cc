import { graphql } from '../../gql';

/** A job order as the dealer's list and its own page both show it: number, state and the clocks. */
export const DealerJobOrderFields = graphql(`
  fragment DealerJobOrderFields on JobOrder {
    id
    number
    status
    round
    reopenCount
    overdue
    breached
    paused
    description
    customer {
      name
    }
    vehicle {
      vin
      model
    }
    clocks {
      ...DealerSlaClockFields
    }
    createdAt
  }
`);

export const DealerSlaClockFields = graphql(`
  fragment DealerSlaClockFields on SlaClock {
    id
    kind
    tier
    serviceCenterId
    round
    dueAt
    warnedAt
    breachedAt
    endedAt
    met
  }
`);
