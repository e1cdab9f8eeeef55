// The thin seam between src/api and the generated Wails bindings
// (frontend/wailsjs, written by `wails generate module`; do not edit those).
//
// The generated model classes describe Go pointers as optional fields and
// time.Time as `any`; at runtime they are null and RFC 3339 strings, which is
// what ./types says. This file is the one place that crosses between the two:
// arguments go through the generated createFrom, results are typed as ./types,
// and the ContractCheck below fails the type check when a field of ./types no
// longer exists in the generated models (a renamed JSON field, say).
import * as App from '../../wailsjs/go/desktop/AppService';
import * as Org from '../../wailsjs/go/desktop/OrgService';
import * as Fw from '../../wailsjs/go/desktop/FrameworkService';
import * as Emp from '../../wailsjs/go/desktop/EmployeeService';
import * as Tr from '../../wailsjs/go/desktop/TransferService';
import * as As from '../../wailsjs/go/desktop/AssessmentService';
import * as An from '../../wailsjs/go/desktop/AnalysisService';
import * as Pl from '../../wailsjs/go/desktop/PlanService';
import * as Trn from '../../wailsjs/go/desktop/TrainingService';
import * as Dd from '../../wailsjs/go/desktop/DevelopmentDashboardService';
import * as Pr from '../../wailsjs/go/desktop/PrintService';
import * as Sy from '../../wailsjs/go/desktop/SyncService';
import * as Bk from '../../wailsjs/go/desktop/BackupService';
import * as St from '../../wailsjs/go/desktop/SettingsService';
import { core, desktop, domain, importer, store } from '../../wailsjs/go/models';
import { Quit } from '../../wailsjs/runtime/runtime';
import type {
  AppInfo,
  CompetencyLevel,
  Counts,
  ErrorPayload,
  ImportResult,
  Issue,
  Competency,
  EmployeeInput,
  EmployeeItem,
  EmployeeQuery,
  EmployeeSearchResult,
  AuditEntry,
  FrameworkVersion,
  Golongan,
  ImportPreview,
  Job,
  NIPCheck,
  Position,
  Standards,
  Unit,
  AnalysisLine,
  AnalysisSettings,
  AssessmentDTO,
  AssessmentForm,
  AssessmentItem,
  EmployeeAnalysis,
  FormCompetency,
  Grid,
  GridCell,
  GridColumn,
  GridRow,
  LevelSource,
  NineBoxCutoffs,
  NineBoxPlacement,
  Recap,
  RecapGap,
  RecapHeatmap,
  RecapPerson,
  ResultRule,
  Thresholds,
  Approver,
  Award,
  AwardItem,
  AwardSuggestion,
  BudgetReport,
  CompletionResult,
  Compliance,
  DevelopmentMethod,
  DevelopmentPlan,
  DevelopmentSettings,
  DraftJobStatus,
  DraftingRule,
  Evaluation,
  EvaluationSummary,
  EventItem,
  EventQuery,
  EventView,
  JPSummary,
  L3Reminder,
  LearningActivity,
  NeedLine,
  ParticipantView,
  PlanQuery,
  PlanSummary,
  PlanView,
  TrainingEvent,
  TrainingRecord,
  Attendance,
  BelowTarget,
  EvaluationAnswer,
  GapLine,
  JPRecap,
  JPRule,
  BudgetSummary,
  Participant,
  PlanEmployee,
  PlanEvent,
  PlanLine,
  PlannedItem,
  Question,
  DraftResult,
  OfficeKey,
  PrintParams,
  PrintResult,
  LayoutBox,
  PrintSettings,
  PrintSignatory,
  SyncIssue,
  SyncStatus,
  BundleStatus,
  BundleExport,
  BundleImport,
  BackupInfo,
  BackupOverview,
  BackupSettings,
  DataFolder,
  RestoreResult,
  SettingsImported,
} from './types';

