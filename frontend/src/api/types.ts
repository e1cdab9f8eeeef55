// The frontend's view of the Go API (docs/API.md). Field names are the JSON
// names the Go side emits. The generated Wails models (wailsjs/go/models.ts)
// are converted to these types in src/api/index.ts only.

export type Locale = 'id' | 'en';

/** Error payload as the Go ErrorFormatter sends it. */
export interface ErrorPayload {
  code: string;
  message?: string;
  details?: Record<string, unknown> | null;
}

export interface Counts {
  employees: number;
  positions: number;
  /** Positions created by an import whose standards are not complete yet. */
  positionsToReview?: number;
  units: number;
  competencies: number;
  frameworkVersions: number;
}

export interface AppInfo {
  version: string;
  dataDir: string;
  dbPath: string;
  locale: Locale | string;
  officeName: string;
  device: string;
  schemaVersion: string | number;
  counts: Counts;
  pendingChanges: number;
  startupError: ErrorPayload | null;
}

export interface Unit {
  id: string;
  version: number;
  updatedAt?: string;
  officeId: string;
  parentId: string | null;
  code: string;
  name: string;
}

export const POSITION_TYPES = [
  'jpt_utama',
  'jpt_madya',
  'jpt_pratama',
  'administrator',
  'pengawas',
  'pelaksana',
  'fungsional',
] as const;
export type PositionType = (typeof POSITION_TYPES)[number];

export const JENJANGS = [
  'ahli_utama',
  'ahli_madya',
  'ahli_muda',
  'ahli_pertama',
  'penyelia',
  'mahir',
  'terampil',
  'pemula',
] as const;
export type Jenjang = (typeof JENJANGS)[number];

/** Competency code → required level 1–5. */
export type Standards = Record<string, number>;

export interface Position {
  id: string;
  version: number;
  updatedAt?: string;
  code: string;
  name: string;
  type: PositionType | string;
  jenjang: Jenjang | string;
  unitId: string | null;
  standards: Standards;
  needsReview: boolean;
}

export const COMPETENCY_TYPES = ['managerial', 'socio_cultural', 'technical'] as const;
export type CompetencyType = (typeof COMPETENCY_TYPES)[number];

export interface CompetencyLevel {
  level: number;
  name: string;
  description: string;
  indicators: string[];
}

export interface Competency {
  id: string;
  version: number;
  updatedAt?: string;
  code: string;
  type: CompetencyType | string;
  name: string;
  definition: string;
  levels: CompetencyLevel[];
  builtIn: boolean;
  retired: boolean;
}

export interface FrameworkVersion {
  id: string;
  number: number;
  publishedAt: string;
  note: string;
  competencies: Competency[];
}

export interface EmployeeQuery {
  text: string;
  unitId: string;
  positionId: string;
  includeDeleted: boolean;
  limit: number;
  offset: number;
}

export type Gender = 'L' | 'P' | '';

export interface EmployeeItem {
  id: string;
  version: number;
  nip: string;
  nipPrinted: string;
  name: string;
  fullName: string;
  gelarDepan: string;
  gelarBelakang: string;
  golongan: string;
  pangkat: string;
  positionId: string | null;
  positionName: string;
  unitId: string | null;
  unitName: string;
  gender: Gender | string;
  birthDate: string;
  email: string;
  phone: string;
  deleted: boolean;
  updatedAt: string;
}

export interface EmployeeSearchResult {
  items: EmployeeItem[];
  total: number;
}

export interface EmployeeInput {
  id: string;
  version: number;
  nip: string;
  name: string;
  gelarDepan: string;
  gelarBelakang: string;
  golongan: string;
  positionId: string | null;
  unitId: string | null;
  gender: Gender | string;
  birthDate: string;
  email: string;
  phone: string;
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  device: string;
  action: string;
  /** JSON string {field: [old, new]}. */
  changes: string;
}

export interface NIPCheck {
  valid: boolean;
  code: string;
  digits: string;
  printed: string;
  birthDate: string;
  gender: string;
  tmt: string;
}

export interface Golongan {
  code: string;
  pangkat: string;
}

