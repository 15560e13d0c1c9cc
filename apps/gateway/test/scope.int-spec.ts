import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { monthOf } from '@aftersales/calendar';
import {
  callCenterStaff,
  errorCodes,
  eventually,
  seedTestNetwork,
  startSystem,
  testCenter,
  TEST_SITES,
  tokenFor,
  moveClock,
  type ClockMove,
  type GraphQLClient,
  type GraphQLResponse,
  type RunningSystem,
} from '@aftersales/testing';
import { idOperations, loadSupergraph, operationDocument, rootField } from './scope-operations';

/**
 * The scope test generated from the schema: every query and mutation of the supergraph that takes an id
 * (of a center, a location or any object) is called on dealer A's objects by a dealer of another center
 * of the same region (B) and by a region manager of another region (RM). Queries must refuse or show
 * nothing of A; mutations must refuse and leave A's objects as they were. An operation with an id
 * argument and no fixture below fails the test, and so does a fixture of an operation that is gone.
 */

const SFX = randomBytes(3).toString('hex');
const EAST = { id: `rg-se${SFX}`, code: `SE${SFX.toUpperCase()}`, name: 'Scope East', countries: ['CN'] };
const SOUTH = { id: `rg-ss${SFX}`, code: `SS${SFX.toUpperCase()}`, name: 'Scope South', countries: ['BR'] };
const C = { hq: `sc${SFX}-hq`, rc: `sc${SFX}-rc`, a: `sc${SFX}-dealer-a`, b: `sc${SFX}-dealer-b`, south: `sc${SFX}-south` };
const staffOf = (center: string, key: string) => `${center}-${key}`;
const qualified = (...roles: string[]) => roles.map((role) => ({ role, certifiedAt: '2025-01-01', expiresAt: '2099-01-01' }));
const STAFF_A = [
  ['advisor', 'SERVICE_ADVISOR', ['SERVICE_ADVISOR']],
  ['tech', 'TECHNICIAN', ['TECHNICIAN']],
  ['leader', 'TEAM_LEADER', ['TEAM_LEADER', 'TECHNICIAN']],
  ['qc', 'QC_INSPECTOR', ['QC_INSPECTOR']],
  ['manager', 'SERVICE_MANAGER', []],
  ['gm', 'GENERAL_MANAGER', []],
  ['rescue1', 'RESCUE_STAFF', ['RESCUE_STAFF']],
  ['rescue2', 'RESCUE_STAFF', ['RESCUE_STAFF']],
] as const;
const staffList = (center: string, list: readonly (readonly [string, string, readonly string[]])[]) =>
  list.map(([key, role, quals]) => ({ id: staffOf(center, key), name: `Staff ${key}`, email: `${key}@${center}.example`, role, active: true, qualifications: qualified(...quals) }));