export interface AppServiceBinding {
  Info(): Promise<AppInfo>;
  SetLocale(locale: string): Promise<void>;
  Backup(): Promise<string>;
}
export interface OrgServiceBinding {
  ListUnits(): Promise<Unit[]>;
  SaveUnit(u: Unit): Promise<Unit>;
  DeleteUnit(id: string): Promise<void>;
  ListPositions(): Promise<Position[]>;
  SavePosition(p: Position): Promise<Position>;
  DeletePosition(id: string): Promise<void>;
  DefaultStandards(type: string, jenjang: string): Promise<Standards>;
}
export interface FrameworkServiceBinding {
  ListCompetencies(includeRetired: boolean): Promise<Competency[]>;
  NewTechnical(): Promise<Competency>;
  SaveCompetency(c: Competency): Promise<Competency>;
  SetRetired(id: string, retired: boolean): Promise<void>;
  Publish(note: string): Promise<FrameworkVersion>;
  ListVersions(): Promise<FrameworkVersion[]>;
  GetVersion(n: number): Promise<FrameworkVersion>;
}
export interface EmployeeServiceBinding {
  Search(q: EmployeeQuery): Promise<EmployeeSearchResult>;
  Get(id: string): Promise<EmployeeItem>;
  Save(e: EmployeeInput): Promise<EmployeeItem>;
  Delete(id: string): Promise<void>;
  Restore(id: string): Promise<void>;
  History(id: string): Promise<AuditEntry[]>;
  CheckNIP(nip: string): Promise<NIPCheck>;
  Golongans(): Promise<Golongan[]>;
}
export interface TransferServiceBinding {
  Preview(kind: string, fileName: string, dataBase64: string): Promise<ImportPreview>;
  Commit(token: string, skipInvalid: boolean): Promise<string>;
  Job(id: string): Promise<Job>;
  SaveTemplate(kind: string): Promise<string>;
  Export(kind: string): Promise<string>;
}

export interface AssessmentServiceBinding {
  Periods(): Promise<string[]>;
  ListForEmployee(employeeId: string): Promise<AssessmentDTO[]>;
  Form(employeeId: string, period: string, method: string): Promise<AssessmentForm>;
  Save(a: AssessmentDTO): Promise<AssessmentDTO>;
  SetLevel(assessmentId: string, competencyCode: string, level: number, evidence: string): Promise<AssessmentDTO>;
  Transition(id: string, to: string): Promise<AssessmentDTO>;
  Supersede(id: string): Promise<AssessmentDTO>;
  Grid(unitId: string, period: string, method: string): Promise<Grid>;
  GridSet(employeeId: string, period: string, method: string, competencyCode: string, level: number): Promise<GridCell>;
  SubmitGrid(unitId: string, period: string, method: string): Promise<number>;
}
export interface AnalysisServiceBinding {
  Settings(): Promise<AnalysisSettings>;
  SaveSettings(s: AnalysisSettings): Promise<AnalysisSettings>;
  Employee(employeeId: string, period: string): Promise<EmployeeAnalysis>;
  Recap(unitId: string, period: string): Promise<Recap>;
  ExportRecap(unitId: string, period: string): Promise<string>;
}

