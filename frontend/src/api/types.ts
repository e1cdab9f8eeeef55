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

export const IMPORT_KINDS = ['employees', 'positions', 'competencies'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

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
