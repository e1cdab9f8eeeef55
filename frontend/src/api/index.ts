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
  AnalysisSettings,
  AssessmentDTO,
  AssessmentForm,
  EmployeeAnalysis,
  Grid,
  GridCell,
  Recap,
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
  OfficeKey,
  PrintDoc,
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

function normAssessment(a: AssessmentDTO): AssessmentDTO {
  return {
    ...a,
    supersedesId: a.supersedesId || null,
    supersededById: a.supersededById || null,
    performanceRating: a.performanceRating ?? null,
    items: arr(a.items).map((i) => ({ ...i, evidence: i.evidence ?? '' })),
  };
}

export const assessmentApi = {
  periods: async (): Promise<string[]> => arr(await call(() => B.AssessmentService.Periods())),
  listForEmployee: async (employeeId: string): Promise<AssessmentDTO[]> =>
    arr(await call(() => B.AssessmentService.ListForEmployee(employeeId))).map(normAssessment),
  form: async (employeeId: string, period: string, method: string): Promise<AssessmentForm> => {
    const f = await call(() => B.AssessmentService.Form(employeeId, period, method));
    return {
      ...f,
      assessment: normAssessment(f.assessment),
      competencies: arr(f.competencies).map((c) => ({ ...c, levels: arr(c.levels).map((l) => ({ ...l, indicators: arr(l.indicators) })) })),
    };
  },
  save: async (a: AssessmentDTO): Promise<AssessmentDTO> => normAssessment(await call(() => B.AssessmentService.Save(a))),
  setLevel: async (assessmentId: string, code: string, level: number, evidence: string): Promise<AssessmentDTO> =>
    normAssessment(await call(() => B.AssessmentService.SetLevel(assessmentId, code, level, evidence))),
  transition: async (id: string, to: string): Promise<AssessmentDTO> => normAssessment(await call(() => B.AssessmentService.Transition(id, to))),
  supersede: async (id: string): Promise<AssessmentDTO> => normAssessment(await call(() => B.AssessmentService.Supersede(id))),
  grid: async (unitId: string, period: string, method: string): Promise<Grid> => {
    const g = await call(() => B.AssessmentService.Grid(unitId, period, method));
    return {
      ...g,
      columns: arr(g.columns),
      rows: arr(g.rows).map((r) => ({ ...r, assessmentId: r.assessmentId || null, levels: r.levels ?? {}, standards: r.standards ?? {} })),
    };
  },
  gridSet: (employeeId: string, period: string, method: string, code: string, level: number): Promise<GridCell> =>
    call(() => B.AssessmentService.GridSet(employeeId, period, method, code, level)),
  submitGrid: (unitId: string, period: string, method: string): Promise<number> =>
    call(() => B.AssessmentService.SubmitGrid(unitId, period, method)),
};

function normSettings(s: AnalysisSettings): AnalysisSettings {
  return {
    ...s,
    resultRule: { ...s.resultRule, priority: arr(s.resultRule?.priority), weights: s.resultRule?.weights ?? {} },
  };
}

export const analysisApi = {
  settings: async (): Promise<AnalysisSettings> => normSettings(await call(() => B.AnalysisService.Settings())),
  saveSettings: async (s: AnalysisSettings): Promise<AnalysisSettings> => normSettings(await call(() => B.AnalysisService.SaveSettings(s))),
  employee: async (employeeId: string, period: string): Promise<EmployeeAnalysis> => {
    const a = await call(() => B.AnalysisService.Employee(employeeId, period));
    return { ...a, lines: arr(a.lines).map((l) => ({ ...l, sources: arr(l.sources) })), nineBox: a.nineBox?.box ? a.nineBox : null };
  },
  recap: async (unitId: string, period: string): Promise<Recap> => {
    const r = await call(() => B.AnalysisService.Recap(unitId, period));
    const counts = arr(r.nineBox?.counts);
    return {
      ...r,
      byCategory: r.byCategory ?? {},
      averageGap: arr(r.averageGap),
      largestGaps: arr(r.largestGaps),
      people: arr(r.people),
      heatmap: {
        units: arr(r.heatmap?.units),
        codes: arr(r.heatmap?.codes),
        gaps: arr(r.heatmap?.gaps).map((row) => arr(row)),
      },
      nineBox: { counts: Array.from({ length: 10 }, (_, i) => counts[i] ?? 0) },
      thresholds: r.thresholds ?? null,
    };
  },
  exportRecap: (unitId: string, period: string): Promise<string> => call(() => B.AnalysisService.ExportRecap(unitId, period)),
};

// ---- development: plans, training, JP dashboard ----

function normPlan(p: DevelopmentPlan): DevelopmentPlan {
  return {
    ...p,
    targetPositionId: p.targetPositionId || null,
    targetGaps: arr(p.targetGaps),
    approvedAt: p.approvedAt || null,
    lines: arr(p.lines).map((l) => ({ ...l, alternatives: arr(l.alternatives) })),
    history: arr(p.history),
  };
}

