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
    "\n  query ConsoleCenterZone($id: ID!) {\n    serviceCenter(id: $id) {\n      ...CenterZone\n    }\n  }\n": typeof types.ConsoleCenterZoneDocument,
    "\n  fragment CenterZone on ServiceCenter {\n    id\n    code\n    name\n    timeZone\n  }\n": typeof types.CenterZoneFragmentDoc,
    "\n  mutation ConsoleLogCall($input: LogCallInput!) {\n    logCall(input: $input) {\n      id\n      category\n      jobOrderRequested\n      leadId\n      serviceCenterId\n      routing {\n        purpose\n        serviceCenterId\n        distanceKm\n      }\n      serviceCenter {\n        ...CenterZone\n      }\n    }\n  }\n": typeof types.ConsoleLogCallDocument,
    "\n  query ConsoleCallJobOrder($id: ID!) {\n    jobOrder(id: $id) {\n      id\n      number\n      status\n      createdAt\n      holders {\n        tier\n        serviceCenter {\n          ...CenterZone\n        }\n      }\n      clocks {\n        id\n        kind\n        tier\n        serviceCenterId\n        dueAt\n        met\n        breachedAt\n        endedAt\n      }\n    }\n  }\n": typeof types.ConsoleCallJobOrderDocument,
    "\n  fragment OutboundTaskRow on OutboundTask {\n    id\n    kind\n    state\n    agentId\n    dueAt\n    serviceCenterId\n    jobOrderId\n    notes\n    customer {\n      name\n      phone\n      country\n    }\n    vehicle {\n      vin\n      model\n    }\n    source {\n      kind\n      id\n    }\n  }\n": typeof types.OutboundTaskRowFragmentDoc,
    "\n  query ConsoleOutboundQueue($unassigned: Boolean!) {\n    outboundQueue(unassigned: $unassigned) {\n      id\n      ...OutboundTaskRow\n    }\n  }\n": typeof types.ConsoleOutboundQueueDocument,
    "\n  mutation ConsoleTakeOutboundTask($id: ID!, $agentId: ID!) {\n    assignOutboundTask(id: $id, agentId: $agentId) {\n      ...OutboundTaskRow\n    }\n  }\n": typeof types.ConsoleTakeOutboundTaskDocument,
    "\n  mutation ConsoleCompleteOutboundTask($input: CompleteTaskInput!) {\n    completeOutboundTask(input: $input) {\n      ...OutboundTaskRow\n    }\n  }\n": typeof types.ConsoleCompleteOutboundTaskDocument,
    "\n  mutation ConsoleRecordJobOrderFollowUp($input: FollowUpInput!) {\n    recordJobOrderFollowUp(input: $input) {\n      ...OutboundTaskRow\n    }\n  }\n": typeof types.ConsoleRecordJobOrderFollowUpDocument,
    "\n  mutation ConsoleRecordWorkshopFollowUpCall($input: WorkshopFollowUpCallInput!) {\n    recordWorkshopFollowUpCall(input: $input) {\n      ...OutboundTaskRow\n    }\n  }\n": typeof types.ConsoleRecordWorkshopFollowUpCallDocument,
    "\n  query ConsoleStaffingHistory($from: DateTime!, $to: DateTime!) {\n    callCenterReport(granularity: HOUR, from: $from, to: $to) {\n      bucket\n      inboundTotal\n    }\n  }\n": typeof types.ConsoleStaffingHistoryDocument,
    "\n  query ConsoleStaffingPlan($input: StaffingInput!) {\n    staffingPlan(input: $input) {\n      totalCalls\n      seedDailyAgents\n      seedCallsPerAgentDay\n      erlangCPeakRostered\n      intervals {\n        label\n        calls\n        trafficErlangs\n        seed {\n          agents\n        }\n        erlangC {\n          agents\n          serviceLevel\n          asaSec\n          occupancy\n          rostered\n        }\n      }\n    }\n  }\n": typeof types.ConsoleStaffingPlanDocument,
    "\n  query ConsolePartsShort($locationId: ID!) {\n    serviceCenter(id: $locationId) {\n      id\n      code\n      name\n      timeZone\n    }\n    stock(locationId: $locationId) {\n      partNumber\n      onHand\n      reserved\n      available\n      onOrder\n      abc\n      safetyStock\n      reorderPoint\n    }\n    replenishmentSuggestions(locationId: $locationId) {\n      partNumber\n      position\n      reorderPoint\n      quantity\n    }\n  }\n": typeof types.ConsolePartsShortDocument,
    "\n  query ConsoleWhoCanSpare($input: AvailabilityInput!) {\n    partAvailability(input: $input) {\n      locationId\n      locationName\n      level\n      distanceKm\n      shareable\n      coversAll\n    }\n  }\n": typeof types.ConsoleWhoCanSpareDocument,
    "\n  mutation ConsoleRequestTransfer($input: CreateTransferInput!) {\n    createPartsTransfer(input: $input) {\n      id\n      partNumber\n      quantity\n      fromLocationId\n      toLocationId\n      status\n      createdAt\n    }\n  }\n": typeof types.ConsoleRequestTransferDocument,
    "\n  query ConsoleOwnScorecard {\n    scorecard(input: { first: 100 }) {\n      from\n      to\n      computedAt\n      scopeCount\n      totalCount\n      warnings\n      averages {\n        figure\n        mean\n        centers\n      }\n      rows {\n        rank\n        networkRank\n        score\n        coverage\n        code\n        name\n        center {\n          id\n          timeZone\n        }\n        figures {\n          jobOrdersCreated\n          jobOrderCloseRate\n          jobOrderOnTimeCloseRate\n          jobOrderOnTimeContactRate\n          jobOrderReopenRate\n          complaints\n          complaintRate\n          complaintClosingRate\n          complaintOnTimeSolutionRate\n          repeatComplaintShare\n          fixFirstVisitRate\n          partsAvailabilityRate\n          qcPassRate\n          onTimeDeliveryRate\n          estimateAccuracyRate\n          effectiveFollowUpRate\n          appointmentRate\n          rescueScore\n          lineFillRate\n          orderFillRate\n          csi\n          nps\n          surveyResponses\n          surveyResponseRate\n          callOnTimeContactRate\n          callFollowUpSatisfactionRate\n          leadsReceived\n          leadContactRate\n          leadConversionRate\n        }\n      }\n    }\n  }\n": typeof types.ConsoleOwnScorecardDocument,
    "\n  query ConsoleScorecard($input: ScorecardInput) {\n    scorecard(input: $input) {\n      from\n      to\n      totalCount\n      scopeCount\n      rows {\n        rank\n        score\n        code\n        name\n        country\n        regionId\n        center {\n          id\n        }\n      }\n    }\n  }\n": typeof types.ConsoleScorecardDocument,
};
const documents: Documents = {
    "\n  query ConsoleCenterZone($id: ID!) {\n    serviceCenter(id: $id) {\n      ...CenterZone\n    }\n  }\n": types.ConsoleCenterZoneDocument,
    "\n  fragment CenterZone on ServiceCenter {\n    id\n    code\n    name\n    timeZone\n  }\n": types.CenterZoneFragmentDoc,
    "\n  mutation ConsoleLogCall($input: LogCallInput!) {\n    logCall(input: $input) {\n      id\n      category\n      jobOrderRequested\n      leadId\n      serviceCenterId\n      routing {\n        purpose\n        serviceCenterId\n        distanceKm\n      }\n      serviceCenter {\n        ...CenterZone\n      }\n    }\n  }\n": types.ConsoleLogCallDocument,
    "\n  query ConsoleCallJobOrder($id: ID!) {\n    jobOrder(id: $id) {\n      id\n      number\n      status\n      createdAt\n      holders {\n        tier\n        serviceCenter {\n          ...CenterZone\n        }\n      }\n      clocks {\n        id\n        kind\n        tier\n        serviceCenterId\n        dueAt\n        met\n        breachedAt\n        endedAt\n      }\n    }\n  }\n": types.ConsoleCallJobOrderDocument,
    "\n  fragment OutboundTaskRow on OutboundTask {\n    id\n    kind\n    state\n    agentId\n    dueAt\n    serviceCenterId\n    jobOrderId\n    notes\n    customer {\n      name\n      phone\n      country\n    }\n    vehicle {\n      vin\n      model\n    }\n    source {\n      kind\n      id\n    }\n  }\n": types.OutboundTaskRowFragmentDoc,
    "\n  query ConsoleOutboundQueue($unassigned: Boolean!) {\n    outboundQueue(unassigned: $unassigned) {\n      id\n      ...OutboundTaskRow\n    }\n  }\n": types.ConsoleOutboundQueueDocument,
    "\n  mutation ConsoleTakeOutboundTask($id: ID!, $agentId: ID!) {\n    assignOutboundTask(id: $id, agentId: $agentId) {\n      ...OutboundTaskRow\n    }\n  }\n": types.ConsoleTakeOutboundTaskDocument,
    "\n  mutation ConsoleCompleteOutboundTask($input: CompleteTaskInput!) {\n    completeOutboundTask(input: $input) {\n      ...OutboundTaskRow\n    }\n  }\n": types.ConsoleCompleteOutboundTaskDocument,
    "\n  mutation ConsoleRecordJobOrderFollowUp($input: FollowUpInput!) {\n    recordJobOrderFollowUp(input: $input) {\n      ...OutboundTaskRow\n    }\n  }\n": types.ConsoleRecordJobOrderFollowUpDocument,
    "\n  mutation ConsoleRecordWorkshopFollowUpCall($input: WorkshopFollowUpCallInput!) {\n    recordWorkshopFollowUpCall(input: $input) {\n      ...OutboundTaskRow\n    }\n  }\n": types.ConsoleRecordWorkshopFollowUpCallDocument,
    "\n  query ConsoleStaffingHistory($from: DateTime!, $to: DateTime!) {\n    callCenterReport(granularity: HOUR, from: $from, to: $to) {\n      bucket\n      inboundTotal\n    }\n  }\n": types.ConsoleStaffingHistoryDocument,
    "\n  query ConsoleStaffingPlan($input: StaffingInput!) {\n    staffingPlan(input: $input) {\n      totalCalls\n      seedDailyAgents\n      seedCallsPerAgentDay\n      erlangCPeakRostered\n      intervals {\n        label\n        calls\n        trafficErlangs\n        seed {\n          agents\n        }\n        erlangC {\n          agents\n          serviceLevel\n          asaSec\n          occupancy\n          rostered\n        }\n      }\n    }\n  }\n": types.ConsoleStaffingPlanDocument,
    "\n  query ConsolePartsShort($locationId: ID!) {\n    serviceCenter(id: $locationId) {\n      id\n      code\n      name\n      timeZone\n    }\n    stock(locationId: $locationId) {\n      partNumber\n      onHand\n      reserved\n      available\n      onOrder\n      abc\n      safetyStock\n      reorderPoint\n    }\n    replenishmentSuggestions(locationId: $locationId) {\n      partNumber\n      position\n      reorderPoint\n      quantity\n    }\n  }\n": types.ConsolePartsShortDocument,
    "\n  query ConsoleWhoCanSpare($input: AvailabilityInput!) {\n    partAvailability(input: $input) {\n      locationId\n      locationName\n      level\n      distanceKm\n      shareable\n      coversAll\n    }\n  }\n": types.ConsoleWhoCanSpareDocument,
    "\n  mutation ConsoleRequestTransfer($input: CreateTransferInput!) {\n    createPartsTransfer(input: $input) {\n      id\n      partNumber\n      quantity\n      fromLocationId\n      toLocationId\n      status\n      createdAt\n    }\n  }\n": types.ConsoleRequestTransferDocument,
    "\n  query ConsoleOwnScorecard {\n    scorecard(input: { first: 100 }) {\n      from\n      to\n      computedAt\n      scopeCount\n      totalCount\n      warnings\n      averages {\n        figure\n        mean\n        centers\n      }\n      rows {\n        rank\n        networkRank\n        score\n        coverage\n        code\n        name\n        center {\n          id\n          timeZone\n        }\n        figures {\n          jobOrdersCreated\n          jobOrderCloseRate\n          jobOrderOnTimeCloseRate\n          jobOrderOnTimeContactRate\n          jobOrderReopenRate\n          complaints\n          complaintRate\n          complaintClosingRate\n          complaintOnTimeSolutionRate\n          repeatComplaintShare\n          fixFirstVisitRate\n          partsAvailabilityRate\n          qcPassRate\n          onTimeDeliveryRate\n          estimateAccuracyRate\n          effectiveFollowUpRate\n          appointmentRate\n          rescueScore\n          lineFillRate\n          orderFillRate\n          csi\n          nps\n          surveyResponses\n          surveyResponseRate\n          callOnTimeContactRate\n          callFollowUpSatisfactionRate\n          leadsReceived\n          leadContactRate\n          leadConversionRate\n        }\n      }\n    }\n  }\n": types.ConsoleOwnScorecardDocument,
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
export function graphql(source: "\n  query ConsoleCenterZone($id: ID!) {\n    serviceCenter(id: $id) {\n      ...CenterZone\n    }\n  }\n"): (typeof documents)["\n  query ConsoleCenterZone($id: ID!) {\n    serviceCenter(id: $id) {\n      ...CenterZone\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CenterZone on ServiceCenter {\n    id\n    code\n    name\n    timeZone\n  }\n"): (typeof documents)["\n  fragment CenterZone on ServiceCenter {\n    id\n    code\n    name\n    timeZone\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleLogCall($input: LogCallInput!) {\n    logCall(input: $input) {\n      id\n      category\n      jobOrderRequested\n      leadId\n      serviceCenterId\n      routing {\n        purpose\n        serviceCenterId\n        distanceKm\n      }\n      serviceCenter {\n        ...CenterZone\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleLogCall($input: LogCallInput!) {\n    logCall(input: $input) {\n      id\n      category\n      jobOrderRequested\n      leadId\n      serviceCenterId\n      routing {\n        purpose\n        serviceCenterId\n        distanceKm\n      }\n      serviceCenter {\n        ...CenterZone\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleCallJobOrder($id: ID!) {\n    jobOrder(id: $id) {\n      id\n      number\n      status\n      createdAt\n      holders {\n        tier\n        serviceCenter {\n          ...CenterZone\n        }\n      }\n      clocks {\n        id\n        kind\n        tier\n        serviceCenterId\n        dueAt\n        met\n        breachedAt\n        endedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleCallJobOrder($id: ID!) {\n    jobOrder(id: $id) {\n      id\n      number\n      status\n      createdAt\n      holders {\n        tier\n        serviceCenter {\n          ...CenterZone\n        }\n      }\n      clocks {\n        id\n        kind\n        tier\n        serviceCenterId\n        dueAt\n        met\n        breachedAt\n        endedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OutboundTaskRow on OutboundTask {\n    id\n    kind\n    state\n    agentId\n    dueAt\n    serviceCenterId\n    jobOrderId\n    notes\n    customer {\n      name\n      phone\n      country\n    }\n    vehicle {\n      vin\n      model\n    }\n    source {\n      kind\n      id\n    }\n  }\n"): (typeof documents)["\n  fragment OutboundTaskRow on OutboundTask {\n    id\n    kind\n    state\n    agentId\n    dueAt\n    serviceCenterId\n    jobOrderId\n    notes\n    customer {\n      name\n      phone\n      country\n    }\n    vehicle {\n      vin\n      model\n    }\n    source {\n      kind\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleOutboundQueue($unassigned: Boolean!) {\n    outboundQueue(unassigned: $unassigned) {\n      id\n      ...OutboundTaskRow\n    }\n  }\n"): (typeof documents)["\n  query ConsoleOutboundQueue($unassigned: Boolean!) {\n    outboundQueue(unassigned: $unassigned) {\n      id\n      ...OutboundTaskRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleTakeOutboundTask($id: ID!, $agentId: ID!) {\n    assignOutboundTask(id: $id, agentId: $agentId) {\n      ...OutboundTaskRow\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleTakeOutboundTask($id: ID!, $agentId: ID!) {\n    assignOutboundTask(id: $id, agentId: $agentId) {\n      ...OutboundTaskRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCompleteOutboundTask($input: CompleteTaskInput!) {\n    completeOutboundTask(input: $input) {\n      ...OutboundTaskRow\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleCompleteOutboundTask($input: CompleteTaskInput!) {\n    completeOutboundTask(input: $input) {\n      ...OutboundTaskRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRecordJobOrderFollowUp($input: FollowUpInput!) {\n    recordJobOrderFollowUp(input: $input) {\n      ...OutboundTaskRow\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleRecordJobOrderFollowUp($input: FollowUpInput!) {\n    recordJobOrderFollowUp(input: $input) {\n      ...OutboundTaskRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRecordWorkshopFollowUpCall($input: WorkshopFollowUpCallInput!) {\n    recordWorkshopFollowUpCall(input: $input) {\n      ...OutboundTaskRow\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleRecordWorkshopFollowUpCall($input: WorkshopFollowUpCallInput!) {\n    recordWorkshopFollowUpCall(input: $input) {\n      ...OutboundTaskRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleStaffingHistory($from: DateTime!, $to: DateTime!) {\n    callCenterReport(granularity: HOUR, from: $from, to: $to) {\n      bucket\n      inboundTotal\n    }\n  }\n"): (typeof documents)["\n  query ConsoleStaffingHistory($from: DateTime!, $to: DateTime!) {\n    callCenterReport(granularity: HOUR, from: $from, to: $to) {\n      bucket\n      inboundTotal\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleStaffingPlan($input: StaffingInput!) {\n    staffingPlan(input: $input) {\n      totalCalls\n      seedDailyAgents\n      seedCallsPerAgentDay\n      erlangCPeakRostered\n      intervals {\n        label\n        calls\n        trafficErlangs\n        seed {\n          agents\n        }\n        erlangC {\n          agents\n          serviceLevel\n          asaSec\n          occupancy\n          rostered\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleStaffingPlan($input: StaffingInput!) {\n    staffingPlan(input: $input) {\n      totalCalls\n      seedDailyAgents\n      seedCallsPerAgentDay\n      erlangCPeakRostered\n      intervals {\n        label\n        calls\n        trafficErlangs\n        seed {\n          agents\n        }\n        erlangC {\n          agents\n          serviceLevel\n          asaSec\n          occupancy\n          rostered\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsolePartsShort($locationId: ID!) {\n    serviceCenter(id: $locationId) {\n      id\n      code\n      name\n      timeZone\n    }\n    stock(locationId: $locationId) {\n      partNumber\n      onHand\n      reserved\n      available\n      onOrder\n      abc\n      safetyStock\n      reorderPoint\n    }\n    replenishmentSuggestions(locationId: $locationId) {\n      partNumber\n      position\n      reorderPoint\n      quantity\n    }\n  }\n"): (typeof documents)["\n  query ConsolePartsShort($locationId: ID!) {\n    serviceCenter(id: $locationId) {\n      id\n      code\n      name\n      timeZone\n    }\n    stock(locationId: $locationId) {\n      partNumber\n      onHand\n      reserved\n      available\n      onOrder\n      abc\n      safetyStock\n      reorderPoint\n    }\n    replenishmentSuggestions(locationId: $locationId) {\n      partNumber\n      position\n      reorderPoint\n      quantity\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleWhoCanSpare($input: AvailabilityInput!) {\n    partAvailability(input: $input) {\n      locationId\n      locationName\n      level\n      distanceKm\n      shareable\n      coversAll\n    }\n  }\n"): (typeof documents)["\n  query ConsoleWhoCanSpare($input: AvailabilityInput!) {\n    partAvailability(input: $input) {\n      locationId\n      locationName\n      level\n      distanceKm\n      shareable\n      coversAll\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRequestTransfer($input: CreateTransferInput!) {\n    createPartsTransfer(input: $input) {\n      id\n      partNumber\n      quantity\n      fromLocationId\n      toLocationId\n      status\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleRequestTransfer($input: CreateTransferInput!) {\n    createPartsTransfer(input: $input) {\n      id\n      partNumber\n      quantity\n      fromLocationId\n      toLocationId\n      status\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleOwnScorecard {\n    scorecard(input: { first: 100 }) {\n      from\n      to\n      computedAt\n      scopeCount\n      totalCount\n      warnings\n      averages {\n        figure\n        mean\n        centers\n      }\n      rows {\n        rank\n        networkRank\n        score\n        coverage\n        code\n        name\n        center {\n          id\n          timeZone\n        }\n        figures {\n          jobOrdersCreated\n          jobOrderCloseRate\n          jobOrderOnTimeCloseRate\n          jobOrderOnTimeContactRate\n          jobOrderReopenRate\n          complaints\n          complaintRate\n          complaintClosingRate\n          complaintOnTimeSolutionRate\n          repeatComplaintShare\n          fixFirstVisitRate\n          partsAvailabilityRate\n          qcPassRate\n          onTimeDeliveryRate\n          estimateAccuracyRate\n          effectiveFollowUpRate\n          appointmentRate\n          rescueScore\n          lineFillRate\n          orderFillRate\n          csi\n          nps\n          surveyResponses\n          surveyResponseRate\n          callOnTimeContactRate\n          callFollowUpSatisfactionRate\n          leadsReceived\n          leadContactRate\n          leadConversionRate\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleOwnScorecard {\n    scorecard(input: { first: 100 }) {\n      from\n      to\n      computedAt\n      scopeCount\n      totalCount\n      warnings\n      averages {\n        figure\n        mean\n        centers\n      }\n      rows {\n        rank\n        networkRank\n        score\n        coverage\n        code\n        name\n        center {\n          id\n          timeZone\n        }\n        figures {\n          jobOrdersCreated\n          jobOrderCloseRate\n          jobOrderOnTimeCloseRate\n          jobOrderOnTimeContactRate\n          jobOrderReopenRate\n          complaints\n          complaintRate\n          complaintClosingRate\n          complaintOnTimeSolutionRate\n          repeatComplaintShare\n          fixFirstVisitRate\n          partsAvailabilityRate\n          qcPassRate\n          onTimeDeliveryRate\n          estimateAccuracyRate\n          effectiveFollowUpRate\n          appointmentRate\n          rescueScore\n          lineFillRate\n          orderFillRate\n          csi\n          nps\n          surveyResponses\n          surveyResponseRate\n          callOnTimeContactRate\n          callFollowUpSatisfactionRate\n          leadsReceived\n          leadContactRate\n          leadConversionRate\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleScorecard($input: ScorecardInput) {\n    scorecard(input: $input) {\n      from\n      to\n      totalCount\n      scopeCount\n      rows {\n        rank\n        score\n        code\n        name\n        country\n        regionId\n        center {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleScorecard($input: ScorecardInput) {\n    scorecard(input: $input) {\n      from\n      to\n      totalCount\n      scopeCount\n      rows {\n        rank\n        score\n        code\n        name\n        country\n        regionId\n        center {\n          id\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;