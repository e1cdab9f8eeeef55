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

/** Closes the app window. Outside the Wails webview (browser bridge) there is no runtime: returns false. */
export function quitApp(): boolean {
  try {
    Quit();
    return true;
  } catch {
    return false;
  }
}
