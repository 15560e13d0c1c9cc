/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment DealerCenterFields on ServiceCenter {\n    id\n    code\n    name\n    timeZone\n  }\n": typeof types.DealerCenterFieldsFragmentDoc,
    "\n  query DealerCenters {\n    serviceCenters(first: 50) {\n      totalCount\n      edges {\n        node {\n          ...DealerCenterFields\n        }\n      }\n    }\n  }\n": typeof types.DealerCentersDocument,
    "\n  query DealerComplaints($filter: ComplaintFilter, $first: Int!, $offset: Int!) {\n    complaints(filter: $filter, first: $first, offset: $offset) {\n      totalCount\n      items {\n        id\n        number\n        class\n        status\n        receivedAt\n        content\n        timeZone\n        flags\n        customer {\n          name\n        }\n        routing {\n          to {\n            role\n            name\n          }\n        }\n        clocks {\n          kind\n          dueAt\n          originalDueAt\n          warnedAt\n          breachedAt\n          metAt\n          onTime\n        }\n        jobOrder {\n          number\n        }\n      }\n    }\n  }\n": typeof types.DealerComplaintsDocument,
    "\n  query DealerFollowUpCallList($serviceCenterId: ID!, $date: String) {\n    followUpCallList(serviceCenterId: $serviceCenterId, date: $date) {\n      id\n      repairOrderId\n      kind\n      scheduledFor\n      dueAt\n      status\n      customer {\n        name\n        phone\n        language\n      }\n      vehicle {\n        vin\n        model\n      }\n    }\n  }\n": typeof types.DealerFollowUpCallListDocument,
    "\n  mutation DealerRequestFollowUpCall($id: ID!) {\n    requestFollowUpCall(id: $id) {\n      id\n      followUps {\n        id\n        status\n      }\n    }\n  }\n": typeof types.DealerRequestFollowUpCallDocument,
    "\n  mutation DealerRecordFollowUp($id: ID!, $input: FollowUpResultInput!) {\n    recordFollowUp(id: $id, input: $input) {\n      id\n      followUps {\n        id\n        status\n        outcome\n      }\n    }\n  }\n": typeof types.DealerRecordFollowUpDocument,
    "\n  fragment DealerJobOrderFields on JobOrder {\n    id\n    number\n    status\n    round\n    reopenCount\n    overdue\n    breached\n    paused\n    description\n    customer {\n      name\n    }\n    vehicle {\n      vin\n      model\n    }\n    clocks {\n      ...DealerSlaClockFields\n    }\n    createdAt\n  }\n": typeof types.DealerJobOrderFieldsFragmentDoc,
    "\n  fragment DealerSlaClockFields on SlaClock {\n    id\n    kind\n    tier\n    serviceCenterId\n    round\n    dueAt\n    warnedAt\n    breachedAt\n    endedAt\n    met\n  }\n": typeof types.DealerSlaClockFieldsFragmentDoc,
    "\n  fragment DealerReplyIssueFields on ReplyIssue {\n    kind\n    element\n    field\n    rule\n    message\n    language\n    phrase\n    sentence\n  }\n": typeof types.DealerReplyIssueFieldsFragmentDoc,
    "\n  mutation DealerSubmitReply($input: ReplyInput!) {\n    submitJobOrderReply(input: $input) {\n      accepted\n      complete\n      missingElements\n      issues {\n        ...DealerReplyIssueFields\n      }\n      jobOrder {\n        id\n        status\n      }\n    }\n  }\n": typeof types.DealerSubmitReplyDocument,
    "\n  query DealerJobOrder($id: ID!) {\n    jobOrder(id: $id) {\n      ...DealerJobOrderFields\n      requirement\n      holders {\n        tier\n        round\n        contactedAt\n        releasedAt\n        serviceCenter {\n          ...DealerCenterFields\n        }\n      }\n      replies {\n        id\n        round\n        at\n        responsiblePerson\n        procedure\n        result\n        accepted\n        issues {\n          ...DealerReplyIssueFields\n        }\n      }\n    }\n  }\n": typeof types.DealerJobOrderDocument,
    "\n  mutation DealerRecordContact($input: RecordContactInput!) {\n    recordCustomerContact(input: $input) {\n      id\n      status\n      holders {\n        tier\n        round\n        contactedAt\n      }\n      clocks {\n        ...DealerSlaClockFields\n      }\n    }\n  }\n": typeof types.DealerRecordContactDocument,
    "\n  query DealerJobOrders($filter: JobOrderFilter, $first: Int!, $after: String) {\n    jobOrders(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...DealerJobOrderFields\n        }\n      }\n    }\n  }\n": typeof types.DealerJobOrdersDocument,
    "\n  query DealerWorkshopBays($serviceCenterId: ID!) {\n    workshopSetup(serviceCenterId: $serviceCenterId) {\n      slotMinutes\n      bays {\n        id\n        appointmentBay\n      }\n      periods {\n        start\n        end\n        kind\n      }\n    }\n  }\n": typeof types.DealerWorkshopBaysDocument,
    "\n  query DealerTodayAppointments($serviceCenterId: ID!, $from: DateTime!, $to: DateTime!) {\n    appointments(serviceCenterId: $serviceCenterId, from: $from, to: $to) {\n      id\n      slotStart\n      slotEnd\n      bayId\n      status\n      origin\n      arrival\n      request\n      customer {\n        name\n      }\n      vehicle {\n        vin\n        model\n      }\n    }\n  }\n": typeof types.DealerTodayAppointmentsDocument,
    "\n  query DealerDispatchQueue($serviceCenterId: ID!) {\n    dispatchQueue(serviceCenterId: $serviceCenterId) {\n      id\n      status\n      promisedAt\n      repeatRepair\n      reworkCount\n      appointmentId\n      bayId\n      technicianId\n      faultDescription\n      partsShortage\n      customer {\n        name\n      }\n      vehicle {\n        vin\n        model\n      }\n    }\n  }\n": typeof types.DealerDispatchQueueDocument,
    "\n  query ConsoleScorecard($input: ScorecardInput) {\n    scorecard(input: $input) {\n      from\n      to\n      totalCount\n      scopeCount\n      rows {\n        rank\n        score\n        code\n        name\n        country\n        regionId\n        center {\n          id\n        }\n      }\n    }\n  }\n": typeof types.ConsoleScorecardDocument,
};
const documents: Documents = {
    "\n  fragment DealerCenterFields on ServiceCenter {\n    id\n    code\n    name\n    timeZone\n  }\n": types.DealerCenterFieldsFragmentDoc,
    "\n  query DealerCenters {\n    serviceCenters(first: 50) {\n      totalCount\n      edges {\n        node {\n          ...DealerCenterFields\n        }\n      }\n    }\n  }\n": types.DealerCentersDocument,
    "\n  query DealerComplaints($filter: ComplaintFilter, $first: Int!, $offset: Int!) {\n    complaints(filter: $filter, first: $first, offset: $offset) {\n      totalCount\n      items {\n        id\n        number\n        class\n        status\n        receivedAt\n        content\n        timeZone\n        flags\n        customer {\n          name\n        }\n        routing {\n          to {\n            role\n            name\n          }\n        }\n        clocks {\n          kind\n          dueAt\n          originalDueAt\n          warnedAt\n          breachedAt\n          metAt\n          onTime\n        }\n        jobOrder {\n          number\n        }\n      }\n    }\n  }\n": types.DealerComplaintsDocument,
    "\n  query DealerFollowUpCallList($serviceCenterId: ID!, $date: String) {\n    followUpCallList(serviceCenterId: $serviceCenterId, date: $date) {\n      id\n      repairOrderId\n      kind\n      scheduledFor\n      dueAt\n      status\n      customer {\n        name\n        phone\n        language\n      }\n      vehicle {\n        vin\n        model\n      }\n    }\n  }\n": types.DealerFollowUpCallListDocument,
    "\n  mutation DealerRequestFollowUpCall($id: ID!) {\n    requestFollowUpCall(id: $id) {\n      id\n      followUps {\n        id\n        status\n      }\n    }\n  }\n": types.DealerRequestFollowUpCallDocument,
    "\n  mutation DealerRecordFollowUp($id: ID!, $input: FollowUpResultInput!) {\n    recordFollowUp(id: $id, input: $input) {\n      id\n      followUps {\n        id\n        status\n        outcome\n      }\n    }\n  }\n": types.DealerRecordFollowUpDocument,
    "\n  fragment DealerJobOrderFields on JobOrder {\n    id\n    number\n    status\n    round\n    reopenCount\n    overdue\n    breached\n    paused\n    description\n    customer {\n      name\n    }\n    vehicle {\n      vin\n      model\n    }\n    clocks {\n      ...DealerSlaClockFields\n    }\n    createdAt\n  }\n": types.DealerJobOrderFieldsFragmentDoc,
    "\n  fragment DealerSlaClockFields on SlaClock {\n    id\n    kind\n    tier\n    serviceCenterId\n    round\n    dueAt\n    warnedAt\n    breachedAt\n    endedAt\n    met\n  }\n": types.DealerSlaClockFieldsFragmentDoc,
    "\n  fragment DealerReplyIssueFields on ReplyIssue {\n    kind\n    element\n    field\n    rule\n    message\n    language\n    phrase\n    sentence\n  }\n": types.DealerReplyIssueFieldsFragmentDoc,
    "\n  mutation DealerSubmitReply($input: ReplyInput!) {\n    submitJobOrderReply(input: $input) {\n      accepted\n      complete\n      missingElements\n      issues {\n        ...DealerReplyIssueFields\n      }\n      jobOrder {\n        id\n        status\n      }\n    }\n  }\n": types.DealerSubmitReplyDocument,
    "\n  query DealerJobOrder($id: ID!) {\n    jobOrder(id: $id) {\n      ...DealerJobOrderFields\n      requirement\n      holders {\n        tier\n        round\n        contactedAt\n        releasedAt\n        serviceCenter {\n          ...DealerCenterFields\n        }\n      }\n      replies {\n        id\n        round\n        at\n        responsiblePerson\n        procedure\n        result\n        accepted\n        issues {\n          ...DealerReplyIssueFields\n        }\n      }\n    }\n  }\n": types.DealerJobOrderDocument,
    "\n  mutation DealerRecordContact($input: RecordContactInput!) {\n    recordCustomerContact(input: $input) {\n      id\n      status\n      holders {\n        tier\n        round\n        contactedAt\n      }\n      clocks {\n        ...DealerSlaClockFields\n      }\n    }\n  }\n": types.DealerRecordContactDocument,
    "\n  query DealerJobOrders($filter: JobOrderFilter, $first: Int!, $after: String) {\n    jobOrders(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...DealerJobOrderFields\n        }\n      }\n    }\n  }\n": types.DealerJobOrdersDocument,
    "\n  query DealerWorkshopBays($serviceCenterId: ID!) {\n    workshopSetup(serviceCenterId: $serviceCenterId) {\n      slotMinutes\n      bays {\n        id\n        appointmentBay\n      }\n      periods {\n        start\n        end\n        kind\n      }\n    }\n  }\n": types.DealerWorkshopBaysDocument,
    "\n  query DealerTodayAppointments($serviceCenterId: ID!, $from: DateTime!, $to: DateTime!) {\n    appointments(serviceCenterId: $serviceCenterId, from: $from, to: $to) {\n      id\n      slotStart\n      slotEnd\n      bayId\n      status\n      origin\n      arrival\n      request\n      customer {\n        name\n      }\n      vehicle {\n        vin\n        model\n      }\n    }\n  }\n": types.DealerTodayAppointmentsDocument,
    "\n  query DealerDispatchQueue($serviceCenterId: ID!) {\n    dispatchQueue(serviceCenterId: $serviceCenterId) {\n      id\n      status\n      promisedAt\n      repeatRepair\n      reworkCount\n      appointmentId\n      bayId\n      technicianId\n      faultDescription\n      partsShortage\n      customer {\n        name\n      }\n      vehicle {\n        vin\n        model\n      }\n    }\n  }\n": types.DealerDispatchQueueDocument,
    "\n  query ConsoleScorecard($input: ScorecardInput) {\n    scorecard(input: $input) {\n      from\n      to\n      totalCount\n      scopeCount\n      rows {\n        rank\n        score\n        code\n        name\n        country\n        regionId\n        center {\n          id\n        }\n      }\n    }\n  }\n": types.ConsoleScorecardDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DealerCenterFields on ServiceCenter {\n    id\n    code\n    name\n    timeZone\n  }\n"): (typeof documents)["\n  fragment DealerCenterFields on ServiceCenter {\n    id\n    code\n    name\n    timeZone\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DealerCenters {\n    serviceCenters(first: 50) {\n      totalCount\n      edges {\n        node {\n          ...DealerCenterFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DealerCenters {\n    serviceCenters(first: 50) {\n      totalCount\n      edges {\n        node {\n          ...DealerCenterFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DealerComplaints($filter: ComplaintFilter, $first: Int!, $offset: Int!) {\n    complaints(filter: $filter, first: $first, offset: $offset) {\n      totalCount\n      items {\n        id\n        number\n        class\n        status\n        receivedAt\n        content\n        timeZone\n        flags\n        customer {\n          name\n        }\n        routing {\n          to {\n            role\n            name\n          }\n        }\n        clocks {\n          kind\n          dueAt\n          originalDueAt\n          warnedAt\n          breachedAt\n          metAt\n          onTime\n        }\n        jobOrder {\n          number\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DealerComplaints($filter: ComplaintFilter, $first: Int!, $offset: Int!) {\n    complaints(filter: $filter, first: $first, offset: $offset) {\n      totalCount\n      items {\n        id\n        number\n        class\n        status\n        receivedAt\n        content\n        timeZone\n        flags\n        customer {\n          name\n        }\n        routing {\n          to {\n            role\n            name\n          }\n        }\n        clocks {\n          kind\n          dueAt\n          originalDueAt\n          warnedAt\n          breachedAt\n          metAt\n          onTime\n        }\n        jobOrder {\n          number\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DealerFollowUpCallList($serviceCenterId: ID!, $date: String) {\n    followUpCallList(serviceCenterId: $serviceCenterId, date: $date) {\n      id\n      repairOrderId\n      kind\n      scheduledFor\n      dueAt\n      status\n      customer {\n        name\n        phone\n        language\n      }\n      vehicle {\n        vin\n        model\n      }\n    }\n  }\n"): (typeof documents)["\n  query DealerFollowUpCallList($serviceCenterId: ID!, $date: String) {\n    followUpCallList(serviceCenterId: $serviceCenterId, date: $date) {\n      id\n      repairOrderId\n      kind\n      scheduledFor\n      dueAt\n      status\n      customer {\n        name\n        phone\n        language\n      }\n      vehicle {\n        vin\n        model\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DealerRequestFollowUpCall($id: ID!) {\n    requestFollowUpCall(id: $id) {\n      id\n      followUps {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DealerRequestFollowUpCall($id: ID!) {\n    requestFollowUpCall(id: $id) {\n      id\n      followUps {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DealerRecordFollowUp($id: ID!, $input: FollowUpResultInput!) {\n    recordFollowUp(id: $id, input: $input) {\n      id\n      followUps {\n        id\n        status\n        outcome\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DealerRecordFollowUp($id: ID!, $input: FollowUpResultInput!) {\n    recordFollowUp(id: $id, input: $input) {\n      id\n      followUps {\n        id\n        status\n        outcome\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DealerJobOrderFields on JobOrder {\n    id\n    number\n    status\n    round\n    reopenCount\n    overdue\n    breached\n    paused\n    description\n    customer {\n      name\n    }\n    vehicle {\n      vin\n      model\n    }\n    clocks {\n      ...DealerSlaClockFields\n    }\n    createdAt\n  }\n"): (typeof documents)["\n  fragment DealerJobOrderFields on JobOrder {\n    id\n    number\n    status\n    round\n    reopenCount\n    overdue\n    breached\n    paused\n    description\n    customer {\n      name\n    }\n    vehicle {\n      vin\n      model\n    }\n    clocks {\n      ...DealerSlaClockFields\n    }\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DealerSlaClockFields on SlaClock {\n    id\n    kind\n    tier\n    serviceCenterId\n    round\n    dueAt\n    warnedAt\n    breachedAt\n    endedAt\n    met\n  }\n"): (typeof documents)["\n  fragment DealerSlaClockFields on SlaClock {\n    id\n    kind\n    tier\n    serviceCenterId\n    round\n    dueAt\n    warnedAt\n    breachedAt\n    endedAt\n    met\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DealerReplyIssueFields on ReplyIssue {\n    kind\n    element\n    field\n    rule\n    message\n    language\n    phrase\n    sentence\n  }\n"): (typeof documents)["\n  fragment DealerReplyIssueFields on ReplyIssue {\n    kind\n    element\n    field\n    rule\n    message\n    language\n    phrase\n    sentence\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DealerSubmitReply($input: ReplyInput!) {\n    submitJobOrderReply(input: $input) {\n      accepted\n      complete\n      missingElements\n      issues {\n        ...DealerReplyIssueFields\n      }\n      jobOrder {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DealerSubmitReply($input: ReplyInput!) {\n    submitJobOrderReply(input: $input) {\n      accepted\n      complete\n      missingElements\n      issues {\n        ...DealerReplyIssueFields\n      }\n      jobOrder {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DealerJobOrder($id: ID!) {\n    jobOrder(id: $id) {\n      ...DealerJobOrderFields\n      requirement\n      holders {\n        tier\n        round\n        contactedAt\n        releasedAt\n        serviceCenter {\n          ...DealerCenterFields\n        }\n      }\n      replies {\n        id\n        round\n        at\n        responsiblePerson\n        procedure\n        result\n        accepted\n        issues {\n          ...DealerReplyIssueFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DealerJobOrder($id: ID!) {\n    jobOrder(id: $id) {\n      ...DealerJobOrderFields\n      requirement\n      holders {\n        tier\n        round\n        contactedAt\n        releasedAt\n        serviceCenter {\n          ...DealerCenterFields\n        }\n      }\n      replies {\n        id\n        round\n        at\n        responsiblePerson\n        procedure\n        result\n        accepted\n        issues {\n          ...DealerReplyIssueFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DealerRecordContact($input: RecordContactInput!) {\n    recordCustomerContact(input: $input) {\n      id\n      status\n      holders {\n        tier\n        round\n        contactedAt\n      }\n      clocks {\n        ...DealerSlaClockFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DealerRecordContact($input: RecordContactInput!) {\n    recordCustomerContact(input: $input) {\n      id\n      status\n      holders {\n        tier\n        round\n        contactedAt\n      }\n      clocks {\n        ...DealerSlaClockFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DealerJobOrders($filter: JobOrderFilter, $first: Int!, $after: String) {\n    jobOrders(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...DealerJobOrderFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DealerJobOrders($filter: JobOrderFilter, $first: Int!, $after: String) {\n    jobOrders(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...DealerJobOrderFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DealerWorkshopBays($serviceCenterId: ID!) {\n    workshopSetup(serviceCenterId: $serviceCenterId) {\n      slotMinutes\n      bays {\n        id\n        appointmentBay\n      }\n      periods {\n        start\n        end\n        kind\n      }\n    }\n  }\n"): (typeof documents)["\n  query DealerWorkshopBays($serviceCenterId: ID!) {\n    workshopSetup(serviceCenterId: $serviceCenterId) {\n      slotMinutes\n      bays {\n        id\n        appointmentBay\n      }\n      periods {\n        start\n        end\n        kind\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DealerTodayAppointments($serviceCenterId: ID!, $from: DateTime!, $to: DateTime!) {\n    appointments(serviceCenterId: $serviceCenterId, from: $from, to: $to) {\n      id\n      slotStart\n      slotEnd\n      bayId\n      status\n      origin\n      arrival\n      request\n      customer {\n        name\n      }\n      vehicle {\n        vin\n        model\n      }\n    }\n  }\n"): (typeof documents)["\n  query DealerTodayAppointments($serviceCenterId: ID!, $from: DateTime!, $to: DateTime!) {\n    appointments(serviceCenterId: $serviceCenterId, from: $from, to: $to) {\n      id\n      slotStart\n      slotEnd\n      bayId\n      status\n      origin\n      arrival\n      request\n      customer {\n        name\n      }\n      vehicle {\n        vin\n        model\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DealerDispatchQueue($serviceCenterId: ID!) {\n    dispatchQueue(serviceCenterId: $serviceCenterId) {\n      id\n      status\n      promisedAt\n      repeatRepair\n      reworkCount\n      appointmentId\n      bayId\n      technicianId\n      faultDescription\n      partsShortage\n      customer {\n        name\n      }\n      vehicle {\n        vin\n        model\n      }\n    }\n  }\n"): (typeof documents)["\n  query DealerDispatchQueue($serviceCenterId: ID!) {\n    dispatchQueue(serviceCenterId: $serviceCenterId) {\n      id\n      status\n      promisedAt\n      repeatRepair\n      reworkCount\n      appointmentId\n      bayId\n      technicianId\n      faultDescription\n      partsShortage\n      customer {\n        name\n      }\n      vehicle {\n        vin\n        model\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleScorecard($input: ScorecardInput) {\n    scorecard(input: $input) {\n      from\n      to\n      totalCount\n      scopeCount\n      rows {\n        rank\n        score\n        code\n        name\n        country\n        regionId\n        center {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleScorecard($input: ScorecardInput) {\n    scorecard(input: $input) {\n      from\n      to\n      totalCount\n      scopeCount\n      rows {\n        rank\n        score\n        code\n        name\n        country\n        regionId\n        center {\n          id\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;