export interface PlanServiceBinding {
  Methods(): Promise<DevelopmentMethod[]>;
  DraftingRules(): Promise<DraftingRule[]>;
  List(q: PlanQuery): Promise<PlanSummary[]>;
  Get(id: string): Promise<PlanView>;
  Find(employeeId: string, year: number): Promise<PlanView | null>;
  Draft(employeeId: string, year: number, replace: boolean): Promise<PlanView>;
  Save(p: DevelopmentPlan): Promise<PlanView>;
  SetTarget(planId: string, positionId: string): Promise<PlanView>;
  Transition(planId: string, to: string, actor: Approver, reason: string): Promise<PlanView>;
  Delete(planId: string): Promise<void>;
  History(planId: string): Promise<AuditEntry[]>;
  DraftUnit(unitId: string, year: number): Promise<string>;
  DraftJob(id: string): Promise<DraftJobStatus>;
}
export interface TrainingServiceBinding {
  ListEvents(q: EventQuery): Promise<EventItem[]>;
  GetEvent(id: string): Promise<EventView>;
  SaveEvent(ev: TrainingEvent): Promise<TrainingEvent>;
  DeleteEvent(id: string): Promise<void>;
  ComputeJP(methodCode: string, days: number, sessions: number, statedJp: number, international: boolean): Promise<number>;
  Needs(unitId: string, year: number, methodCode: string): Promise<NeedLine[]>;
  AddFromPlans(eventId: string, lines: { planId: string; lineId: string }[]): Promise<EventView>;
  AddParticipants(eventId: string, employeeIds: string[]): Promise<EventView>;
  CancelParticipant(participantId: string): Promise<EventView>;
  SetAttendance(participantId: string, date: string, present: boolean, note: string): Promise<Attendance>;
  SetAttendanceDay(eventId: string, date: string, present: boolean): Promise<number>;
  Complete(eventId: string): Promise<CompletionResult>;
  CompleteParticipant(participantId: string): Promise<ParticipantView>;
  ListActivities(employeeId: string, year: number): Promise<LearningActivity[]>;
  SaveActivity(a: LearningActivity): Promise<LearningActivity>;
  CompleteActivity(id: string): Promise<LearningActivity>;
  DeleteActivity(id: string): Promise<void>;
  History(employeeId: string): Promise<TrainingRecord[]>;
  SaveRecord(r: TrainingRecord): Promise<TrainingRecord>;
  DeleteRecord(id: string): Promise<void>;
  SaveEvaluation(e: Evaluation): Promise<Evaluation>;
  Evaluations(eventId: string): Promise<Evaluation[]>;
  EvaluationSummary(eventId: string): Promise<EvaluationSummary>;
  ListAwards(year: number): Promise<AwardItem[]>;
  SaveAward(a: Award): Promise<Award>;
  DeleteAward(id: string): Promise<void>;
  SuggestAwards(year: number): Promise<AwardSuggestion[]>;
}
export interface DevelopmentDashboardServiceBinding {
  Settings(): Promise<DevelopmentSettings>;
  SaveSettings(s: DevelopmentSettings): Promise<DevelopmentSettings>;
  Compliance(year: number, unitId: string): Promise<Compliance>;
  Employee(employeeId: string, year: number): Promise<JPSummary>;
  Upcoming(days: number): Promise<EventItem[]>;
  Budget(year: number, unitId: string): Promise<BudgetReport>;
  Reminders(): Promise<L3Reminder[]>;
}
export interface PrintServiceBinding {
  Render(doc: string, params: PrintParams): Promise<PrintResult>;
  Save(path: string): Promise<string>;
  Open(path: string): Promise<void>;
  Settings(): Promise<PrintSettings>;
  SaveSettings(s: PrintSettings): Promise<PrintSettings>;
  OfficeKey(): Promise<OfficeKey>;
  NewOfficeKey(): Promise<OfficeKey>;
}
export interface BackupServiceBinding {
  List(): Promise<BackupOverview>;
  Create(): Promise<BackupInfo>;
  CreateInFolder(): Promise<string>;
  Restore(name: string): Promise<RestoreResult>;
  RestoreFile(): Promise<RestoreResult>;
  SetKeep(keep: number): Promise<BackupSettings>;
}
export interface SettingsServiceBinding {
  DataFolder(): Promise<DataFolder>;
  ChooseDataFolder(): Promise<DataFolder>;
  CancelDataFolderChange(): Promise<DataFolder>;
  Export(includeOfficeKey: boolean): Promise<string>;
  Import(content: string, includeOfficeKey: boolean): Promise<SettingsImported>;
}
export interface SyncServiceBinding {
  Status(): Promise<SyncStatus>;
  Enrol(serverURL: string, code: string, deviceName: string, allowHTTP: boolean): Promise<SyncStatus>;
  SyncNow(): Promise<SyncStatus>;
  Issues(includeDismissed: boolean): Promise<SyncIssue[]>;
  DismissIssue(id: string): Promise<void>;
  BundleStatus(): Promise<BundleStatus>;
  ExportBundle(code: string, deviceName: string): Promise<BundleExport>;
  ImportBundle(): Promise<BundleImport>;
}

/** Types a generated promise as the runtime shape described in ./types. */
const as = <T>(p: Promise<unknown>): Promise<T> => p as Promise<T>;