function normPlanView(v: PlanView): PlanView {
  return { ...v, plan: normPlan(v.plan), nextStates: arr(v.nextStates) };
}

function normMethod(m: DevelopmentMethod): DevelopmentMethod {
  return { ...m, programmes: arr(m.programmes) };
}

export const planApi = {
  methods: async (): Promise<DevelopmentMethod[]> => arr(await call(() => B.PlanService.Methods())).map(normMethod),
  list: async (q: PlanQuery): Promise<PlanSummary[]> => arr(await call(() => B.PlanService.List(q))),
  get: async (id: string): Promise<PlanView> => normPlanView(await call(() => B.PlanService.Get(id))),
  find: async (employeeId: string, year: number): Promise<PlanView | null> => {
    const v = await call(() => B.PlanService.Find(employeeId, year));
    return v && v.plan ? normPlanView(v) : null;
  },
  draft: async (employeeId: string, year: number, replace: boolean): Promise<PlanView> =>
    normPlanView(await call(() => B.PlanService.Draft(employeeId, year, replace))),
  save: async (p: DevelopmentPlan): Promise<PlanView> => normPlanView(await call(() => B.PlanService.Save(p))),
  setTarget: async (planId: string, positionId: string): Promise<PlanView> =>
    normPlanView(await call(() => B.PlanService.SetTarget(planId, positionId))),
  transition: async (planId: string, to: string, actor: Approver, reason: string): Promise<PlanView> =>
    normPlanView(await call(() => B.PlanService.Transition(planId, to, actor, reason))),
  remove: (planId: string): Promise<void> => call(() => B.PlanService.Delete(planId)),
  history: async (planId: string): Promise<AuditEntry[]> => arr(await call(() => B.PlanService.History(planId))),
  draftUnit: (unitId: string, year: number): Promise<string> => call(() => B.PlanService.DraftUnit(unitId, year)),
  draftJob: (id: string): Promise<DraftJobStatus> => call(() => B.PlanService.DraftJob(id)),
};

function normParticipant(p: ParticipantView): ParticipantView {
  return { ...p, attendance: p.attendance ?? {}, planLine: p.planLine ?? null, evaluations: arr(p.evaluations).map(normEvaluation), gapClosed: p.gapClosed ?? null };
}

function normEventView(v: EventView): EventView {
  return { ...v, method: normMethod(v.method), days: arr(v.days), participants: arr(v.participants).map(normParticipant) };
}

function normEvaluation(e: Evaluation): Evaluation {
  return { ...e, answers: arr(e.answers), score: e.score ?? null, preScore: e.preScore ?? null };
}

export const trainingApi = {
  listEvents: async (q: EventQuery): Promise<EventItem[]> => arr(await call(() => B.TrainingService.ListEvents(q))),
  getEvent: async (id: string): Promise<EventView> => normEventView(await call(() => B.TrainingService.GetEvent(id))),
  saveEvent: (ev: TrainingEvent): Promise<TrainingEvent> => call(() => B.TrainingService.SaveEvent(ev)),
  deleteEvent: (id: string): Promise<void> => call(() => B.TrainingService.DeleteEvent(id)),
  computeJP: (methodCode: string, days: number, sessions: number, statedJp: number, international: boolean): Promise<number> =>
    call(() => B.TrainingService.ComputeJP(methodCode, days, sessions, statedJp, international)),
  needs: async (unitId: string, year: number, methodCode: string): Promise<NeedLine[]> =>
    arr(await call(() => B.TrainingService.Needs(unitId, year, methodCode))),
  addFromPlans: async (eventId: string, lines: { planId: string; lineId: string }[]): Promise<EventView> =>
    normEventView(await call(() => B.TrainingService.AddFromPlans(eventId, lines))),
  addParticipants: async (eventId: string, employeeIds: string[]): Promise<EventView> =>
    normEventView(await call(() => B.TrainingService.AddParticipants(eventId, employeeIds))),
  cancelParticipant: async (participantId: string): Promise<EventView> =>
    normEventView(await call(() => B.TrainingService.CancelParticipant(participantId))),
  setAttendance: (participantId: string, date: string, present: boolean, note: string): Promise<Attendance> =>
    call(() => B.TrainingService.SetAttendance(participantId, date, present, note)),
  setAttendanceDay: (eventId: string, date: string, present: boolean): Promise<number> =>
    call(() => B.TrainingService.SetAttendanceDay(eventId, date, present)),
  complete: async (eventId: string): Promise<CompletionResult> => {
    const r = await call(() => B.TrainingService.Complete(eventId));
    return { ...r, incomplete: arr(r.incomplete), certificates: arr(r.certificates) };
  },
  completeParticipant: async (participantId: string): Promise<ParticipantView> =>
    normParticipant(await call(() => B.TrainingService.CompleteParticipant(participantId))),
  listActivities: async (employeeId: string, year: number): Promise<LearningActivity[]> =>
    arr(await call(() => B.TrainingService.ListActivities(employeeId, year))),
  saveActivity: (a: LearningActivity): Promise<LearningActivity> => call(() => B.TrainingService.SaveActivity(a)),
  completeActivity: (id: string): Promise<LearningActivity> => call(() => B.TrainingService.CompleteActivity(id)),
  deleteActivity: (id: string): Promise<void> => call(() => B.TrainingService.DeleteActivity(id)),
  history: async (employeeId: string): Promise<TrainingRecord[]> => arr(await call(() => B.TrainingService.History(employeeId))),
  saveEvaluation: async (e: Evaluation): Promise<Evaluation> => normEvaluation(await call(() => B.TrainingService.SaveEvaluation(e))),
  evaluations: async (eventId: string): Promise<Evaluation[]> => arr(await call(() => B.TrainingService.Evaluations(eventId))).map(normEvaluation),
  evaluationSummary: async (eventId: string): Promise<EvaluationSummary> => {
    const s = await call(() => B.TrainingService.EvaluationSummary(eventId));
    return { ...s, evaluated: s.evaluated ?? {} };
  },
  listAwards: async (year: number): Promise<AwardItem[]> => arr(await call(() => B.TrainingService.ListAwards(year))),
  saveAward: (a: Award): Promise<Award> => call(() => B.TrainingService.SaveAward(a)),
  deleteAward: (id: string): Promise<void> => call(() => B.TrainingService.DeleteAward(id)),
  suggestAwards: async (year: number): Promise<AwardSuggestion[]> => arr(await call(() => B.TrainingService.SuggestAwards(year))),
};