/** The call center's agent and QC agent (network staff: the calls service checks their qualification). */
const AGENT_ID = `agent-${SFX}`;
const QC_ID = `qc-${SFX}`;
const CENTERS = [
  testCenter(C.hq, { regionId: EAST.id, kind: 'HQ', staff: [callCenterStaff(AGENT_ID), callCenterStaff(QC_ID, ['QC_AGENT'])] }),
  testCenter(C.rc, { regionId: EAST.id, kind: 'REGIONAL_CENTER', parentId: C.hq, staff: [] }),
  testCenter(C.a, { name: 'Scope Dealer Alpha', regionId: EAST.id, parentId: C.rc, rescue24h: true, staff: staffList(C.a, STAFF_A) }),
  testCenter(C.b, { name: 'Scope Dealer Bravo', regionId: EAST.id, parentId: C.rc, location: { lat: 31.3, lng: 121.6 }, staff: staffList(C.b, STAFF_A) }),
  testCenter(C.south, { ...TEST_SITES.saoPaulo, name: 'Scope Dealer South', regionId: SOUTH.id, staff: [] }),
];
/** A's customer and vehicle: their name, phone and VIN must never reach B or the region manager. */
const CUSTOMER = { name: 'Marta Quintela', phone: '+8613912345678', country: 'CN', language: 'zh-CN' };
const VIN = 'LJ12EKR24N4000007';
const PART = `SCP-${SFX.toUpperCase()}-PAD`;
const DAY_MS = 86_400_000;
const thisMonth = () => new Date().toISOString().slice(0, 7);
/** A telematics provider of this test, and its webhook call signed as providers sign them. */
const TELEMATICS = { provider: 'scope', secret: randomBytes(16).toString('hex') };
async function reportTelematics(callsUrl: string, body: object): Promise<{ status: number; body: { id: string; status: string } }> {
  const raw = JSON.stringify(body);
  const ts = String(Math.floor(Date.now() / 1000));
  const signature = `sha256=${createHmac('sha256', TELEMATICS.secret).update(`${ts}.${raw}`).digest('hex')}`;
  const res = await fetch(`${callsUrl}/telematics/${TELEMATICS.provider}/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telematics-timestamp': ts, 'x-telematics-signature': signature },
    body: raw,
  });
  return { status: res.status, body: (await res.json()) as { id: string; status: string } };
}

/** The ids of A's objects, made once through the gateway by the roles that make them in real life. */
type World = Record<
  | 'center' | 'region' | 'rc' | 'advisor' | 'tech' | 'leader' | 'qc' | 'manager' | 'rescuer1' | 'rescuer2' | 'agent'
  | 'call' | 'jobOrder' | 'contactTask' | 'task' | 'complaint' | 'appointment' | 'repairOrder' | 'deliveredOrder'
  | 'rescue' | 'partsOrder' | 'transfer' | 'classificationRun' | 'invitation' | 'questionnaire' | 'part' | 'slotDay' | 'lead'
  | 'campaign' | 'campaignTask' | 'notification' | 'question' | 'courtesyCar' | 'courtesyAssignment' | 'warrantyPolicy' | 'claim'
  | 'dmsImport' | 'epcImport' | 'telematicsEvent' | 'proposedAppointment',
  string
>;
/** When A's things were counted (not ids: an answer may carry the same year or month without showing anything of A). */
const periods = { deliveredMonth: '', complaintYear: 0 };
type CallerName = 'dealerA' | 'dealerB' | 'rmOther' | 'hq' | 'agent' | 'qc' | 'planner' | 'supplier';
/** An attacker and its own center (B's, or the other region's), for fixtures that aim at A from there. */
interface Caller {
  name: 'dealerB' | 'rmOther';
  center: string;
  region: string;
}

/**
 * - `refused`: FORBIDDEN or NOT_FOUND, and no data.
 * - `nothing`: refused, or an answer with no trace of A (no A id, name, customer or VIN) and no figure
 *   other than 0: in this test's network only A has any business, so any count or rate comes from A.
 * - `hidden`: refused, or an answer with no trace of A, where the caller's own figures may show.
 * Queries default to `nothing`, mutations to `refused`.
 */
type Expect = 'refused' | 'nothing' | 'hidden';
interface Read {
  op: string;
  args: (a: World) => Record<string, unknown>;
  as?: CallerName;
}
interface Fixture {
  /** The operation's arguments aimed at A; `me` is the caller, for arguments that name its own center. */
  args: (a: World, me: Caller) => Record<string, unknown>;
  expect?: Expect;
  /** Queries: who sees A's object with the same arguments (default A's dealer): proves the fixture aims at A. */
  owner?: CallerName;
  /** Queries: what the owner's answer must contain (default: any trace of A). */
  ownerSees?: (a: World) => string;
  /** Mutations: what A (or its owner) reads before and after, and must find unchanged. */
  reread?: Read[];
  /** Refusal codes other than FORBIDDEN and NOT_FOUND that are right here, with the reason beside the fixture. */
  refusals?: string[];
  /** A service's business clock at this instant for the check (e.g. when a reminder is due), reset after. */
  clock?: { service: 'workshop' | 'surveys'; at: (a: World) => string };
  /** Who attacks (default both); a caller left out is one the business rules let in, said where it is left out. */
  callers?: Caller['name'][];
  /** The check this fixture needs from another change (issue 15, point 5: ids of other services' objects). */
  dependsOn?: string;
}

const R = {
  center: { op: 'serviceCenter', args: (a) => ({ id: a.center }) },
  staff: { op: 'staff', args: (a) => ({ serviceCenterId: a.center }) },
  region: { op: 'region', args: (a) => ({ id: a.region }), as: 'hq' },
  policy: { op: 'policy', args: (a) => ({ serviceCenterId: a.center }) },
  policyChanges: { op: 'policyChanges', args: (a) => ({ level: 'CENTER', scopeId: a.center }), as: 'hq' },
  regions: { op: 'regions', args: () => ({}), as: 'hq' },
  call: { op: 'call', args: (a) => ({ id: a.call }), as: 'agent' },
  calls: { op: 'calls', args: (a) => ({ filter: { serviceCenterId: a.center }, first: 50 }), as: 'agent' },
  task: { op: 'outboundTask', args: (a) => ({ id: a.task }), as: 'agent' },
  contactTask: { op: 'outboundTask', args: (a) => ({ id: a.contactTask }), as: 'agent' },
  campaign: { op: 'campaign', args: (a) => ({ id: a.campaign }) },
  campaignTask: { op: 'outboundTask', args: (a) => ({ id: a.campaignTask }), as: 'agent' },
  jobOrder: { op: 'jobOrder', args: (a) => ({ id: a.jobOrder }) },
  jobOrders: { op: 'jobOrders', args: (a) => ({ filter: { serviceCenterId: a.center }, first: 50 }) },
  lead: { op: 'lead', args: (a) => ({ id: a.lead }) },
  complaint: { op: 'complaint', args: (a) => ({ id: a.complaint }) },
  complaints: { op: 'complaints', args: (a) => ({ filter: { serviceCenterId: a.center }, first: 50, offset: 0 }) },
  appointment: { op: 'appointment', args: (a) => ({ id: a.appointment }) },
  slots: { op: 'availableSlots', args: (a) => ({ serviceCenterId: a.center, date: a.slotDay }) },
  setup: { op: 'workshopSetup', args: (a) => ({ serviceCenterId: a.center }) },
  repairOrder: { op: 'repairOrder', args: (a) => ({ id: a.repairOrder }) },
  deliveredOrder: { op: 'repairOrder', args: (a) => ({ id: a.deliveredOrder }) },
  dispatchQueue: { op: 'dispatchQueue', args: (a) => ({ serviceCenterId: a.center }) },
  rescue: { op: 'rescue', args: (a) => ({ id: a.rescue }) },
  question: { op: 'expertQuestion', args: (a) => ({ id: a.question }) },
  courtesyCars: { op: 'courtesyCars', args: (a) => ({ serviceCenterId: a.center }) },
  stock: { op: 'stock', args: (a) => ({ locationId: a.center }) },
  partsOrders: { op: 'partsOrders', args: (a) => ({ locationId: a.center }) },
  partsOrder: { op: 'partsOrder', args: (a) => ({ id: a.partsOrder }) },
  transfer: { op: 'partsTransfer', args: (a) => ({ id: a.transfer }) },
  telematics: { op: 'vehicleTelematicsEvents', args: () => ({ vin: VIN, first: 10 }), as: 'hq' },
  proposedAppointment: { op: 'appointment', args: (a) => ({ id: a.proposedAppointment }) },
  inbox: { op: 'myNotifications', args: () => ({ first: 20 }) },
  vehicleHistory: { op: 'vehicleHistory', args: () => ({ vin: VIN }) },
  plans: { op: 'partPlans', args: (a) => ({ locationId: a.center }) },
  invitation: { op: 'surveyInvitation', args: (a) => ({ id: a.invitation }) },
  questionnaire: { op: 'questionnaire', args: (a) => ({ id: a.questionnaire }), as: 'hq' },
  warrantyPolicy: { op: 'warrantyPolicy', args: (a) => ({ id: a.warrantyPolicy }) },
  vehicleWarranty: { op: 'vehicleWarranty', args: () => ({ vin: VIN }) },
  claim: { op: 'warrantyClaim', args: (a) => ({ id: a.claim }) },
} satisfies Record<string, Read>;

const customer = CUSTOMER;
const future = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();
const past = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const signature = () => ({ name: CUSTOMER.name, signedAt: past(1) });
/** The attacker's own customer, for its own objects that name one of A's. */
const OTHER_CUSTOMER = { name: 'Pedro Alves', phone: '+8613900000001', country: 'CN' };
const OTHER_VIN = 'LJ12EKR26N4000008';
const repairOrderInput = (serviceCenterId: string, advisorId: string, extra: Record<string, unknown> = {}) => ({
  serviceCenterId,
  advisorId,
  ...(serviceCenterId === C.a ? { customer, vehicle: { vin: VIN, model: 'JS4' } } : { customer: OTHER_CUSTOMER, vehicle: { vin: OTHER_VIN, model: 'JS4' } }),
  walkAround: { mileageKm: 42_000, fuelPercent: 40, damages: [], valuables: [], tools: ['jack'], customerSigned: true },
  faultDescription: 'Brakes squeal when stopping at low speed',
  faultCode: 'BRAKE-NOISE',
  items: [{ kind: 'LABOR', code: 'OP-BRAKE', description: 'Replace front pads', quantity: 1, unitPrice: 200, warrantyClaim: false }],
  promisedAt: future(1),
  customerSignature: signature(),
  nextMaintenance: { date: future(180).slice(0, 10), mileageKm: 52_000 },
  ...extra,
});
const reply = (jobOrderId: string, serviceCenterId: string) => ({
  jobOrderId,
  serviceCenterId,
  responsiblePerson: 'Staff advisor',
  handledAt: past(30),
  procedure: 'Inspected the brakes and replaced the front pads',
  result: 'Brakes quiet in the road test, customer collected the car',
  verifiedBy: 'Staff manager (service manager)',
  verifiedAt: past(10),
  customerAccepts: true,
  followUpPossible: true,
});
const answers = [{ questionId: 'recommend', value: 10 }];
const center = (id: string, regionId: string) => ({ ...testCenter(id, { regionId, name: 'Taken over' }) });

/** One entry per operation with an id argument (`name#variant` for more than one aim at the same operation). */
const FIXTURES: Record<string, Fixture> = {
  // network
  serviceCenter: { args: (a) => ({ id: a.center }) },
  serviceCenters: { args: (a) => ({ filter: { regionId: a.region }, first: 50 }), expect: 'hidden', owner: 'hq' },
  'serviceCenters#all': { args: () => ({ first: 50 }), expect: 'hidden', owner: 'hq' },
  scorecardCenters: { args: (a) => ({ ids: [a.center] }) },
  // Each service's figures of many centers (what the HQ scorecard reads): A's are left out for B and RM.
  centerJobOrderKpis: { args: (a) => ({ ids: [a.center] }) },
  centerLeadKpis: { args: (a) => ({ ids: [a.center], from: thisMonth(), to: thisMonth() }) },
  centerComplaintKpis: { args: (a) => ({ ids: [a.center] }) },
  centerWorkshopKpis: { args: (a) => ({ ids: [a.center], from: thisMonth(), to: thisMonth() }) },
  centerPartsKpis: { args: (a) => ({ ids: [a.center] }) },
  centerSatisfaction: { args: (a) => ({ ids: [a.center], from: thisMonth() }) },
  centerCallCenterKpis: { args: (a) => ({ ids: [a.center] }) },
  region: { args: (a) => ({ id: a.region }), expect: 'hidden', owner: 'hq', ownerSees: (a) => a.region },
  staff: { args: (a) => ({ serviceCenterId: a.center }) },
  staffMember: { args: (a) => ({ id: a.advisor }) },
  upsertServiceCenter: { args: (a) => ({ input: center(a.center, a.region) }), reread: [R.center] },
  'upsertServiceCenter#ownRegion': { args: (a, me) => ({ input: center(a.center, me.region) }), reread: [R.center] },
  importServiceCenters: { args: (a) => ({ input: { centers: [{ ...center(a.center, a.region), staff: [] }] } }), reread: [R.center, R.staff] },
  upsertRegion: { args: () => ({ input: { ...EAST, name: 'Taken over' } }), reread: [R.region] },
  upsertStaff: {
    args: (a) => ({ input: { id: a.advisor, name: 'Taken over', email: 'x@example.com', role: 'SERVICE_ADVISOR', active: false, qualifications: [], serviceCenterId: a.center } }),
    reread: [R.staff],
  },
  // Policies: the effective values of A's center are A's; the audit and the changes are HQ's alone.
  policy: { args: (a) => ({ serviceCenterId: a.center }) },
  policyChanges: { args: (a) => ({ level: 'CENTER', scopeId: a.center }), owner: 'hq', expect: 'refused' },
  setPolicy: {
    args: (a) => ({ input: { level: 'CENTER', scopeId: a.center, reason: 'Taken over', values: [{ path: 'complaints.classC.solutionWorkingDays', value: 20 }] } }),
    reread: [R.policy, R.policyChanges],
  },
  'upsertStaff#intoOwnCenter': {
    args: (a, me) => ({ input: { id: a.advisor, name: 'Moved away', email: 'x@example.com', role: 'SERVICE_ADVISOR', active: true, qualifications: [], serviceCenterId: me.center } }),
    reread: [R.staff],
  },

  // calls
  call: { args: (a) => ({ id: a.call }), owner: 'agent' },
  calls: { args: (a) => ({ filter: { serviceCenterId: a.center }, first: 20 }), owner: 'agent' },
  'calls#all': { args: () => ({ first: 20 }), owner: 'agent' },
  'calls#agent': { args: (a) => ({ filter: { agentId: a.agent }, first: 20 }), owner: 'agent' },
  outboundQueue: { args: (a) => ({ agentId: a.agent, unassigned: false }), owner: 'agent' },
  outboundTask: { args: (a) => ({ id: a.task }), owner: 'agent' },
  'qcScores#all': { args: () => ({ granularity: 'DAY', from: past(60 * 24), to: future(1) }), owner: 'hq', ownerSees: (a) => a.agent },
  qcScores: { args: (a) => ({ granularity: 'DAY', from: past(60 * 24), to: future(1), agentId: a.agent }), owner: 'hq', ownerSees: (a) => a.agent },
  logCall: {
    args: (a) => ({
      input: {
        category: 'FAULT_REPAIR', customer: OTHER_CUSTOMER, vehicle: { vin: OTHER_VIN, model: 'JS4' },
        fault: 'Engine stalls at idle', location: { lat: 31.2, lng: 121.45, description: 'at home' }, startedAt: past(3), durationSec: 120, serviceCenterId: a.center,
        record: { who: 'Pedro Alves', when: 'today', where: 'Shanghai', what: 'engine stalls', why: 'wants a repair', how: 'job order to the dealer' },
      },
    }),
    reread: [R.calls, R.jobOrders],
  },
  createOutboundTask: {
    args: (a) => ({ input: { kind: 'CUSTOMER_CARE', customer: OTHER_CUSTOMER, dueAt: future(1), serviceCenterId: a.center, agentId: a.agent } }),
    reread: [R.calls],
  },
  completeOutboundTask: { args: (a) => ({ input: { taskId: a.task, contacted: true, notes: 'done' } }), reread: [R.task] },
  recordJobOrderFollowUp: { args: (a) => ({ input: { taskId: a.contactTask, contacted: true, solved: true, satisfied: true } }), reread: [R.contactTask, R.jobOrder] },
  recordWorkshopFollowUpCall: { args: (a) => ({ input: { taskId: a.task, contacted: true, solved: true, satisfied: true } }), reread: [R.task] },
  assignOutboundTask: { args: (a) => ({ id: a.task, agentId: `agent-b-${SFX}` }), reread: [R.task] },
  cancelOutboundTask: { args: (a) => ({ id: a.task, reason: 'Customer moved away' }), reread: [R.task] },
  scoreCall: { args: (a) => ({ input: { callId: a.call, termsUsed: ['OPENING_REMARKS'], taboos: ['IMPATIENCE'] } }), reread: [R.call] },
  campaign: { args: (a) => ({ id: a.campaign }) },
  createCampaign: {
    args: (a) => ({ input: { kind: 'RECALL', name: 'Taken over', vehicles: [{ vin: VIN, serviceCenterId: a.center, customer: OTHER_CUSTOMER }] } }),
    reread: [R.campaign],
  },
  recordCampaignCall: { args: (a) => ({ input: { taskId: a.campaignTask, outcome: 'REFUSED', reason: 'Not interested' } }), reread: [R.campaignTask, R.campaign] },

  // job orders
  jobOrder: { args: (a) => ({ id: a.jobOrder }) },
  jobOrders: { args: (a) => ({ filter: { serviceCenterId: a.center }, first: 20 }) },
  'jobOrders#all': { args: () => ({ first: 20 }) },
  recordCustomerContact: { args: (a) => ({ input: { jobOrderId: a.jobOrder, serviceCenterId: a.center } }), reread: [R.jobOrder] },
  'recordCustomerContact#ownCenter': { args: (a, me) => ({ input: { jobOrderId: a.jobOrder, serviceCenterId: me.center } }), reread: [R.jobOrder] },
  submitJobOrderReply: { args: (a) => ({ input: reply(a.jobOrder, a.center) }), reread: [R.jobOrder] },
  'submitJobOrderReply#ownCenter': { args: (a, me) => ({ input: reply(a.jobOrder, me.center) }), reread: [R.jobOrder] },
  applyForMandatoryClosure: { args: (a) => ({ input: { ...reply(a.jobOrder, a.center), reason: 'CUSTOMER_FAULT' } }), reread: [R.jobOrder] },
  decideMandatoryClosure: { args: (a) => ({ input: { jobOrderId: a.jobOrder, approve: true, note: 'Approved' } }), reread: [R.jobOrder] },
  closeJobOrderFollowUpFailed: { args: (a) => ({ input: { jobOrderId: a.jobOrder, note: 'Customer never answered' } }), reread: [R.jobOrder] },
  pauseJobOrderSla: { args: (a) => ({ input: { jobOrderId: a.jobOrder, serviceCenterId: a.center, reason: 'Waiting for the customer' } }), reread: [R.jobOrder] },
  resumeJobOrderSla: { args: (a) => ({ input: { jobOrderId: a.jobOrder, serviceCenterId: a.center } }), reread: [R.jobOrder] },
  redistributeJobOrder: { args: (a, me) => ({ input: { jobOrderId: a.jobOrder, serviceCenterIds: [me.center], toHq: false } }), reread: [R.jobOrder] },

  // leads (job-orders: the dealer's lead inbox)
  lead: { args: (a) => ({ id: a.lead }) },
  leads: { args: (a) => ({ filter: { serviceCenterId: a.center }, first: 20 }) },
  'leads#region': { args: (a) => ({ filter: { regionId: a.region }, first: 20 }) },
  'leads#all': { args: () => ({ first: 20 }) },
  updateLeadStatus: { args: (a) => ({ input: { leadId: a.lead, status: 'LOST', reason: 'PRICE', note: 'Taken over' } }), reread: [R.lead] },

  // complaints
  complaint: { args: (a) => ({ id: a.complaint }) },
  complaints: { args: (a) => ({ filter: { serviceCenterId: a.center }, first: 20, offset: 0 }) },
  'complaints#all': { args: () => ({ first: 20, offset: 0 }) },
  'complaints#vin': { args: () => ({ filter: { vin: VIN }, first: 20, offset: 0 }) },
  complaintPdf: { args: (a) => ({ id: a.complaint }), ownerSees: () => 'application/pdf' },
  complaintRegisterXlsx: { args: (a) => ({ filter: { serviceCenterId: a.center } }), expect: 'hidden' },
  'complaintRegisterXlsx#all': { args: () => ({}), expect: 'hidden' },
  'complaintRegisterXlsx#vin': { args: () => ({ filter: { vin: VIN } }), expect: 'hidden' },
  distributorAssessment: { args: (a) => ({ year: periods.complaintYear, regionId: a.region }), owner: 'hq' },
  'distributorAssessment#all': { args: () => ({ year: periods.complaintYear }), expect: 'hidden', owner: 'hq' },
  registerComplaint: {
    args: (a) => ({
      input: {
        channel: 'DEALER', type: 'SERVICE_QUALITY', serviceCenterId: a.center, customer: { name: 'Pedro Alves', phone: '+8613900000001' },
        vehicle: { vin: VIN, model: 'JS4' }, relatedProductModels: [], content: 'The car was returned dirty after the service', images: [], flags: [],
      },
    }),
    reread: [R.complaints],
  },
  confirmComplaintClass: { args: (a) => ({ id: a.complaint, input: { class: 'A', reason: 'Media threat' } }), reread: [R.complaint] },
  reclassifyComplaint: { args: (a) => ({ id: a.complaint, input: { class: 'A', reason: 'Media threat' } }), reread: [R.complaint] },
  transferComplaint: { args: (a) => ({ id: a.complaint, input: { receivingDepartment: 'After-sales', recipientViews: 'Check the brakes again' } }), reread: [R.complaint] },
  'transferComplaint#toOwnCenter': {
    args: (a, me) => ({ id: a.complaint, input: { serviceCenterId: me.center, receivingDepartment: 'After-sales', recipientViews: 'Check the brakes again' } }),
    reread: [R.complaint],
  },
  signComplaint: { args: (a) => ({ id: a.complaint, input: { handlingPerson: 'Staff manager', handlingDepartment: 'After-sales' } }), reread: [R.complaint] },
  replyToComplaint: { args: (a) => ({ id: a.complaint, input: { message: 'We replaced the pads and the noise is gone' } }), reread: [R.complaint] },
  submitComplaintSolution: {
    args: (a) => ({
      id: a.complaint,
      input: {
        solution: 'Pads replaced', factAffirmation: 'Pads worn', causeAnalysis: 'Wear', correctivePreventiveMeasures: 'Check pads at every service',
        responsiblePerson: 'Staff manager', progressStatus: 'Done',
      },
    }),
    reread: [R.complaint],
  },
  decideComplaintSolution: { args: (a) => ({ id: a.complaint, input: { approverStaffId: a.manager, approved: true, comment: 'Fine' } }), reread: [R.complaint] },
  postponeComplaint: { args: (a) => ({ id: a.complaint, input: { until: future(7), reason: 'Waiting for the customer' } }), reread: [R.complaint] },
  recordComplaintReturnVisit: { args: (a) => ({ id: a.complaint, input: { outcome: 'SATISFIED', assessment: 'Customer satisfied' } }), reread: [R.complaint] },
  closeComplaint: { args: (a) => ({ id: a.complaint, input: {} }), reread: [R.complaint] },
  closeSuggestionWithoutResponse: { args: (a) => ({ id: a.complaint, note: 'No answer needed' }), reread: [R.complaint] },
  archiveComplaint: { args: (a) => ({ id: a.complaint }), reread: [R.complaint] },
  assessComplaint: { args: (a) => ({ id: a.complaint }), reread: [R.complaint] },

  // HQ analytics
  scorecard: { args: (a) => ({ input: { regionId: a.region, sortBy: 'SCORE', direction: 'DESC', first: 20, offset: 0 } }), expect: 'hidden', owner: 'hq' },
  'scorecard#all': { args: () => ({}), expect: 'hidden', owner: 'hq' },

  // workshop
  workshopStaff: { args: (a) => ({ serviceCenterId: a.center }) },
  workshopSetup: { args: (a) => ({ serviceCenterId: a.center }) },
  availableSlots: { args: (a) => ({ serviceCenterId: a.center, date: a.slotDay }), ownerSees: (a) => a.slotDay },
  appointment: { args: (a) => ({ id: a.appointment }) },
  appointments: { args: (a) => ({ serviceCenterId: a.center, from: past(60), to: future(30) }) },
  appointmentReminders: { args: (a) => ({ serviceCenterId: a.center }), clock: { service: 'workshop', at: (a) => `${a.slotDay}T02:00:00.000Z` } },
  repairOrder: { args: (a) => ({ id: a.repairOrder }) },
  dispatchQueue: { args: (a) => ({ serviceCenterId: a.center }) },
  vehicleHistory: { args: () => ({ vin: VIN }) },
  followUpCallList: { args: (a) => ({ serviceCenterId: a.center, date: future(20).slice(0, 10) }) },
  rescue: { args: (a) => ({ id: a.rescue }) },
  configureWorkshop: {
    args: (a) => ({ input: { serviceCenterId: a.center, slotMinutes: 30, lateAfterMinutes: 5, bays: [{ id: 'x1', appointmentBay: true }], periods: [{ start: '08:30', end: '17:30', kind: 'FIXED' }] } }),
    reread: [R.setup],
  },
  bookAppointment: {
    args: (a) => ({ input: { serviceCenterId: a.center, slotStart: `${a.slotDay}T03:30:00.000Z`, customer: OTHER_CUSTOMER, vehicle: { vin: OTHER_VIN }, origin: 'PASSIVE' } }),
    reread: [R.slots],
  },
  markAppointmentReminded: { args: (a) => ({ id: a.appointment }), reread: [R.appointment] },
  recordAppointmentArrival: { args: (a) => ({ id: a.appointment }), reread: [R.appointment] },
  recordNoShow: { args: (a) => ({ id: a.appointment }), reread: [R.appointment] },
  cancelAppointment: { args: (a) => ({ id: a.appointment }), reread: [R.appointment, R.slots] },
  openRepairOrder: { args: (a) => ({ input: repairOrderInput(a.center, a.advisor) }), reread: [R.dispatchQueue] },
  'openRepairOrder#appointment': {
    args: (a, me) => ({ input: repairOrderInput(me.center, staffOf(me.center, 'advisor'), { appointmentId: a.appointment }) }),
    reread: [R.appointment],
    dependsOn: 'issue 15 point 5: an appointment named on a repair order is NOT_FOUND unless it is in scope and at the same center',
  },
  // Staff are a rule of the step (of this center, qualified for it): the same BAD_USER_INPUT for unknown and foreign staff.
  'openRepairOrder#advisor': { args: (a, me) => ({ input: repairOrderInput(me.center, a.advisor) }), refusals: ['BAD_USER_INPUT'], reread: [R.dispatchQueue] },
  'openRepairOrder#jobOrder': {
    args: (a, me) => ({ input: repairOrderInput(me.center, staffOf(me.center, 'advisor'), { jobOrderId: a.jobOrder }) }),
    reread: [R.jobOrder],
    dependsOn: 'issue 15 point 5: workshop checks that a job order exists, is in scope and belongs to the same center',
  },
  addRepairOrderItem: {
    args: (a) => ({
      id: a.repairOrder,
      input: {
        item: { kind: 'LABOR', code: 'OP-DISC', description: 'Skim the discs', quantity: 1, unitPrice: 120, warrantyClaim: false },
        authorization: { by: CUSTOMER.name, channel: 'PHONE', at: past(1), note: 'Customer agreed on the phone to skim the discs' },
      },
    }),
    reread: [R.repairOrder],
  },
  dispatchRepairOrder: { args: (a) => ({ id: a.repairOrder, input: { technicianId: a.tech, bayId: 'b3' } }), reread: [R.repairOrder] },
  'dispatchRepairOrder#technician': {
    args: (a, me) => ({ id: a.repairOrder, input: { technicianId: staffOf(me.center, 'tech'), bayId: 'b3' } }),
    reread: [R.repairOrder],
  },
  completeRepairWork: { args: (a) => ({ id: a.repairOrder }), reread: [R.repairOrder] },
  recordQualityCheck: { args: (a) => ({ id: a.repairOrder, input: { level: 'TECHNICIAN', passed: true, inspectorId: a.tech } }), reread: [R.repairOrder] },
  skipQualityCheck: { args: (a) => ({ id: a.repairOrder }), reread: [R.repairOrder] },
  deliverRepairOrder: { args: (a) => ({ id: a.repairOrder, input: { finalAmount: 200, paymentMethod: 'CARD', paidAmount: 200, deliveredBy: a.advisor } }), reread: [R.repairOrder] },
  recordFollowUp: { args: (a) => ({ id: a.deliveredOrder, input: { connected: true, satisfied: false, complaint: 'Noise is back' } }), reread: [R.deliveredOrder] },
  requestFollowUpCall: { args: (a) => ({ id: a.deliveredOrder }), reread: [R.deliveredOrder] },
  // Opens a case at the nearest 24 h outlet, which is A: only the hotline (call center, HQ) may.
  createRescue: {
    args: () => ({ input: { customer: OTHER_CUSTOMER, vehicle: { vin: OTHER_VIN }, location: { lat: 31.24, lng: 121.48 }, fault: 'Flat tyre', registrationCity: 'Shanghai', locationCity: 'Shanghai' } }),
    reread: [R.rescue],
  },
  dispatchRescue: {
    args: (a) => ({ id: a.rescue, input: { staffIds: [a.rescuer1, a.rescuer2], vehicle: 'SERVICE_VAN', promisedArrivalAt: future(0.02), partsBrought: ['battery'] } }),
    reread: [R.rescue],
  },
  recordRescueArrival: { args: (a) => ({ id: a.rescue }), reread: [R.rescue] },
  redispatchRescue: { args: (a) => ({ id: a.rescue, reason: 'Van broke down' }), reread: [R.rescue] },
  completeRescue: { args: (a) => ({ id: a.rescue, input: { outcome: 'TOWED', customerSignature: signature(), satisfactionPercent: 90 } }), reread: [R.rescue] },
  escalateRescue: { args: (a) => ({ id: a.rescue, input: { reason: 'NO_QUALIFIED_CREW' } }), reread: [R.rescue] },
  expertQuestion: { args: (a) => ({ id: a.question }) },
  askExperts: { args: (a) => ({ input: { repairOrderId: a.repairOrder, faultCode: 'BRAKE-NOISE', question: 'Which pad compound suits this model?' } }), reread: [R.repairOrder] },
  'askExperts#rescue': { args: (a) => ({ input: { rescueId: a.rescue, faultCode: 'BATTERY', question: 'Battery dead again after a jump start?' } }), reread: [R.rescue] },
  answerExpertQuestion: { args: (a) => ({ id: a.question, input: { answer: 'Use the OEM compound' } }), reread: [R.question] },
  courtesyCars: { args: (a) => ({ serviceCenterId: a.center }) },
  courtesyCarUsage: { args: (a) => ({ serviceCenterId: a.center, from: past(30).slice(0, 10), to: future(1).slice(0, 10) }) },
  addCourtesyCar: { args: (a) => ({ input: { serviceCenterId: a.center, plate: `SC-${SFX}`, model: 'JS4' } }), reread: [R.courtesyCars] },
  assignCourtesyCar: { args: (a) => ({ input: { carId: a.courtesyCar, repairOrderId: a.repairOrder, advisorChoice: true, mileageKm: 10, fuelPercent: 50 } }), reread: [R.courtesyCars] },
  returnCourtesyCar: { args: (a) => ({ id: a.courtesyAssignment, input: { mileageKm: 20, fuelPercent: 50 } }), reread: [R.courtesyCars] },

  // telematics (calls): A's customer's car and its report; the proposal it made is A's appointment
  vehicleTelematicsEvents: { args: () => ({ vin: VIN, first: 10 }), ownerSees: (a) => a.telematicsEvent },
  dismissTelematicsEvent: { args: (a) => ({ id: a.telematicsEvent }), reread: [R.telematics] },
  confirmProposedAppointment: { args: (a) => ({ id: a.proposedAppointment }), reread: [R.proposedAppointment] },
  declineProposedAppointment: { args: (a) => ({ id: a.proposedAppointment }), reread: [R.proposedAppointment] },

  // HQ and the region's managers see a region's worst offenders (of the local month A's order was opened in); a dealer of the region does not.
  serviceStandardOffenders: { args: (a) => ({ regionId: a.region, month: periods.deliveredMonth, standard: 'EARLY_COMPLETION' }), owner: 'hq' },

  // DMS and EPC imports: a center's import is its dealer's; catalog imports are HQ's and the planners'
  repairOrderImportJob: { args: (a) => ({ id: a.dmsImport }), ownerSees: (a) => a.dmsImport },
  partsCatalogImportJob: { args: (a) => ({ id: a.epcImport }), owner: 'planner', ownerSees: (a) => a.epcImport },
  importRepairOrderHistory: {
    args: (a) => ({ input: { serviceCenterId: a.center, fileName: 'taken-over.csv', contentType: 'CSV', contentBase64: Buffer.from(`roNumber,vin,openedAt,deliveredAt,faultCode\nSCOPE-RO-2,${VIN},2025-01-01,2025-01-02,TAKEN-OVER\n`).toString('base64') } }),
    reread: [R.vehicleHistory],
  },

  // warranty (workshop): HQ's policies are the network's; A's registration, decisions and claims are A's
  warrantyPolicy: { args: (a) => ({ id: a.warrantyPolicy }), expect: 'hidden', ownerSees: (a) => a.warrantyPolicy },
  vehicleWarranty: { args: () => ({ vin: VIN }) },
  vehicleWarranties: { args: (a) => ({ sellingServiceCenterId: a.center }) },
  warrantyClaim: { args: (a) => ({ id: a.claim }) },
  warrantyClaims: { args: (a) => ({ serviceCenterId: a.center }) },
  'warrantyClaims#region': { args: (a) => ({ regionId: a.region }) },
  warrantyKpis: { args: (a) => ({ serviceCenterId: a.center, from: new Date().toISOString().slice(0, 7), to: new Date().toISOString().slice(0, 7) }) },
  setWarrantyPolicy: {
    args: (a) => ({
      input: {
        id: a.warrantyPolicy, kind: 'BASIC', name: 'Taken over', months: 1, kilometres: 1, partGroups: ['ALL'], laborOperations: [], regionIds: [],
        exclusions: { partGroups: [], laborOperations: [], faultCodes: [] }, active: true, reason: 'Taken over',
      },
    }),
    reread: [R.warrantyPolicy],
  },
  registerVehicleWarranty: { args: (a) => ({ input: { vin: VIN, saleDate: '2020-01-01', sellingServiceCenterId: a.center } }), reread: [R.vehicleWarranty] },
  // One registration per VIN in the network: registering A's vehicle as one's own sale is a CONFLICT, and changes nothing.
  'registerVehicleWarranty#ownCenter': {
    args: (_a, me) => ({ input: { vin: VIN, saleDate: '2020-01-01', sellingServiceCenterId: me.center } }),
    refusals: ['CONFLICT'],
    reread: [R.vehicleWarranty],
  },
  addWarrantyExtension: { args: (a) => ({ input: { vin: VIN, policyId: a.warrantyPolicy, purchaseDate: '2025-01-01' } }), reread: [R.vehicleWarranty] },
  overrideWarrantyDecision: { args: (a) => ({ itemId: `${a.repairOrder}:i1`, input: { covered: false, reason: 'Taken over' } }), reread: [R.repairOrder] },
  submitWarrantyClaim: { args: (a) => ({ input: { repairOrderId: a.repairOrder, lines: [{ itemId: `${a.repairOrder}:i1`, amount: 10 }] } }), reread: [R.repairOrder] },
  approveWarrantyClaim: { args: (a) => ({ id: a.claim }), reread: [R.claim] },
  rejectWarrantyClaim: { args: (a) => ({ id: a.claim, reason: 'Taken over' }), reread: [R.claim] },
  requestWarrantyClaimInfo: { args: (a) => ({ id: a.claim, reason: 'Taken over' }), reread: [R.claim] },
  resubmitWarrantyClaim: { args: (a) => ({ id: a.claim, answer: 'Taken over' }), reread: [R.claim] },

  // parts
  stock: { args: (a) => ({ locationId: a.center }) },
  stockMovements: { args: (a) => ({ locationId: a.center, partNumber: a.part, fromSeq: 1, first: 20 }) },
  partAvailability: { args: (a) => ({ input: { partNumber: a.part, quantity: 1, forLocationId: a.center } }), ownerSees: (a) => a.rc, expect: 'refused' },
  partsOrder: { args: (a) => ({ id: a.partsOrder }) },
  partsOrders: { args: (a) => ({ locationId: a.center }) },
  // The regional center's book holds A's order as the supplier's; its own clerk reads it there.
  'partsOrders#supplier': { args: (a) => ({ locationId: a.rc }), owner: 'supplier' },
  classificationRun: { args: (a) => ({ id: a.classificationRun }), owner: 'planner', ownerSees: (a) => a.classificationRun },
  partPlans: { args: (a) => ({ locationId: a.center }), ownerSees: (a) => a.part },
  replenishmentSuggestions: { args: (a) => ({ locationId: a.center }), ownerSees: (a) => a.part },
  partsTransfer: { args: (a) => ({ id: a.transfer }) },
  verifyGenuineCode: { args: (a) => ({ input: { code: '0000000000000', partNumber: a.part, locationId: a.center } }), reread: [R.stock] },
  recordStockMovement: { args: (a) => ({ input: { locationId: a.center, partNumber: a.part, type: 'ISSUE', quantity: 1 } }), reread: [R.stock] },
  reserveParts: { args: (a) => ({ input: { locationId: a.center, partNumber: a.part, quantity: 1, reference: 'RO-X' } }), reread: [R.stock] },
  submitPartsOrder: { args: (a) => ({ input: { locationId: a.center, lines: [{ partNumber: a.part, quantity: 1 }] } }), reread: [R.partsOrders] },
  dispatchPartsOrder: { args: (a) => ({ id: a.partsOrder }), reread: [R.partsOrder] },
  receivePartsShipment: { args: (a) => ({ id: a.partsOrder, shipmentNo: 1 }), reread: [R.partsOrder, R.stock] },
  cancelPartsOrder: { args: (a) => ({ id: a.partsOrder }), reread: [R.partsOrder] },
  runClassification: { args: (a) => ({ input: { locationIds: [a.center] } }), reread: [R.plans] },
  importDemandHistory: { args: (a) => ({ input: { locationId: a.center, lines: [{ partNumber: a.part, month: '2025-01', quantity: 999 }] } }), reread: [R.plans] },
  createPartsTransfer: { args: (a, me) => ({ input: { partNumber: a.part, quantity: 1, toLocationId: a.center, fromLocationId: me.center } }), reread: [R.stock] },
  // Regional sharing lets a dealer of A's region pull what A can spare; another region may not.
  'createPartsTransfer#fromA': {
    args: (a, me) => ({ input: { partNumber: a.part, quantity: 1, toLocationId: me.center, fromLocationId: a.center } }),
    callers: ['rmOther'],
    reread: [R.stock],
    dependsOn: 'issue 15 point 5: a parts location out of the caller\'s scope is NOT_FOUND (today: CONFLICT naming what A can share)',
  },
  receivePartsTransfer: { args: (a) => ({ id: a.transfer }), reread: [R.transfer, R.stock] },

  // surveys
  questionnaire: { args: (a) => ({ id: a.questionnaire }), expect: 'hidden', ownerSees: (a) => a.questionnaire },
  surveyInvitation: { args: (a) => ({ id: a.invitation }) },
  publishQuestionnaire: { args: (a) => ({ input: { id: a.questionnaire, title: { en: 'x', zh: 'x', pt: 'x', es: 'x', ru: 'x', ar: 'x' }, questions: [], factorWeights: [], dissatisfaction: { npsDetractor: true, explicitComplaint: false } } }), reread: [R.questionnaire] },
  recordSurveyConsent: { args: (a) => ({ input: { invitationId: a.invitation, given: true } }), reread: [R.invitation] },
  // Public: the customer's link token is the only key, so a caller without it is refused for the token.
  submitSurveyAnswers: { args: () => ({ input: { token: `forged-${SFX}`, answers } }), refusals: ['BAD_USER_INPUT'], reread: [R.invitation] },
  submitSurveyAnswersByCall: { args: (a) => ({ input: { invitationId: a.invitation, answers } }), reread: [R.invitation] },

  // notifications: A's advisor was told of A's lead
  markNotificationRead: { args: (a) => ({ id: a.notification }), reread: [R.inbox] },
};

/** One read per service that HQ, which sees the whole network, must be able to do on A's objects. */
const SANITY_READS: Read[] = [R.center, R.call, R.jobOrder, R.lead, R.complaint, R.repairOrder, R.partsOrder, R.invitation, R.rescue, R.campaign];
/** One write per service that A's own dealer, or HQ where dealers have no say, may do: after every attack above. */
const SANITY_WRITES: (Read & { as: CallerName })[] = [
  {
    op: 'upsertStaff',
    as: 'hq',
    args: (a) => ({ input: { id: `${a.center}-new`, name: 'Lucia Ferreira', email: 'lucia@example.com', role: 'TECHNICIAN', active: true, qualifications: [], serviceCenterId: a.center } }),
  },
  { op: 'assignOutboundTask', as: 'hq', args: (a) => ({ id: a.task, agentId: a.agent }) },
  { op: 'recordCampaignCall', as: 'agent', args: (a) => ({ input: { taskId: a.campaignTask, outcome: 'UNREACHABLE' } }) },
  { op: 'recordCustomerContact', as: 'dealerA', args: (a) => ({ input: { jobOrderId: a.jobOrder } }) },
  { op: 'updateLeadStatus', as: 'dealerA', args: (a) => ({ input: { leadId: a.lead, status: 'CONTACTED' } }) },
  { op: 'confirmComplaintClass', as: 'hq', args: (a) => ({ id: a.complaint, input: { class: 'C' } }) },
  { op: 'markAppointmentReminded', as: 'dealerA', args: (a) => ({ id: a.appointment }) },
  { op: 'addRepairOrderItem', as: 'dealerA', args: (a) => FIXTURES.addRepairOrderItem.args(a, { name: 'dealerB', center: a.center, region: a.region }) },
  { op: 'reserveParts', as: 'dealerA', args: (a) => ({ input: { locationId: a.center, partNumber: a.part, quantity: 1, reference: 'RO-SANITY' } }) },
  { op: 'recordStockMovement', as: 'hq', args: (a) => ({ input: { locationId: a.center, partNumber: a.part, type: 'RECEIPT', quantity: 1, unitCost: 90 } }) },
];

/** What of A may not reach another dealer or region: its center, its customer and every object id. */
function markersOf(a: World): string[] {
  const shared: (keyof World)[] = ['region', 'rc', 'agent', 'questionnaire', 'part', 'slotDay', 'warrantyPolicy'];
  const own = Object.entries(a).filter(([key]) => !shared.includes(key as keyof World)).map(([, value]) => value);
  return [...own, 'Scope Dealer Alpha', CUSTOMER.name, CUSTOMER.phone, VIN];
}

/** The answer as text, with any XLSX export unpacked into its cells so that a workbook cannot hide A. */
async function readable(data: unknown): Promise<string> {
  const sheets: string[] = [];
  const visit = async (value: unknown): Promise<void> => {
    if (Array.isArray(value)) for (const v of value) await visit(v);
    else if (value && typeof value === 'object') {
      const o = value as Record<string, unknown>;
      if (typeof o.base64 === 'string' && /sheet/.test(String(o.contentType))) {
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(Buffer.from(o.base64, 'base64') as never);
        book.eachSheet((sheet) => sheet.eachRow((row) => sheets.push(JSON.stringify(row.values))));
      }
      for (const v of Object.values(o)) await visit(v);
    }
  };
  await visit(data);
  return JSON.stringify(data) + sheets.join('\n');
}

function figures(value: unknown, path = ''): string[] {
  if (typeof value === 'number') return value === 0 ? [] : [`${path}=${value}`];
  if (Array.isArray(value)) return value.flatMap((v, i) => figures(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => figures(v, path ? `${path}.${k}` : k));
  return [];
}

const REFUSALS = ['FORBIDDEN', 'NOT_FOUND'];
const refused = (res: GraphQLResponse<unknown>, also: string[] = []) =>
  !!res.errors?.length && errorCodes(res).every((c) => [...REFUSALS, ...also].includes(c!)) && res.data == null;

/** What is wrong with an attacker's answer, or nothing. */
async function verdict(res: GraphQLResponse<any>, expect: Expect, markers: string[], also: string[] = []): Promise<string | null> {
  if (refused(res, also)) return null;
  if (res.errors?.length) return `answered ${JSON.stringify(res.errors.map((e) => [e.extensions?.code, e.message]))}`;
  if (expect === 'refused') return `was let in: ${JSON.stringify(res.data).slice(0, 300)}`;
  const text = await readable(res.data);
  const seen = markers.filter((m) => text.includes(m));
  if (seen.length) return `sees A's ${seen.join(', ')}: ${text.slice(0, 300)}`;
  const numbers = expect === 'nothing' ? figures(res.data) : [];
  if (numbers.length) return `sees figures ${numbers.slice(0, 8).join(', ')}`;
  return null;
}

async function waitFor<T>(what: string, read: () => Promise<T | null | undefined | false>, timeoutMs = 60_000): Promise<T> {
  return (await eventually(what, () => read().catch(() => undefined), Boolean, timeoutMs, 250)) as T;
}

describe('scope of every operation with an id, generated from the supergraph', () => {
  const schema = loadSupergraph();
  const operations = idOperations(schema);
  const entries = Object.entries(FIXTURES).map(([key, fixture]) => ({ key, op: key.split('#')[0], fixture }));
  const kindOf = (op: string) => rootField(schema, op).kind;
  let system: RunningSystem;
  const as = {} as Record<CallerName, GraphQLClient>;
  const a = {} as World;
  const attackers: Caller[] = [
    { name: 'dealerB', center: C.b, region: EAST.id },
    { name: 'rmOther', center: C.south, region: SOUTH.id },
  ];

  const run = (client: GraphQLClient, op: string, args: Record<string, unknown>) => client.request<any>(operationDocument(schema, op, args), args);
  const read = async (r: Read) => {
    const res = await run(as[r.as ?? 'dealerA'], r.op, r.args(a));
    if (res.errors?.length) throw new Error(`A's read ${r.op} failed: ${JSON.stringify(res.errors)}`);
    return res.data;
  };

  beforeAll(async () => {
    system = await startSystem({ env: { calls: { TELEMATICS_PROVIDER_SECRETS: `${TELEMATICS.provider}:${TELEMATICS.secret}` } } });
    const gw = system.gateway.client;
    const token = (spec: Parameters<typeof tokenFor>[0]) => tokenFor(spec).then((t) => gw.as(t));
    Object.assign(as, {
      hq: await token({ role: 'HQ_ADMIN' }),
      agent: await token({ role: 'CALL_CENTER_AGENT', subject: AGENT_ID }),
      planner: await token({ role: 'PARTS_PLANNER' }),
      qc: await token({ role: 'QC_AGENT', subject: QC_ID }),
      supplier: await token({ role: 'DEALER', centers: [C.rc], regions: [EAST.id], subject: 'rc-parts-clerk' }),
      dealerA: await token({ role: 'DEALER', centers: [C.a], regions: [EAST.id], subject: staffOf(C.a, 'advisor') }),
      dealerB: await token({ role: 'DEALER', centers: [C.b], regions: [EAST.id], subject: staffOf(C.b, 'advisor') }),
      rmOther: await token({ role: 'REGION_MANAGER', regions: [SOUTH.id] }),
    });
    Object.assign(a, {
      center: C.a, region: EAST.id, rc: C.rc, agent: AGENT_ID, questionnaire: 'after-sales-csi', part: PART,
      ...Object.fromEntries(['advisor', 'tech', 'leader', 'qc', 'manager'].map((k) => [k, staffOf(C.a, k)])),
      rescuer1: staffOf(C.a, 'rescue1'), rescuer2: staffOf(C.a, 'rescue2'),
    });

    await seedTestNetwork(as.hq, { regions: [EAST, SOUTH], centers: CENTERS });
    const month = new Date().toISOString().slice(0, 7);
    const everyService = `callCenterKpis { inboundCalls } jobOrderKpis { created } complaintKpis(year: ${new Date().getUTCFullYear()}) { complaints }
      workshopKpis(from: "${month}", to: "${month}") { from } partsKpis { stockOuts } satisfaction(from: "${month}") { invited }`;
    await waitFor('every read model to know the centers', async () => {
      const res = await as.hq.request<any>(`{ ${[C.a, C.b, C.rc, C.south].map((id, i) => `c${i}: serviceCenter(id: "${id}") { ${everyService} }`).join(' ')} }`);
      const known = !res.errors && Object.values(res.data ?? {}).every((c: any) => Object.values(c).every((v) => v !== null));
      const staff = known && (await as.dealerA.data(`{ workshopStaff(serviceCenterId: "${C.a}") { id } }`)).workshopStaff.length === STAFF_A.length;
      const parts = staff && !(await as.hq.request(`{ ${[C.a, C.b, C.rc].map((id, i) => `l${i}: stock(locationId: "${id}") { partNumber }`).join(' ')} }`)).errors;
      return parts;
    }, 120_000);

    // Workshop and parts at A.
    await as.dealerA.data(`mutation($input: WorkshopSetupInput!) { configureWorkshop(input: $input) { serviceCenterId } }`, {
      input: {
        serviceCenterId: C.a, slotMinutes: 60, lateAfterMinutes: 15,
        bays: [{ id: 'b1', appointmentBay: true }, { id: 'b2', appointmentBay: true }, { id: 'b3', appointmentBay: false }],
        periods: [{ start: '08:30', end: '10:30', kind: 'FIXED' }, { start: '10:30', end: '16:30', kind: 'FLEXIBLE' }, { start: '16:30', end: '17:30', kind: 'NON_APPOINTMENT' }],
      },
    });
    await as.planner.data(`mutation($input: PartInput!) { upsertPart(input: $input) { partNumber } }`, {
      input: { partNumber: PART, names: [{ lang: 'en', text: 'Front pad set' }], listPrice: 150, unit: 'PIECE', leadTimeDays: 10 },
    });
    for (const locationId of [C.a, C.rc]) {
      await as.hq.data(`mutation($input: StockMovementInput!) { recordStockMovement(input: $input) { onHand } }`, {
        input: { locationId, partNumber: PART, type: 'RECEIPT', quantity: 20, unitCost: 90 },
      });
    }
    a.partsOrder = (await as.dealerA.data(`mutation($input: SubmitPartsOrderInput!) { submitPartsOrder(input: $input) { id supplierId } }`, {
      input: { locationId: C.a, lines: [{ partNumber: PART, quantity: 2 }] },
    })).submitPartsOrder.id;
    a.transfer = (await as.dealerA.data(`mutation($input: CreateTransferInput!) { createPartsTransfer(input: $input) { id } }`, {
      input: { partNumber: PART, quantity: 1, toLocationId: C.a, fromLocationId: C.rc, reason: 'Repair order waiting' },
    })).createPartsTransfer.id;
    const lastYear = new Date().getUTCFullYear() - 1;
    await as.planner.data(`mutation($input: ImportDemandInput!) { importDemandHistory(input: $input) }`, {
      input: { locationId: C.a, lines: Array.from({ length: 12 }, (_, m) => ({ partNumber: PART, month: `${lastYear}-${String(m + 1).padStart(2, '0')}`, quantity: 200 + (m % 3) * 20 })) },
    });
    a.dmsImport = (await as.dealerA.data(`mutation($input: ImportRepairOrderHistoryInput!) { importRepairOrderHistory(input: $input) { id } }`, {
      input: { serviceCenterId: C.a, fileName: 'history.csv', contentType: 'CSV', contentBase64: Buffer.from(`roNumber,vin,openedAt,deliveredAt,faultCode\nSCOPE-RO-1,${VIN},2025-01-01,2025-01-02,BRAKE-NOISE\n`).toString('base64') },
    })).importRepairOrderHistory.id;
    a.epcImport = (await as.planner.data(`mutation($input: ImportPartsCatalogInput!) { importPartsCatalog(input: $input) { id } }`, {
      input: { fileName: 'epc.csv', contentType: 'CSV', contentBase64: Buffer.from(`partNumber,names,listPrice\n${PART}-EPC,en:Scope part,1\n`).toString('base64') },
    })).importPartsCatalog.id;
    a.classificationRun = (await as.planner.data(`mutation($input: ClassificationRunInput) { runClassification(input: $input) { id } }`, {
      input: { locationIds: [C.a], lastMonth: `${lastYear}-12` },
    })).runClassification.id;
    await waitFor('the classification run', async () =>
      (await as.planner.data(`{ classificationRun(id: "${a.classificationRun}") { status } }`)).classificationRun.status !== 'RUNNING');

    // A call that becomes a job order at A, with the call center's 0.5 h contact check.
    a.call = (await as.agent.data(`mutation($input: LogCallInput!) { logCall(input: $input) { id } }`, {
      input: {
        category: 'FAULT_REPAIR', customer: { name: CUSTOMER.name, phone: CUSTOMER.phone, country: 'CN' }, vehicle: { vin: VIN, model: 'JS4' },
        fault: 'Brakes squeal when stopping', location: { lat: 31.2, lng: 121.45, description: 'at home, Xuhui district' }, startedAt: past(5), durationSec: 180, serviceCenterId: C.a,
        record: { who: `${CUSTOMER.name}, owner`, when: 'this morning', where: 'Shanghai', what: 'brakes squeal', why: 'wants them fixed', how: 'job order to the dealer' },
      },
    })).logCall.id;
    a.jobOrder = await waitFor('the job order from the call', async () =>
      (await as.dealerA.data(`{ jobOrders(filter: { serviceCenterId: "${C.a}" }, first: 5) { edges { node { id source { id } } } } }`)).jobOrders.edges
        .map((e: any) => e.node).find((n: any) => n.source.id === a.call)?.id);
    await as.qc.data(`mutation($input: ScoreCallInput!) { scoreCall(input: $input) { id } }`, {
      input: { callId: a.call, termsUsed: ['OPENING_REMARKS', 'CONCLUDING_REMARKS'], taboos: [] },
    });
    a.contactTask = `contact-check:${a.jobOrder}`;
    await waitFor('the contact check', async () => (await as.agent.data(`{ outboundTask(id: "${a.contactTask}") { id } }`)).outboundTask);
    // A purchase call from near A: the lead goes to A, the nearest dealer.
    a.lead = (await as.agent.data(`mutation($input: LogCallInput!) { logCall(input: $input) { leadId } }`, {
      input: {
        category: 'POTENTIAL_PURCHASE', intent: 'CLEAR_MODEL', interestedModels: ['JS4'], customer: { name: CUSTOMER.name, phone: CUSTOMER.phone, country: 'CN' },
        location: { lat: 31.2, lng: 121.45, description: 'at home, Xuhui district' }, startedAt: past(4), durationSec: 200,
        record: { who: `${CUSTOMER.name}, prospect`, when: 'this morning', where: 'Shanghai', what: 'price of the JS4', why: 'wants to buy', how: 'lead to the nearest dealer' },
      },
    })).logCall.leadId;
    await waitFor('the lead at A', async () => (await as.dealerA.data(`{ lead(id: "${a.lead}") { id } }`)).lead);
    a.notification = (await waitFor('the lead in the inbox of A\'s advisor', async () =>
      (await as.dealerA.data(`{ myNotifications(first: 20) { nodes { id kind } } }`)).myNotifications.nodes.find((n: { kind: string }) => n.kind === 'LEAD_CREATED')))!.id;
    a.task = (await as.hq.data(`mutation($input: CreateTaskInput!) { createOutboundTask(input: $input) { id } }`, {
      input: { kind: 'CUSTOMER_CARE', customer: { name: CUSTOMER.name, phone: CUSTOMER.phone, country: 'CN' }, dueAt: future(1), serviceCenterId: C.a, agentId: AGENT_ID },
    })).createOutboundTask.id;
    a.campaign = (await as.hq.data(`mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }`, {
      input: { kind: 'RECALL', name: 'Brake hose recall', vehicles: [{ vin: VIN, serviceCenterId: C.a, customer: { name: CUSTOMER.name, phone: CUSTOMER.phone, country: 'CN' } }] },
    })).createCampaign.id;
    a.campaignTask = `campaign:${a.campaign}:${VIN}`;
    const registered = (await as.agent.data(`mutation($input: RegisterComplaintInput!) { registerComplaint(input: $input) { id receivedAt } }`, {
      input: {
        channel: 'PHONE', type: 'SERVICE_QUALITY', serviceCenterId: C.a, customer: { name: CUSTOMER.name, phone: CUSTOMER.phone, language: 'zh' },
        vehicle: { vin: VIN, model: 'JS4' }, relatedProductModels: ['JS4'], content: 'The brakes still squeal after the last service', images: [], flags: [],
      },
    })).registerComplaint;
    a.complaint = registered.id;
    // Complaints count in the UTC year they were received: a suite running across New Year asks for that one.
    periods.complaintYear = Number(registered.receivedAt.slice(0, 4));
    // A policy of A's own center (the seed's number again, so nothing else changes): the audit has something of A's to hide.
    await as.hq.data(`mutation($input: SetPolicyInput!) { setPolicy(input: $input) { id } }`, {
      input: { level: 'CENTER', scopeId: C.a, reason: 'Scope test: A has a policy of its own', values: [{ path: 'complaints.suggestionForwardWorkingDays', value: 1 }] },
    });

    // Warranty: HQ's basic policy and A's sale of the vehicle, so that A's repair-order items are covered.
    a.warrantyPolicy = `scope-basic-${SFX}`;
    await as.hq.data(`mutation($input: WarrantyPolicyInput!) { setWarrantyPolicy(input: $input) { id } }`, {
      input: {
        id: a.warrantyPolicy, kind: 'BASIC', name: 'Basic', months: 36, kilometres: 100_000, partGroups: ['ALL'], laborOperations: ['ALL'], regionIds: [],
        exclusions: { partGroups: [], laborOperations: [], faultCodes: [] }, active: true, reason: 'Scope test',
      },
    });
    await as.dealerA.data(`mutation($input: RegisterVehicleWarrantyInput!) { registerVehicleWarranty(input: $input) { vin } }`, {
      input: { vin: VIN, saleDate: past(200 * 24 * 60).slice(0, 10), sellingServiceCenterId: C.a },
    });

    // Workshop: an appointment on the next working day that takes it, an open repair order, a delivered one, a rescue.
    for (let d = 1; !a.appointment && d < 15; d++) {
      const day = future(d).slice(0, 10);
      const res = await as.dealerA.request<any>(`mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { appointment { id } } }`, {
        input: { serviceCenterId: C.a, slotStart: `${day}T02:30:00.000Z`, customer, vehicle: { vin: VIN, model: 'JS4' }, origin: 'PASSIVE', request: 'brake noise' },
      });
      if (res.data?.bookAppointment.appointment) Object.assign(a, { appointment: res.data.bookAppointment.appointment.id, slotDay: day });
    }
    if (!a.appointment) throw new Error('no working day to book an appointment at A');
    const OPEN = `mutation($input: OpenRepairOrderInput!) { openRepairOrder(input: $input) { id } }`;
    a.repairOrder = (await as.dealerA.data(OPEN, { input: repairOrderInput(C.a, a.advisor) })).openRepairOrder.id;
    a.deliveredOrder = (await as.dealerA.data(OPEN, { input: repairOrderInput(C.a, a.advisor) })).openRepairOrder.id;
    // Service standards count in the center's local month of opening, which is not the UTC month from 16:00 UTC on a month's last day.
    const { openedAt } = (await as.dealerA.data(`{ repairOrder(id: "${a.deliveredOrder}") { openedAt } }`)).repairOrder;
    periods.deliveredMonth = monthOf(new Date(openedAt), TEST_SITES.shanghai.timeZone);
    const step = (name: string, input?: object) =>
      as.dealerA.data(`mutation($id: ID!${input ? `, $input: ${name === 'dispatchRepairOrder' ? 'DispatchInput' : name === 'recordQualityCheck' ? 'QualityCheckInput' : 'DeliverInput'}!` : ''}) {
        ${name}(id: $id${input ? ', input: $input' : ''}) { id } }`, { id: a.deliveredOrder, input });
    await step('dispatchRepairOrder', { technicianId: a.tech, bayId: 'b3' });
    await step('completeRepairWork');
    for (const [level, inspectorId] of [['TECHNICIAN', a.tech], ['TEAM_LEADER', a.leader], ['QC_INSPECTOR', a.qc]]) {
      await step('recordQualityCheck', { level, passed: true, inspectorId });
    }
    await step('deliverRepairOrder', { finalAmount: 200, paymentMethod: 'CARD', paidAmount: 200, deliveredBy: a.advisor });
    a.claim = (await as.dealerA.data(`mutation($input: SubmitWarrantyClaimInput!) { submitWarrantyClaim(input: $input) { id } }`, {
      input: { repairOrderId: a.deliveredOrder, lines: [{ itemId: `${a.deliveredOrder}:i1`, amount: 200 }] },
    })).submitWarrantyClaim.id;
    a.invitation = `VEHICLE_DELIVERED:${a.deliveredOrder}`;
    await waitFor('the survey invitation of the delivery', async () => (await as.dealerA.data(`{ surveyInvitation(id: "${a.invitation}") { id } }`)).surveyInvitation);
    a.rescue = (await as.agent.data(`mutation($input: CreateRescueInput!) { createRescue(input: $input) { id serviceCenterId } }`, {
      input: { customer, vehicle: { vin: VIN }, location: { lat: 31.24, lng: 121.48, address: 'Nanjing Road' }, fault: 'Battery dead', registrationCity: 'Shanghai', locationCity: 'Shanghai' },
    })).createRescue.id;
    // A's delivered car reports a severe fault once the call center knows the delivery: a telematics event
    // about A's customer, and the appointment it proposes at A.
    const dtc = (severity: string) => ({ eventId: randomUUID(), vin: VIN, kind: 'DTC', occurredAt: new Date().toISOString(), dtc: { code: 'P0301', severity, odometerKm: 30_000 } });
    await waitFor('the call center to know A\'s delivered car', async () => (await reportTelematics(system.services.calls.baseUrl, dtc('INFO'))).body.status === 'ACTED', 120_000);
    a.telematicsEvent = (await reportTelematics(system.services.calls.baseUrl, dtc('MAJOR'))).body.id;
    a.proposedAppointment = `ap-fault-${a.telematicsEvent}`;
    await waitFor('the appointment the fault proposes at A', async () => (await as.dealerA.data(`{ appointment(id: "${a.proposedAppointment}") { status } }`)).appointment?.status === 'PROPOSED');

    // The emergency plan at A: a question to the experts on A's repair order, a courtesy car out on it.
    a.question = (await as.dealerA.data(`mutation($input: AskExpertsInput!) { askExperts(input: $input) { id } }`, {
      input: { repairOrderId: a.repairOrder, faultCode: 'BRAKE-NOISE', question: 'Squeal persists after new pads: known issue?' },
    })).askExperts.id;
    a.courtesyCar = (await as.dealerA.data(`mutation { addCourtesyCar(input: { serviceCenterId: "${C.a}", plate: "A-${SFX}", model: "JS4" }) { id } }`)).addCourtesyCar.id;
    a.courtesyAssignment = (await as.dealerA.data(`mutation($input: AssignCourtesyCarInput!) { assignCourtesyCar(input: $input) { id } }`, {
      input: { carId: a.courtesyCar, repairOrderId: a.repairOrder, advisorChoice: true, mileageKm: 5, fuelPercent: 80 },
    })).assignCourtesyCar.id;

    // Events of the setup still travelling would change A's objects under the re-reads: wait until they rest.
    const everything = () => Promise.all(Object.values(R).map(read)).then((all) => JSON.stringify(all));
    let last = '';
    await waitFor('A\'s objects to settle', async () => {
      const now = await everything();
      const same = now === last;
      last = now;
      if (!same) await new Promise((r) => setTimeout(r, 1_000));
      return same;
    }, 90_000);
  }, 600_000);

  afterAll(async () => {
    await system?.stop();
  });

  it('has a fixture for every query and mutation that takes an id, and none for an operation that is gone', () => {
    const covered = new Set(entries.map((e) => e.op));
    const missing = operations.map((o) => `${o.kind} ${o.name} (${o.idPaths.join(', ')})`).filter((o) => !covered.has(o.split(' ')[1]));
    const gone = [...covered].filter((name) => !operations.some((o) => o.name === name));
    expect({ missing, gone }).toEqual({ missing: [], gone: [] });
    expect(operations.length).toBeGreaterThan(100);
  });

  const queries = entries.filter((e) => kindOf(e.op) === 'query');
  const mutations = entries.filter((e) => kindOf(e.op) === 'mutation');

  const clock = (service: 'workshop' | 'surveys', move: ClockMove) => moveClock(system.services[service].baseUrl, move);

  it.each(queries.map((e) => [e.key, e] as const))('query %s: A sees its own, B and a manager of another region see nothing of A', async (_key, { op, fixture }) => {
    if (!fixture.clock) return check(op, fixture);
    await clock(fixture.clock.service, { now: fixture.clock.at(a) });
    try {
      await check(op, fixture);
    } finally {
      await clock(fixture.clock.service, { reset: true });
    }
  });

  async function check(op: string, fixture: Fixture) {
    const owner = await run(as[fixture.owner ?? 'dealerA'], op, fixture.args(a, attackers[0]));
    expect(owner.errors ?? []).toEqual([]);
    const ownerText = await readable(owner.data);
    const expected = fixture.ownerSees ? [fixture.ownerSees(a)] : markersOf(a);
    expect(expected.some((m) => ownerText.includes(m)) ? 'shows A' : `shows nothing of A: ${JSON.stringify(owner).slice(0, 500)}`).toBe('shows A');

    const problems: string[] = [];
    for (const me of attackers.filter((c) => !fixture.callers || fixture.callers.includes(c.name))) {
      const problem = await verdict(await run(as[me.name], op, fixture.args(a, me)), fixture.expect ?? 'nothing', markersOf(a), fixture.refusals);
      if (problem) problems.push(`${me.name} ${problem}`);
    }
    expect(problems).toEqual([]);
  }

  it.each(mutations.map((e) => [e.key, e] as const))('mutation %s: refused for B and a manager of another region, A unchanged', async (_key, { op, fixture }) => {
    const reads = fixture.reread ?? [];
    expect(reads.length).toBeGreaterThan(0);
    const before = await Promise.all(reads.map(read));
    const problems: string[] = [];
    for (const me of attackers.filter((c) => !fixture.callers || fixture.callers.includes(c.name))) {
      const problem = await verdict(await run(as[me.name], op, fixture.args(a, me)), fixture.expect ?? 'refused', markersOf(a), fixture.refusals);
      if (problem) problems.push(`${me.name} ${problem}${fixture.dependsOn ? ` (needs ${fixture.dependsOn})` : ''}`);
    }
    expect(problems).toEqual([]);
    expect(await Promise.all(reads.map(read))).toEqual(before);
  });

  // The refusals above are only worth something if the same kind of request works for those in scope.
  it.each(SANITY_READS.map((r) => [r.op, r] as const))('HQ reads A through %s', async (_op, r) => {
    const res = await run(as.hq, r.op, r.args(a));
    expect(res.errors ?? []).toEqual([]);
    const text = await readable(res.data);
    expect(markersOf(a).filter((m) => text.includes(m)).length).toBeGreaterThan(0);
  });

  it.each(SANITY_WRITES.map((w) => [`${w.as} ${w.op}`, w] as const))('%s works in its own scope', async (_name, w) => {
    const res = await run(as[w.as], w.op, w.args(a));
    expect(res.errors ?? []).toEqual([]);
    expect(res.data?.[w.op]).toBeTruthy();
  });

  it('A records the consent of its customer once the survey is open', async () => {
    const { dueAt } = (await read(R.invitation))!.surveyInvitation;
    await clock('surveys', { now: new Date(Date.parse(dueAt) + 60_000).toISOString() });
    try {
      await waitFor('the survey to open', async () => (await read(R.invitation))!.surveyInvitation.state === 'OPEN', 30_000);
      const res = await run(as.dealerA, 'recordSurveyConsent', { input: { invitationId: a.invitation, given: true } });
      expect(res.errors ?? []).toEqual([]);
    } finally {
      await clock('surveys', { reset: true });
    }
  });
});