// ---- contract: every field the UI reads must exist in the generated models ----
type MissingIn<Mine, Generated> = Exclude<keyof Mine, keyof Generated>;
type ExpectNone<T extends never> = T;
export type ContractCheck = [
  ExpectNone<MissingIn<AppInfo, desktop.AppInfo>>,
  ExpectNone<MissingIn<Counts, import('../../wailsjs/go/models').core.Counts>>,
  ExpectNone<MissingIn<ErrorPayload, desktop.ErrorDTO>>,
  ExpectNone<MissingIn<Unit, domain.Unit>>,
  ExpectNone<MissingIn<Position, domain.Position>>,
  ExpectNone<MissingIn<Competency, domain.Competency>>,
  ExpectNone<MissingIn<CompetencyLevel, domain.CompetencyLevel>>,
  ExpectNone<MissingIn<FrameworkVersion, domain.FrameworkVersion>>,
  ExpectNone<MissingIn<EmployeeQuery, desktop.EmployeeQuery>>,
  ExpectNone<MissingIn<EmployeeSearchResult, desktop.EmployeePage>>,
  ExpectNone<MissingIn<EmployeeItem, desktop.EmployeeItem>>,
  ExpectNone<MissingIn<EmployeeInput, desktop.EmployeeInput>>,
  ExpectNone<MissingIn<AuditEntry, domain.AuditEntry>>,
  ExpectNone<MissingIn<NIPCheck, desktop.NIPInfo>>,
  ExpectNone<MissingIn<Golongan, desktop.GolonganOption>>,
  ExpectNone<MissingIn<ImportPreview, desktop.ImportPreview>>,
  ExpectNone<MissingIn<Issue, importer.Issue>>,
  ExpectNone<MissingIn<Job, desktop.JobStatus>>,
  ExpectNone<MissingIn<ImportResult, domain.ImportResult>>,
  ExpectNone<MissingIn<AssessmentDTO, core.AssessmentDTO>>,
  ExpectNone<MissingIn<AssessmentItem, domain.AssessmentItem>>,
  ExpectNone<MissingIn<AssessmentForm, desktop.AssessmentForm>>,
  ExpectNone<MissingIn<FormCompetency, core.FormCompetency>>,
  ExpectNone<MissingIn<Grid, core.Grid>>,
  ExpectNone<MissingIn<GridColumn, core.GridColumn>>,
  ExpectNone<MissingIn<GridRow, core.GridRow>>,
  ExpectNone<MissingIn<GridCell, store.GridCell>>,
  ExpectNone<MissingIn<AnalysisSettings, core.AnalysisSettings>>,
  ExpectNone<MissingIn<ResultRule, domain.ResultRule>>,
  ExpectNone<MissingIn<Thresholds, domain.CategoryThresholds>>,
  ExpectNone<MissingIn<NineBoxCutoffs, domain.NineBoxCutoffs>>,
  ExpectNone<MissingIn<EmployeeAnalysis, desktop.EmployeeAnalysis>>,
  ExpectNone<MissingIn<AnalysisLine, core.AnalysisLine>>,
  ExpectNone<MissingIn<LevelSource, domain.Contribution>>,
  ExpectNone<MissingIn<NineBoxPlacement, core.NineBoxPlace>>,
  ExpectNone<MissingIn<Recap, core.Recap>>,
  ExpectNone<MissingIn<RecapGap, core.RecapGap>>,
  ExpectNone<MissingIn<RecapPerson, core.RecapPerson>>,
  ExpectNone<MissingIn<RecapHeatmap, core.Heatmap>>,
  // development
  ExpectNone<MissingIn<DevelopmentPlan, domain.DevelopmentPlan>>,
  ExpectNone<MissingIn<PlanLine, domain.PlanLine>>,
  ExpectNone<MissingIn<PlanEvent, domain.PlanEvent>>,
  ExpectNone<MissingIn<GapLine, domain.GapLine>>,
  ExpectNone<MissingIn<DevelopmentMethod, domain.DevelopmentMethod>>,
  ExpectNone<MissingIn<JPRule, domain.JPRule>>,
  ExpectNone<MissingIn<DraftingRule, domain.DraftingRule>>,
  ExpectNone<MissingIn<PlanEmployee, core.AnalysisEmployee>>,
  ExpectNone<MissingIn<PlanView, core.PlanView>>,
  ExpectNone<MissingIn<PlanSummary, core.PlanSummary>>,
  ExpectNone<MissingIn<PlanQuery, core.PlanQuery>>,
  ExpectNone<MissingIn<Approver, domain.Approver>>,
  ExpectNone<MissingIn<DraftJobStatus, desktop.DraftJobStatus>>,
  ExpectNone<MissingIn<DraftResult, core.DraftResult>>,
  ExpectNone<MissingIn<TrainingEvent, domain.TrainingEvent>>,
  ExpectNone<MissingIn<Participant, domain.Participant>>,
  ExpectNone<MissingIn<Attendance, domain.Attendance>>,
  ExpectNone<MissingIn<TrainingRecord, domain.TrainingRecord>>,
  ExpectNone<MissingIn<LearningActivity, domain.LearningActivity>>,
  ExpectNone<MissingIn<Evaluation, domain.Evaluation>>,
  ExpectNone<MissingIn<EvaluationAnswer, domain.EvaluationAnswer>>,
  ExpectNone<MissingIn<Award, domain.Award>>,
  ExpectNone<MissingIn<NeedLine, core.NeedLine>>,
  ExpectNone<MissingIn<EventItem, core.EventItem>>,
  ExpectNone<MissingIn<EventView, core.EventView>>,
  ExpectNone<MissingIn<EventQuery, core.EventQuery>>,
  ExpectNone<MissingIn<ParticipantView, core.ParticipantView>>,
  ExpectNone<MissingIn<CompletionResult, core.CompletionResult>>,
  ExpectNone<MissingIn<CompletionResult['incomplete'][number], core.IncompleteParticipant>>,
  ExpectNone<MissingIn<CompletionResult['certificates'][number], core.IssuedCertificate>>,
  ExpectNone<MissingIn<EvaluationSummary, core.EvaluationSummary>>,
  ExpectNone<MissingIn<AwardItem, core.AwardItem>>,
  ExpectNone<MissingIn<AwardSuggestion, core.AwardSuggestion>>,
  ExpectNone<MissingIn<DevelopmentSettings, core.DevelopmentSettings>>,
  ExpectNone<MissingIn<Question, core.Question>>,
  ExpectNone<MissingIn<Compliance, core.Compliance>>,
  ExpectNone<MissingIn<Compliance['units'][number], core.UnitJP>>,
  ExpectNone<MissingIn<BelowTarget, core.BelowTarget>>,
  ExpectNone<MissingIn<PlannedItem, core.PlannedItem>>,
  ExpectNone<MissingIn<BudgetReport, core.BudgetReport>>,
  ExpectNone<MissingIn<BudgetReport['units'][number], core.UnitBudget>>,
  ExpectNone<MissingIn<L3Reminder, core.L3Reminder>>,
  ExpectNone<MissingIn<JPRecap, domain.JPRecap>>,
  ExpectNone<MissingIn<JPSummary, domain.JPSummary>>,
  ExpectNone<MissingIn<BudgetSummary, domain.BudgetSummary>>,
  // printing
  ExpectNone<MissingIn<PrintParams, desktop.PrintParams>>,
  ExpectNone<MissingIn<PrintResult, desktop.PrintResult>>,
  ExpectNone<MissingIn<PrintSettings, core.PrintSettings>>,
  ExpectNone<MissingIn<PrintSignatory, core.PrintSignatory>>,
  ExpectNone<MissingIn<LayoutBox, core.LayoutBox>>,
  ExpectNone<MissingIn<OfficeKey, core.OfficeKey>>,
  // sync
  ExpectNone<MissingIn<SyncStatus, desktop.SyncStatus>>,
  ExpectNone<MissingIn<SyncIssue, desktop.SyncIssue>>,
  ExpectNone<MissingIn<BundleStatus, desktop.BundleStatus>>,
  ExpectNone<MissingIn<BundleExport, desktop.BundleExport>>,
  ExpectNone<MissingIn<BundleImport, desktop.BundleImport>>,
  // backups and settings
  ExpectNone<MissingIn<BackupInfo, store.BackupInfo>>,
  ExpectNone<MissingIn<BackupOverview, desktop.BackupOverview>>,
  ExpectNone<MissingIn<RestoreResult, desktop.RestoreResult>>,
  ExpectNone<MissingIn<BackupSettings, core.BackupSettings>>,
  ExpectNone<MissingIn<DataFolder, desktop.DataFolder>>,
  ExpectNone<MissingIn<SettingsImported, core.SettingsImported>>,
];