export const devDashboardApi = {
  settings: async (): Promise<DevelopmentSettings> => {
    const s = await call(() => B.DevelopmentDashboardService.Settings());
    return { ...s, reactionQuestions: arr(s.reactionQuestions), behaviourQuestions: arr(s.behaviourQuestions) };
  },
  saveSettings: (s: DevelopmentSettings): Promise<DevelopmentSettings> => call(() => B.DevelopmentDashboardService.SaveSettings(s)),
  compliance: async (year: number, unitId: string): Promise<Compliance> => {
    const c = await call(() => B.DevelopmentDashboardService.Compliance(year, unitId));
    return { ...c, units: arr(c.units), below: arr(c.below).map((b) => ({ ...b, planned: arr(b.planned) })) };
  },
  employee: async (employeeId: string, year: number): Promise<JPSummary> => {
    const s = await call(() => B.DevelopmentDashboardService.Employee(employeeId, year));
    return { ...s, byMethod: s.byMethod ?? {} };
  },
  upcoming: async (days: number): Promise<EventItem[]> => arr(await call(() => B.DevelopmentDashboardService.Upcoming(days))),
  budget: async (year: number, unitId: string): Promise<BudgetReport> => {
    const b = await call(() => B.DevelopmentDashboardService.Budget(year, unitId));
    return { ...b, units: arr(b.units) };
  },
  reminders: async (): Promise<L3Reminder[]> => arr(await call(() => B.DevelopmentDashboardService.Reminders())),
};

// ---- printing ----

function normSignatory(p: PrintSignatory | null | undefined): PrintSignatory {
  return { title: p?.title ?? '', name: p?.name ?? '', nip: p?.nip ?? '', signature: p?.signature ?? '' };
}

function normLayoutBox(b: Partial<LayoutBox> | null | undefined): LayoutBox {
  const a = b?.align;
  return {
    x: b?.x ?? 0,
    y: b?.y ?? 0,
    w: b?.w ?? 0,
    size: b?.size ?? 0,
    align: a === 'L' || a === 'C' || a === 'R' ? a : '',
    bold: b?.bold ?? false,
    hidden: b?.hidden ?? false,
  };
}

function normPrintSettings(s: PrintSettings): PrintSettings {
  const layout: Record<string, LayoutBox> = {};
  for (const [k, b] of Object.entries(s.certificateLayout ?? {})) layout[k] = normLayoutBox(b);
  return {
    ...s,
    certificateLayout: layout,
    approver: normSignatory(s.approver),
    recapSignatory: normSignatory(s.recapSignatory),
    certificateSignatories: arr(s.certificateSignatories).map(normSignatory),
  };
}