export const IMPORT_KINDS = ['employees', 'positions', 'competencies', 'assessments'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
/** Kinds with an "export current data" action (assessment-centre results are import-only). */
export const EXPORT_KINDS = ['employees', 'positions', 'competencies'] as const satisfies readonly ImportKind[];

export interface Issue {
  row: number;
  column: string;
  code: string;
  value: string;
  details?: Record<string, unknown> | null;
}

export interface ImportPreview {
  token: string;
  kind: ImportKind | string;
  fileName: string;
  rows: number;
  valid: number;
  invalid: number;
  errors: Issue[];
  warnings: Issue[];
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  /** Names of units the import created (backend/domain/imports.go). */
  unitsCreated: string[] | number | null;
  /** Names of positions the import created; they need their standards completed. */
  positionsCreated: string[] | number | null;
}

export interface Job {
  id: string;
  done: number;
  total: number;
  finished: boolean;
  result: ImportResult | null;
  error: ErrorPayload | null;
}

// ---- assessments (docs/API.md "AssessmentService") ----

/** Most trusted first; also the default priority of the result rule. */
export const ASSESSMENT_METHODS = ['assessor', 'test', 'supervisor', 'peer', 'self'] as const;
export type AssessmentMethod = (typeof ASSESSMENT_METHODS)[number];
export const ASSESSMENT_STATES = ['draft', 'submitted', 'finalized'] as const;
export type AssessmentState = (typeof ASSESSMENT_STATES)[number];

export interface AssessmentItem {
  competencyCode: string;
  /** 0 = not assessed, 1–5. */
  level: number;
  evidence: string;
}

export interface AssessmentDTO {
  id: string;
  version: number;
  employeeId: string;
  period: string;
  method: AssessmentMethod | string;
  frameworkVersion: number;
  state: AssessmentState | string;
  assessorName: string;
  assessorNip: string;
  assessedOn: string;
  supersedesId: string | null;
  supersededById: string | null;
  items: AssessmentItem[];
  performanceRating: number | null;
  note: string;
  updatedAt: string;
}

export interface FormCompetency {
  code: string;
  name: string;
  type: CompetencyType | string;
  definition: string;
  /** Required level of the employee's position. */
  standard: number;
  levels: CompetencyLevel[];
}

export interface AssessmentForm {
  assessment: AssessmentDTO;
  employee: EmployeeItem;
  competencies: FormCompetency[];
}

export interface GridColumn {
  code: string;
  name: string;
  type: CompetencyType | string;
}

export interface GridRow {
  employeeId: string;
  nip: string;
  name: string;
  positionName: string;
  assessmentId: string | null;
  version: number;
  state: AssessmentState | string;
  levels: Record<string, number>;
  standards: Record<string, number>;
}

export interface Grid {
  unitId: string;
  period: string;
  method: AssessmentMethod | string;
  columns: GridColumn[];
  rows: GridRow[];
}

export interface GridCell {
  assessmentId: string;
  version: number;
  state: AssessmentState | string;
  level: number;
}

// ---- analysis (docs/API.md "AnalysisService") ----

export interface ResultRule {
  mode: 'priority' | 'weighted' | string;
  priority: (AssessmentMethod | string)[];
  weights: Record<string, number>;
  includeSubmitted: boolean;
}

export interface Thresholds {
  name: string;
  high: number;
  mid: number;
  highCode: string;
  midCode: string;
  lowCode: string;
}

export interface NineBoxCutoffs {
  performanceHigh: number;
  performanceMid: number;
  potentialHigh: number;
  potentialMid: number;
}

export interface AnalysisSettings {
  resultRule: ResultRule;
  capPerCompetency: boolean;
  thresholdSet: 'mapping' | 'selection' | string;
  mapping: Thresholds;
  selection: Thresholds;
  nineBox: NineBoxCutoffs;
}

export interface LevelSource {
  assessmentId: string;
  method: AssessmentMethod | string;
  level: number;
  /** 0..1; 0 = not used for the result. */
  share: number;
}

export interface AnalysisLine {
  code: string;
  name: string;
  type: CompetencyType | string;
  standard: number;
  actual: number;
  assessed: boolean;
  gap: number;
  sources: LevelSource[];
}

export interface NineBoxPlacement {
  box: number;
  label: string;
  performanceBand: string;
  potentialBand: string;
}

export interface EmployeeAnalysis {
  employee: EmployeeItem;
  period: string;
  lines: AnalysisLine[];
  sumStandard: number;
  sumActual: number;
  jpm: number;
  category: string;
  complete: boolean;
  assessed: number;
  required: number;
  performance: number | null;
  nineBox: NineBoxPlacement | null;
}

export interface RecapGap {
  employeeId: string;
  name: string;
  unitName: string;
  code: string;
  competencyName: string;
  standard: number;
  actual: number;
  gap: number;
}

export interface RecapPerson {
  employeeId: string;
  nip: string;
  name: string;
  unitName: string;
  positionName: string;
  jpm: number;
  category: string;
  complete: boolean;
  /** 0 when not placed. */
  box: number;
}

export interface RecapHeatmap {
  units: { id: string; name: string }[];
  codes: { code: string; name: string }[];
  /** [unit][code]; null = nobody assessed. */
  gaps: (number | null)[][];
}

export interface Recap {
  period: string;
  unitId: string;
  count: number;
  byCategory: Record<string, number>;
  uncategorised: number;
  incomplete: number;
  averageJpm: number;
  averageGap: { code: string; name: string; gap: number }[];
  largestGaps: RecapGap[];
  people: RecapPerson[];
  heatmap: RecapHeatmap;
  nineBox: { counts: number[] };
  /** The threshold set the categories were computed with. */
  thresholds: Thresholds | null;
}

// ---- development: IDP, training, JP (docs/API.md "PlanService", "TrainingService",
// "DevelopmentDashboardService") ----

/** Sync fields every development row carries. */
export interface SyncRow {
  id: string;
  version: number;
  updatedAt?: string;
  updatedByDevice?: string;
  deleted?: boolean;
}

export const PLAN_STATES = ['draft', 'submitted', 'revision', 'approved', 'in_progress', 'done'] as const;
export type PlanStateName = (typeof PLAN_STATES)[number];
export const LINE_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export const FUNDING_SOURCES = ['APBN', 'APBD', 'mandiri', 'lainnya'] as const;

export interface GapLine {
  code: string;
  standard: number;
  actual: number;
  assessed: boolean;
  gap: number;
}

export interface PlanLine {
  id: string;
  priority: number;
  competencyCode: string;
  competencyType: CompetencyType | string;
  standard: number;
  actual: number;
  gap: number;
  goal: string;
  form: 'pelatihan' | 'pendidikan' | string;
  methodCode: string;
  alternatives: string[];
  programme: string;
  provider: string;
  plannedStart: string;
  plannedEnd: string;
  plannedJp: number;
  cost: number;
  fundingSource: string;
  status: string;
  trainingRecordId: string;
  realisedJp: number;
}

export interface PlanEvent {
  seq: number;
  at: string;
  from: string;
  to: string;
  actorName: string;
  actorNip: string;
  reason: string;
}

export interface DevelopmentPlan extends SyncRow {
  employeeId: string;
  year: number;
  targetPositionId: string | null;
  targetGaps: GapLine[];
  state: PlanStateName | string;
  stateSeq: number;
  approverName: string;
  approverNip: string;
  approvedAt: string | null;
  revisionReason: string;
  note: string;
  lines: PlanLine[];
  history: PlanEvent[];
}

export interface JPRule {
  kind: 'stated' | 'per_day' | 'per_session' | 'fixed' | string;
  national: number;
  international: number;
  maxPerDay: number;
  maxPerMonth: number;
  unverified: boolean;
  note: string;
}

export interface DevelopmentMethod {
  code: string;
  name: string;
  nameEn: string;
  route: 'klasikal' | 'nonklasikal' | '' | string;
  form: string;
  jenisDiklat: string;
  siasnRecord: string;
  jp: JPRule;
  planningJp: number;
  programmes?: string[];
  note?: string;
}

export interface PlanEmployee {
  id: string;
  nip: string;
  nipPrinted: string;
  name: string;
  fullName: string;
  unitId: string;
  unitName: string;
  positionId: string;
  positionName: string;
}

export interface PlanView {
  plan: DevelopmentPlan;
  employee: PlanEmployee;
  targetPositionName: string;
  analysisPeriod: string;
  plannedJp: number;
  plannedCost: number;
  realisedJp: number;
  nextStates: string[];
}

export interface PlanSummary {
  id: string;
  version: number;
  employeeId: string;
  nip: string;
  name: string;
  unitId: string;
  unitName: string;
  positionName: string;
  year: number;
  state: string;
  lines: number;
  doneLines: number;
  plannedJp: number;
  plannedCost: number;
  realisedJp: number;
  approverName: string;
  updatedAt: string;
}

export interface PlanQuery {
  year: number;
  unitId: string;
  state: string;
  text: string;
}

export interface Approver {
  name: string;
  nip: string;
}

export interface DraftResult {
  created: number;
  existing: number;
  noAnalysis: number;
  withoutNeeds: number;
}

export interface DraftJobStatus {
  id: string;
  done: number;
  total: number;
  finished: boolean;
  result: DraftResult | null;
  error: ErrorPayload | null;
}

export interface TrainingEvent extends SyncRow {
  officeId: string;
  code: string;
  name: string;
  methodCode: string;
  route: string;
  provider: string;
  venue: string;
  online: boolean;
  international: boolean;
  batch: string;
  startDate: string;
  endDate: string;
  days: number;
  statedJp: number;
  jp: number;
  jpManual: boolean;
  budget: number;
  realisedCost: number;
  fundingSource: string;
  certificateFormat: string;
}

export interface Participant extends SyncRow {
  eventId: string;
  employeeId: string;
  planId: string;
  planLineId: string;
  status: 'registered' | 'completed' | 'incomplete' | 'cancelled' | string;
  certificateNo: string;
  trainingRecordId: string;
  completedOn: string;
}

export interface Attendance extends SyncRow {
  eventId: string;
  participantId: string;
  date: string;
  present: boolean;
  note: string;
}

export interface TrainingRecord extends SyncRow {
  employeeId: string;
  nip: string;
  methodCode: string;
  route: string;
  jenisDiklat: string;
  siasnRecord: string;
  name: string;
  provider: string;
  certificateNo: string;
  startDate: string;
  endDate: string;
  year: number;
  jp: number;
  location: string;
  online: boolean;
  international: boolean;
  eventId: string;
  participantId: string;
  learningActivityId: string;
  fileRef: string;
}

export interface LearningActivity extends SyncRow {
  employeeId: string;
  methodCode: string;
  title: string;
  provider: string;
  startDate: string;
  endDate: string;
  days: number;
  sessions: number;
  statedJp: number;
  international: boolean;
  jp: number;
  jpManual: boolean;
  evidence: string;
  planId: string;
  planLineId: string;
  trainingRecordId: string;
}

export interface EvaluationAnswer {
  questionId: string;
  value: number;
}

export interface Evaluation extends SyncRow {
  eventId: string;
  participantId: string;
  employeeId: string;
  level: number;
  instrument: string;
  date: string;
  score: number | null;
  preScore: number | null;
  answers: EvaluationAnswer[];
  evaluatorName: string;
  evaluatorNip: string;
  note: string;
}

export const AWARD_KINDS = ['highest_jp', 'plan_completed', 'best_trainer', 'best_mentor', 'other'] as const;

export interface Award extends SyncRow {
  year: number;
  kind: (typeof AWARD_KINDS)[number] | string;
  employeeId: string;
  recipientName: string;
  title: string;
  awardedOn: string;
  note: string;
}

export interface NeedLine {
  planId: string;
  lineId: string;
  employeeId: string;
  nip: string;
  name: string;
  unitName: string;
  year: number;
  competencyCode: string;
  competencyName: string;
  gap: number;
  methodCode: string;
  programme: string;
  plannedStart: string;
  plannedJp: number;
  status: string;
}

export interface EventItem {
  event: TrainingEvent;
  methodName: string;
  participants: number;
  completed: number;
}

export interface ParticipantView {
  participant: Participant;
  employee: PlanEmployee;
  attendance: Record<string, boolean>;
  presentDays: number;
  planLine: NeedLine | null;
  evaluations: Evaluation[];
  gapClosed: boolean | null;
}

export interface EventView {
  event: TrainingEvent;
  method: DevelopmentMethod;
  days: string[];
  participants: ParticipantView[];
  certificateFormat: string;
}

export interface EventQuery {
  year: number;
  text: string;
  methodCode: string;
}

export interface CompletionResult {
  completed: number;
  incomplete: { participantId: string; name: string; presentDays: number; days: number }[];
  certificates: { participantId: string; name: string; certificateNo: string }[];
}

export interface EvaluationSummary {
  reaction: number | null;
  preTest: number | null;
  postTest: number | null;
  learningGain: number | null;
  behaviour: number | null;
  evaluated: Record<string, number>;
  targetedGaps: number;
  closedGaps: number;
}

export interface AwardItem {
  award: Award;
  name: string;
  nip: string;
  unitName: string;
}

export interface AwardSuggestion {
  kind: string;
  employeeId: string;
  name: string;
  value: number;
  reason: string;
}

export interface Question {
  id: string;
  text: string;
}

export interface DevelopmentSettings {
  annualJpTarget: number;
  minAttendance: number;
  l3DelayDays: number;
  reactionQuestions: Question[];
  behaviourQuestions: Question[];
  certificateFormat: string;
  officeCode: string;
  deviceCode: string;
}

export interface JPRecap {
  count: number;
  compliant: number;
  belowTarget: number;
  totalJp: number;
  averageJp: number;
  complianceRate: number;
  totalShortfall: number;
}

export interface PlannedItem {
  source: 'plan' | 'event' | string;
  planId: string;
  lineId: string;
  eventId: string;
  methodCode: string;
  title: string;
  start: string;
  jp: number;
  status: string;
}

export interface BelowTarget {
  employeeId: string;
  nip: string;
  name: string;
  unitName: string;
  positionName: string;
  total: number;
  shortfall: number;
  plannedJp: number;
  planned: PlannedItem[];
}

export interface Compliance {
  year: number;
  unitId: string;
  target: number;
  office: JPRecap;
  units: { unitId: string; unitName: string; recap: JPRecap }[];
  below: BelowTarget[];
}

export interface JPSummary {
  employeeId: string;
  unitId: string;
  year: number;
  target: number;
  total: number;
  belowTarget: boolean;
  shortfall: number;
  byMethod: Record<string, number>;
  activities: number;
}

export interface BudgetSummary {
  planned: number;
  realised: number;
  variance: number;
  jp: number;
  costPerJp: number;
  absorption: number;
}

export interface BudgetReport {
  year: number;
  unitId: string;
  total: BudgetSummary;
  units: { unitId: string; unitName: string; summary: BudgetSummary }[];
}

export interface L3Reminder {
  eventId: string;
  eventName: string;
  endDate: string;
  dueDate: string;
  participantId: string;
  employeeId: string;
  name: string;
  unitName: string;
}

export interface DraftingRule {
  competencyType: string;
  minGap: number;
  maxGap: number;
  methods: string[];
  note?: string;
}

// ---- printing (PrintService, docs/API.md "PrintService") ----

/** The printable documents (core.Doc* constants). */
export type PrintDoc = 'idp' | 'certificates' | 'recap-jpm' | 'recap-jp' | 'attendance' | 'history';
export type PrintFormat = 'pdf' | 'xlsx';

/** What to print: an employee for idp/history, an event for certificates/attendance, unit and period/year for the recaps. */
export interface PrintParams {
  employeeId: string;
  nip: string;
  eventId: string;
  unitId: string;
  period: string;
  year: number;
  /** "pdf" (default) or "xlsx" (recaps, attendance, history). */
  format: string;
}

/** A rendered document waiting in the data folder's print/ directory. */
export interface PrintResult {
  path: string;
  fileName: string;
  format: string;
  sizeBytes: number;
  /** Certificates only (one page each); 0 when not counted. */
  pages: number;
  /** The PDF for the preview; empty for xlsx and for PDFs over 25 MB. */
  pdfBase64: string;
}

/** A person who signs documents. Signature: optional PNG/JPEG, base64. */
export interface PrintSignatory {
  title: string;
  name: string;
  nip: string;
  signature: string;
}

/** The certificate fields an office may move, in page order (Go certificateFields). */
export const CERTIFICATE_FIELDS = ['logo', 'heading', 'number', 'intro', 'name', 'nip', 'identity', 'body', 'dates', 'jp', 'placeDate', 'qr'] as const;
export type CertificateField = (typeof CERTIFICATE_FIELDS)[number];

/**
 * Where one certificate field is printed: x, y and width in mm from the
 * top-left corner of the landscape A4 page (297 × 210), font size in pt,
 * alignment ("" = centred), bold, hidden. For the QR code only x, y and
 * w (its side, at least 15 mm) count.
 */
export interface LayoutBox {
  x: number;
  y: number;
  w: number;
  size: number;
  align: '' | 'L' | 'C' | 'R';
  bold: boolean;
  hidden: boolean;
}

/** The document settings of this office. Images are base64 PNG or JPEG. */
export interface PrintSettings {
  agency: string;
  office: string;
  address: string;
  contact: string;
  logo: string;
  place: string;
  approver: PrintSignatory;
  recapSignatory: PrintSignatory;
  certificateSignatories: PrintSignatory[];
  certificateBackground: string;
  certificateHeading: string;
  issuingOffice: string;
  verifyBaseUrl: string;
  /** Every field of CERTIFICATE_FIELDS; Settings() fills in the built-in places. */
  certificateLayout: Record<string, LayoutBox>;
}

/** This office's certificate key: the 8-character code and the public key (base64url). */
export interface OfficeKey {
  code: string;
  publicKey: string;
}

// ---- sync (SYNC.md, "What the user sees") ----

export type SyncState = 'not_enrolled' | 'idle' | 'syncing' | 'offline' | 'error';

export interface SyncStatus {
  state: SyncState | string;
  server: string;
  deviceId: string;
  /** RFC 3339, null before the first successful round. */
  lastSuccess: string | null;
  /** Local changes the server has not accepted yet. */
  pending: number;
  /** Local changes of kinds this version does not sync yet; they wait for a later version. */
  held: number;
  /** Error code of the last failed round; "" after a successful one. */
  lastError: string;
  /** Open (not dismissed) sync issues. */
  issues: number;
  /** The automatic sync loop runs. */
  auto: boolean;
  /** Suggested name for this laptop (enrolment form). */
  deviceName: string;
  /** Enrolled by sync file (USB drive), not online: lastSuccess is the last return file imported. */
  byFile: boolean;
}

export interface SyncIssue {
  id: string;
  createdAt: string;
  kind: 'rejected' | 'conflict' | string;
  entity: string;
  entityId: string;
  code: string;
  field: string;
  /** JSON of this laptop's value (conflict) or of the refused row (rejected). */
  yours: string;
  /** JSON of the other side's value; "" when unknown. */
  theirs: string;
  yoursDevice: string;
  theirsDevice: string;
  dismissed: boolean;
}

// ---- sync by file (USB drive) ----

export interface BundleStatus {
  deviceId: string;
  /** The laptop has a device id (enrolled online or by file). */
  enrolled: boolean;
  /** Files were exported with an enrolment code and no return file came back yet. */
  codePending: boolean;
  /** A return file was imported: the central server's key is trusted. */
  serverPinned: boolean;
  lastSeq: number;
  lastReturnSeq: number;
  lastExport: string | null;
  lastImport: string | null;
  /** Changes the next file carries. */
  pending: number;
}

/** A written bundle; path "" when the user cancelled the folder dialog. */
export interface BundleExport {
  path: string;
  receipt: string;
  seq: number;
  mutations: number;
  byEntity: Record<string, number>;
  fileSha256: string;
  size: number;
  enrolment: boolean;
}

/** An applied return bundle; path "" when the user cancelled the file dialog. */
export interface BundleImport {
  path: string;
  seq: number;
  enrolled: boolean;
  deviceId: string;
  office: string;
  acknowledged: number;
  applied: number;
  duplicates: number;
  rejected: number;
  conflicts: number;
  pulled: number;
  /** "" applied, "current" already on the laptop, else why not. */
  pullSkipped: string;
}

// ---- backups and settings (BackupService, SettingsService) ----

export type BackupKind = 'daily' | 'manual' | 'pre-migration' | 'pre-restore';

export interface BackupInfo {
  name: string;
  path: string;
  kind: BackupKind;
  migration: string;
  /** RFC 3339 */
  createdAt: string;
  sizeBytes: number;
}

export interface BackupOverview {
  dir: string;
  keep: number;
  backups: BackupInfo[];
  lastDaily: string | null;
  lastError: ErrorPayload | null;
}

export interface RestoreResult {
  safetyCopy: string;
  schemaVersion: string;
  employees: number;
}

export interface BackupSettings {
  keep: number;
}

export interface DataFolder {
  dir: string;
  dbPath: string;
  backupsDir: string;
  source: 'env' | 'chosen' | 'default' | 'fixed';
  changeable: boolean;
  pendingDir: string;
  pendingMode: '' | 'move' | 'open';
  lastMoveError: string;
}

export interface SettingsImported {
  sections: string[];
  officeKey: boolean;
}