export const AppService: AppServiceBinding = {
  Info: () => as<AppInfo>(App.Info()),
  SetLocale: (locale) => App.SetLocale(locale),
  Backup: () => App.Backup(),
};

export const OrgService: OrgServiceBinding = {
  ListUnits: () => as<Unit[]>(Org.ListUnits()),
  SaveUnit: (u) => as<Unit>(Org.SaveUnit(domain.Unit.createFrom(u))),
  DeleteUnit: (id) => Org.DeleteUnit(id),
  ListPositions: () => as<Position[]>(Org.ListPositions()),
  SavePosition: (p) => as<Position>(Org.SavePosition(domain.Position.createFrom(p))),
  DeletePosition: (id) => Org.DeletePosition(id),
  DefaultStandards: (type, jenjang) => as<Standards>(Org.DefaultStandards(type, jenjang)),
};

export const FrameworkService: FrameworkServiceBinding = {
  ListCompetencies: (includeRetired) => as<Competency[]>(Fw.ListCompetencies(includeRetired)),
  NewTechnical: () => as<Competency>(Fw.NewTechnical()),
  SaveCompetency: (c) => as<Competency>(Fw.SaveCompetency(domain.Competency.createFrom(c))),
  SetRetired: (id, retired) => Fw.SetRetired(id, retired),
  Publish: (note) => as<FrameworkVersion>(Fw.Publish(note)),
  ListVersions: () => as<FrameworkVersion[]>(Fw.ListVersions()),
  GetVersion: (n) => as<FrameworkVersion>(Fw.GetVersion(n)),
};