export const printApi = {
  /** Renders a document into the data folder's print/ directory; the PDF comes back for the preview. */
  render: async (doc: PrintDoc, params: Partial<PrintParams>): Promise<PrintResult> => {
    const p: PrintParams = { employeeId: '', nip: '', eventId: '', unitId: '', period: '', year: 0, format: 'pdf', ...params };
    const r = await call(() => B.PrintService.Render(doc, p));
    return { ...r, pdfBase64: r.pdfBase64 ?? '', pages: r.pages ?? 0 };
  },
  /** Asks where to save a rendered document; "" when the user cancelled. */
  save: (path: string): Promise<string> => call(() => B.PrintService.Save(path)),
  /** Opens a rendered document in the system viewer (to print it). */
  open: (path: string): Promise<void> => call(() => B.PrintService.Open(path)),
  settings: async (): Promise<PrintSettings> => normPrintSettings(await call(() => B.PrintService.Settings())),
  saveSettings: async (s: PrintSettings): Promise<PrintSettings> => normPrintSettings(await call(() => B.PrintService.SaveSettings(s))),
  officeKey: (): Promise<OfficeKey> => call(() => B.PrintService.OfficeKey()),
  /** Replaces an office key this Windows user cannot read (certificate.office_key_unreadable) with a new one. */
  newOfficeKey: (): Promise<OfficeKey> => call(() => B.PrintService.NewOfficeKey()),
};

// ---- sync ----

function normSyncStatus(s: SyncStatus): SyncStatus {
  return {
    state: s.state || 'not_enrolled',
    server: s.server ?? '',
    deviceId: s.deviceId ?? '',
    lastSuccess: s.lastSuccess || null,
    pending: s.pending ?? 0,
    held: s.held ?? 0,
    lastError: s.lastError ?? '',
    issues: s.issues ?? 0,
    auto: s.auto ?? false,
    deviceName: s.deviceName ?? '',
    byFile: s.byFile ?? false,
  };
}

export const syncApi = {
  status: async (): Promise<SyncStatus> => normSyncStatus(await call(() => B.SyncService.Status())),
  /** Exchanges a one-time enrolment code for this laptop's credential; automatic sync starts. */
  enrol: async (serverURL: string, code: string, deviceName: string, allowHTTP: boolean): Promise<SyncStatus> =>
    normSyncStatus(await call(() => B.SyncService.Enrol(serverURL, code, deviceName, allowHTTP))),
  /** Runs one round now; a failed round comes back as state offline/error with lastError, not as a rejection. */
  syncNow: async (): Promise<SyncStatus> => normSyncStatus(await call(() => B.SyncService.SyncNow())),
  issues: async (includeDismissed = false): Promise<SyncIssue[]> => arr(await call(() => B.SyncService.Issues(includeDismissed))),
  dismissIssue: (id: string): Promise<void> => call(() => B.SyncService.DismissIssue(id)),
  bundleStatus: async (): Promise<BundleStatus> => {
    const s = await call(() => B.SyncService.BundleStatus());
    return { ...s, lastExport: s.lastExport || null, lastImport: s.lastImport || null };
  },
  /** Asks for a folder and writes the pending changes as a signed file with its PDF receipt; path "" = cancelled. */
  exportBundle: async (code: string, deviceName: string): Promise<BundleExport> => {
    const r = await call(() => B.SyncService.ExportBundle(code, deviceName));
    return { ...r, byEntity: r.byEntity ?? {} };
  },
  /** Asks for a return file from the central office and applies it, all or nothing; path "" = cancelled. */
  importBundle: (): Promise<BundleImport> => call(() => B.SyncService.ImportBundle()),
};

export const backupApi = {
  list: (): Promise<BackupOverview> => call(() => B.BackupService.List()),
  create: (): Promise<BackupInfo> => call(() => B.BackupService.Create()),
  /** Asks for a folder (USB drive); "" when cancelled. */
  createInFolder: (): Promise<string> => call(() => B.BackupService.CreateInFolder()),
  restore: (name: string): Promise<RestoreResult> => call(() => B.BackupService.Restore(name)),
  /** Asks for a backup file; an empty safetyCopy with no error means cancelled. */
  restoreFile: (): Promise<RestoreResult> => call(() => B.BackupService.RestoreFile()),
  setKeep: (keep: number): Promise<BackupSettings> => call(() => B.BackupService.SetKeep(keep)),
};

export const settingsApi = {
  dataFolder: (): Promise<DataFolder> => call(() => B.SettingsService.DataFolder()),
  chooseDataFolder: (): Promise<DataFolder> => call(() => B.SettingsService.ChooseDataFolder()),
  cancelDataFolderChange: (): Promise<DataFolder> => call(() => B.SettingsService.CancelDataFolderChange()),
  exportSettings: (includeOfficeKey: boolean): Promise<string> => call(() => B.SettingsService.Export(includeOfficeKey)),
  importSettings: (content: string, includeOfficeKey: boolean): Promise<SettingsImported> =>
    call(() => B.SettingsService.Import(content, includeOfficeKey)),
};
