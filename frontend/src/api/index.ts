// src/api is the only place that talks to Go. Every function returns plain
// data typed by ./types and rejects with an ApiError.
import * as B from './bindings';
import { call } from './errors';
import type {
  AppInfo,
  AuditEntry,
  Competency,
  EmployeeInput,
  EmployeeItem,
  EmployeeQuery,
  EmployeeSearchResult,
  FrameworkVersion,
  Golongan,
  ImportKind,
  ImportPreview,
  Job,
  Locale,
  NIPCheck,
  Position,
  Standards,
  Unit,
} from './types';

export { ApiError, toApiError } from './errors';
export * from './types';

const arr = <T>(v: T[] | null | undefined): T[] => (Array.isArray(v) ? v : []);

export const appApi = {
  info: (): Promise<AppInfo> => call(() => B.AppService.Info()),
  setLocale: (locale: Locale): Promise<void> => call(() => B.AppService.SetLocale(locale)),
  backup: (): Promise<string> => call(() => B.AppService.Backup()),
  quit: (): boolean => B.quitApp(),
};

export const orgApi = {
  listUnits: async (): Promise<Unit[]> => arr(await call(() => B.OrgService.ListUnits())),
  saveUnit: (u: Unit): Promise<Unit> => call(() => B.OrgService.SaveUnit(u)),
  deleteUnit: (id: string): Promise<void> => call(() => B.OrgService.DeleteUnit(id)),
  listPositions: async (): Promise<Position[]> =>
    arr(await call(() => B.OrgService.ListPositions())).map((p) => ({ ...p, standards: p.standards ?? {} })),
  savePosition: (p: Position): Promise<Position> => call(() => B.OrgService.SavePosition(p)),
  deletePosition: (id: string): Promise<void> => call(() => B.OrgService.DeletePosition(id)),
  defaultStandards: async (type: string, jenjang: string): Promise<Standards> =>
    (await call(() => B.OrgService.DefaultStandards(type, jenjang))) ?? {},
};

function normCompetency(c: Competency): Competency {
  return {
    ...c,
    levels: arr(c.levels).map((l) => ({ ...l, indicators: arr(l.indicators) })),
  };
}

export const frameworkApi = {
  listCompetencies: async (includeRetired: boolean): Promise<Competency[]> =>
    arr(await call(() => B.FrameworkService.ListCompetencies(includeRetired))).map(normCompetency),
  newTechnical: async (): Promise<Competency> => normCompetency(await call(() => B.FrameworkService.NewTechnical())),
  saveCompetency: async (c: Competency): Promise<Competency> =>
    normCompetency(await call(() => B.FrameworkService.SaveCompetency(c))),
  setRetired: (id: string, retired: boolean): Promise<void> => call(() => B.FrameworkService.SetRetired(id, retired)),
  publish: (note: string): Promise<FrameworkVersion> => call(() => B.FrameworkService.Publish(note)),
  listVersions: async (): Promise<FrameworkVersion[]> =>
    arr(await call(() => B.FrameworkService.ListVersions())).map((v) => ({ ...v, competencies: arr(v.competencies) })),
  getVersion: async (n: number): Promise<FrameworkVersion> => {
    const v = await call(() => B.FrameworkService.GetVersion(n));
    return { ...v, competencies: arr(v.competencies).map(normCompetency) };
  },
};

export const employeeApi = {
  search: async (q: EmployeeQuery): Promise<EmployeeSearchResult> => {
    const r = await call(() => B.EmployeeService.Search(q));
    return { items: arr(r?.items), total: r?.total ?? 0 };
  },
  get: (id: string): Promise<EmployeeItem> => call(() => B.EmployeeService.Get(id)),
  save: (e: EmployeeInput): Promise<EmployeeItem> => call(() => B.EmployeeService.Save(e)),
  remove: (id: string): Promise<void> => call(() => B.EmployeeService.Delete(id)),
  restore: (id: string): Promise<void> => call(() => B.EmployeeService.Restore(id)),
  history: async (id: string): Promise<AuditEntry[]> => arr(await call(() => B.EmployeeService.History(id))),
  checkNIP: (nip: string): Promise<NIPCheck> => call(() => B.EmployeeService.CheckNIP(nip)),
  golongans: async (): Promise<Golongan[]> => arr(await call(() => B.EmployeeService.Golongans())),
};

export const transferApi = {
  preview: async (kind: ImportKind, fileName: string, dataBase64: string): Promise<ImportPreview> => {
    const p = await call(() => B.TransferService.Preview(kind, fileName, dataBase64));
    return { ...p, errors: arr(p.errors), warnings: arr(p.warnings) };
  },
  commit: (token: string, skipInvalid: boolean): Promise<string> => call(() => B.TransferService.Commit(token, skipInvalid)),
  job: (id: string): Promise<Job> => call(() => B.TransferService.Job(id)),
  saveTemplate: (kind: ImportKind): Promise<string> => call(() => B.TransferService.SaveTemplate(kind)),
  exportData: (kind: ImportKind): Promise<string> => call(() => B.TransferService.Export(kind)),
};