export const EmployeeService: EmployeeServiceBinding = {
  Search: (q) => as<EmployeeSearchResult>(Emp.Search(desktop.EmployeeQuery.createFrom(q))),
  Get: (id) => as<EmployeeItem>(Emp.Get(id)),
  Save: (e) => as<EmployeeItem>(Emp.Save(desktop.EmployeeInput.createFrom(e))),
  Delete: (id) => Emp.Delete(id),
  Restore: (id) => Emp.Restore(id),
  History: (id) => as<AuditEntry[]>(Emp.History(id)),
  CheckNIP: (nip) => as<NIPCheck>(Emp.CheckNIP(nip)),
  Golongans: () => as<Golongan[]>(Emp.Golongans()),
};

export const TransferService: TransferServiceBinding = {
  Preview: (kind, fileName, dataBase64) => as<ImportPreview>(Tr.Preview(kind, fileName, dataBase64)),
  Commit: (token, skipInvalid) => Tr.Commit(token, skipInvalid),
  Job: (id) => as<Job>(Tr.Job(id)),
  SaveTemplate: (kind) => Tr.SaveTemplate(kind),
  Export: (kind) => Tr.Export(kind),
};

export const AssessmentService: AssessmentServiceBinding = {
  Periods: () => As.Periods(),
  ListForEmployee: (employeeId) => as<AssessmentDTO[]>(As.ListForEmployee(employeeId)),
  Form: (employeeId, period, method) => as<AssessmentForm>(As.Form(employeeId, period, method)),
  Save: (a) => as<AssessmentDTO>(As.Save(core.AssessmentDTO.createFrom(a))),
  SetLevel: (assessmentId, code, level, evidence) => as<AssessmentDTO>(As.SetLevel(assessmentId, code, level, evidence)),
  Transition: (id, to) => as<AssessmentDTO>(As.Transition(id, to)),
  Supersede: (id) => as<AssessmentDTO>(As.Supersede(id)),
  Grid: (unitId, period, method) => as<Grid>(As.Grid(unitId, period, method)),
  GridSet: (employeeId, period, method, code, level) => as<GridCell>(As.GridSet(employeeId, period, method, code, level)),
  SubmitGrid: (unitId, period, method) => As.SubmitGrid(unitId, period, method),
};

export const AnalysisService: AnalysisServiceBinding = {
  Settings: () => as<AnalysisSettings>(An.Settings()),
  SaveSettings: (s) => as<AnalysisSettings>(An.SaveSettings(core.AnalysisSettings.createFrom(s))),
  Employee: (employeeId, period) => as<EmployeeAnalysis>(An.Employee(employeeId, period)),
  Recap: (unitId, period) => as<Recap>(An.Recap(unitId, period)),
  ExportRecap: (unitId, period) => An.ExportRecap(unitId, period),
};

export const PlanService: PlanServiceBinding = {
  Methods: () => as<DevelopmentMethod[]>(Pl.Methods()),
  DraftingRules: () => as<DraftingRule[]>(Pl.DraftingRules()),
  List: (q) => as<PlanSummary[]>(Pl.List(core.PlanQuery.createFrom(q))),
  Get: (id) => as<PlanView>(Pl.Get(id)),
  Find: (employeeId, year) => as<PlanView | null>(Pl.Find(employeeId, year)),
  Draft: (employeeId, year, replace) => as<PlanView>(Pl.Draft(employeeId, year, replace)),
  Save: (p) => as<PlanView>(Pl.Save(domain.DevelopmentPlan.createFrom(p))),
  SetTarget: (planId, positionId) => as<PlanView>(Pl.SetTarget(planId, positionId)),
  Transition: (planId, to, actor, reason) => as<PlanView>(Pl.Transition(planId, to, domain.Approver.createFrom(actor), reason)),
  Delete: (planId) => Pl.Delete(planId),
  History: (planId) => as<AuditEntry[]>(Pl.History(planId)),
  DraftUnit: (unitId, year) => Pl.DraftUnit(unitId, year),
  DraftJob: (id) => as<DraftJobStatus>(Pl.DraftJob(id)),
};

export const TrainingService: TrainingServiceBinding = {
  ListEvents: (q) => as<EventItem[]>(Trn.ListEvents(core.EventQuery.createFrom(q))),
  GetEvent: (id) => as<EventView>(Trn.GetEvent(id)),
  SaveEvent: (ev) => as<TrainingEvent>(Trn.SaveEvent(domain.TrainingEvent.createFrom(ev))),
  DeleteEvent: (id) => Trn.DeleteEvent(id),
  ComputeJP: (methodCode, days, sessions, statedJp, international) => Trn.ComputeJP(methodCode, days, sessions, statedJp, international),
  Needs: (unitId, year, methodCode) => as<NeedLine[]>(Trn.Needs(unitId, year, methodCode)),
  AddFromPlans: (eventId, lines) => as<EventView>(Trn.AddFromPlans(eventId, lines.map((l) => core.LineRef.createFrom(l)))),
  AddParticipants: (eventId, employeeIds) => as<EventView>(Trn.AddParticipants(eventId, employeeIds)),
  CancelParticipant: (participantId) => as<EventView>(Trn.CancelParticipant(participantId)),
  SetAttendance: (participantId, date, present, note) => as<Attendance>(Trn.SetAttendance(participantId, date, present, note)),
  SetAttendanceDay: (eventId, date, present) => Trn.SetAttendanceDay(eventId, date, present),
  Complete: (eventId) => as<CompletionResult>(Trn.Complete(eventId)),
  CompleteParticipant: (participantId) => as<ParticipantView>(Trn.CompleteParticipant(participantId)),
  ListActivities: (employeeId, year) => as<LearningActivity[]>(Trn.ListActivities(employeeId, year)),
  SaveActivity: (a) => as<LearningActivity>(Trn.SaveActivity(domain.LearningActivity.createFrom(a))),
  CompleteActivity: (id) => as<LearningActivity>(Trn.CompleteActivity(id)),
  DeleteActivity: (id) => Trn.DeleteActivity(id),
  History: (employeeId) => as<TrainingRecord[]>(Trn.History(employeeId)),
  SaveRecord: (r) => as<TrainingRecord>(Trn.SaveRecord(domain.TrainingRecord.createFrom(r))),
  DeleteRecord: (id) => Trn.DeleteRecord(id),
  SaveEvaluation: (e) => as<Evaluation>(Trn.SaveEvaluation(domain.Evaluation.createFrom(e))),
  Evaluations: (eventId) => as<Evaluation[]>(Trn.Evaluations(eventId)),
  EvaluationSummary: (eventId) => as<EvaluationSummary>(Trn.EvaluationSummary(eventId)),
  ListAwards: (year) => as<AwardItem[]>(Trn.ListAwards(year)),
  SaveAward: (a) => as<Award>(Trn.SaveAward(domain.Award.createFrom(a))),
  DeleteAward: (id) => Trn.DeleteAward(id),
  SuggestAwards: (year) => as<AwardSuggestion[]>(Trn.SuggestAwards(year)),
};

export const DevelopmentDashboardService: DevelopmentDashboardServiceBinding = {
  Settings: () => as<DevelopmentSettings>(Dd.Settings()),
  SaveSettings: (s) => as<DevelopmentSettings>(Dd.SaveSettings(core.DevelopmentSettings.createFrom(s))),
  Compliance: (year, unitId) => as<Compliance>(Dd.Compliance(year, unitId)),
  Employee: (employeeId, year) => as<JPSummary>(Dd.Employee(employeeId, year)),
  Upcoming: (days) => as<EventItem[]>(Dd.Upcoming(days)),
  Budget: (year, unitId) => as<BudgetReport>(Dd.Budget(year, unitId)),
  Reminders: () => as<L3Reminder[]>(Dd.Reminders()),
};

export const PrintService: PrintServiceBinding = {
  Render: (doc, params) => as<PrintResult>(Pr.Render(doc, desktop.PrintParams.createFrom(params))),
  Save: (path) => Pr.Save(path),
  Open: (path) => Pr.Open(path),
  Settings: () => as<PrintSettings>(Pr.Settings()),
  SaveSettings: (s) => as<PrintSettings>(Pr.SaveSettings(core.PrintSettings.createFrom(s))),
  OfficeKey: () => as<OfficeKey>(Pr.OfficeKey()),
  NewOfficeKey: () => as<OfficeKey>(Pr.NewOfficeKey()),
};

export const SyncService: SyncServiceBinding = {
  Status: () => as<SyncStatus>(Sy.Status()),
  Enrol: (serverURL, code, deviceName, allowHTTP) => as<SyncStatus>(Sy.Enrol(serverURL, code, deviceName, allowHTTP)),
  SyncNow: () => as<SyncStatus>(Sy.SyncNow()),
  Issues: (includeDismissed) => as<SyncIssue[]>(Sy.Issues(includeDismissed)),
  DismissIssue: (id) => Sy.DismissIssue(id),
  BundleStatus: () => as<BundleStatus>(Sy.BundleStatus()),
  ExportBundle: (code, deviceName) => as<BundleExport>(Sy.ExportBundle(code, deviceName)),
  ImportBundle: () => as<BundleImport>(Sy.ImportBundle()),
};

export const BackupService: BackupServiceBinding = {
  List: () => as<BackupOverview>(Bk.List()),
  Create: () => as<BackupInfo>(Bk.Create()),
  CreateInFolder: () => Bk.CreateInFolder(),
  Restore: (name) => as<RestoreResult>(Bk.Restore(name)),
  RestoreFile: () => as<RestoreResult>(Bk.RestoreFile()),
  SetKeep: (keep) => as<BackupSettings>(Bk.SetKeep(keep)),
};

export const SettingsService: SettingsServiceBinding = {
  DataFolder: () => as<DataFolder>(St.DataFolder()),
  ChooseDataFolder: () => as<DataFolder>(St.ChooseDataFolder()),
  CancelDataFolderChange: () => as<DataFolder>(St.CancelDataFolderChange()),
  Export: (includeOfficeKey) => St.Export(includeOfficeKey),
  Import: (content, includeOfficeKey) => as<SettingsImported>(St.Import(content, includeOfficeKey)),
};

/** Closes the app window. Outside the Wails webview (browser bridge) there is no runtime: returns false. */
export function quitApp(): boolean {
  try {
    Quit();
    return true;
  } catch {
    return false;
  }
}
