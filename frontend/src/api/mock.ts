// DEVELOPMENT ONLY. An in-memory fake of the Go services for looking at the UI
// in a plain browser (`npm run dev:mock`). main.ts loads it only when
// import.meta.env.DEV and VITE_KEMBANG_MOCK=1, so production builds never
// include it. It mimics the contract in docs/API.md, not the real rules.
// `?startup=db.locked` in the URL shows the blocking startup screen.
import type {
  AppInfo,
  BackupInfo,
  DataFolder,
  AuditEntry,
  Competency,
  EmployeeInput,
  EmployeeItem,
  EmployeeQuery,
  FrameworkVersion,
  ImportPreview,
  Job,
  Position,
  SyncIssue,
  SyncStatus,
  BundleStatus,
  BundleExport,
  BundleImport,
  Unit,
} from './types';

const LEVEL_NAMES = ['Paham', 'Dasar', 'Menengah', 'Mumpuni', 'Ahli'];
const GOLONGANS = [
  ['I/a', 'Juru Muda'], ['I/b', 'Juru Muda Tingkat I'], ['I/c', 'Juru'], ['I/d', 'Juru Tingkat I'],
  ['II/a', 'Pengatur Muda'], ['II/b', 'Pengatur Muda Tingkat I'], ['II/c', 'Pengatur'], ['II/d', 'Pengatur Tingkat I'],
  ['III/a', 'Penata Muda'], ['III/b', 'Penata Muda Tingkat I'], ['III/c', 'Penata'], ['III/d', 'Penata Tingkat I'],
  ['IV/a', 'Pembina'], ['IV/b', 'Pembina Tingkat I'], ['IV/c', 'Pembina Utama Muda'], ['IV/d', 'Pembina Utama Madya'], ['IV/e', 'Pembina Utama'],
].map(([code, pangkat]) => ({ code, pangkat }));

let seq = 100;
const uid = () => `id-${++seq}`;
const now = () => new Date().toISOString();
const fail = (code: string, details: Record<string, unknown> | null = null) => Promise.reject({ code, message: code, details });
const delay = <T>(v: T, ms = 60) => new Promise<T>((r) => setTimeout(() => r(structuredClone(v)), ms));

function levels(prefix: string) {
  return LEVEL_NAMES.map((name, i) => ({
    level: i + 1,
    name,
    description: `${prefix}: deskripsi level ${i + 1} (${name}).`,
    indicators: [`Indikator ${i + 1}.1`, `Indikator ${i + 1}.2`, `Indikator ${i + 1}.3`],
  }));
}

const competencies: Competency[] = [
  ['M.1', 'Integritas'], ['M.2', 'Kerja Sama'], ['M.3', 'Komunikasi'], ['M.4', 'Orientasi pada Hasil'],
  ['M.5', 'Pelayanan Publik'], ['M.6', 'Pengembangan Diri dan Orang Lain'], ['M.7', 'Mengelola Perubahan'], ['M.8', 'Pengambilan Keputusan'],
].map(([code, name]) => ({ id: uid(), version: 1, code, type: 'managerial', name, definition: `Definisi ${name} menurut PermenPAN-RB 38/2017.`, levels: levels(name), builtIn: true, retired: false }));
competencies.push({ id: uid(), version: 1, code: 'SK.1', type: 'socio_cultural', name: 'Perekat Bangsa', definition: 'Mempromosikan sikap toleransi, keterbukaan, peka terhadap perbedaan individu/kelompok masyarakat.', levels: levels('Perekat Bangsa'), builtIn: true, retired: false });
competencies.push({ id: uid(), version: 1, code: 'T.1', type: 'technical', name: 'Manajemen Kepegawaian', definition: 'Kemampuan mengelola administrasi dan pengembangan ASN.', levels: levels('Manajemen Kepegawaian'), builtIn: false, retired: false });
competencies.push({ id: uid(), version: 1, code: 'T.2', type: 'technical', name: 'Kearsipan', definition: 'Kemampuan mengelola arsip dinamis dan statis.', levels: levels('Kearsipan'), builtIn: false, retired: true });

const units: Unit[] = [];
function unit(name: string, parentId: string | null): string {
  const u: Unit = { id: uid(), version: 1, updatedAt: now(), officeId: 'office-1', parentId, code: '', name };
  units.push(u);
  return u.id;
}
const uKepala = unit('Kepala Badan', null);
const uSek = unit('Sekretariat', uKepala);
const uUmum = unit('Subbagian Umum dan Kepegawaian', uSek);
unit('Subbagian Keuangan', uSek);
const uMutasi = unit('Bidang Mutasi dan Promosi', uKepala);
const uBangkom = unit('Bidang Pengembangan Kompetensi', uKepala);

const managerial = (lvl: number) => Object.fromEntries([...competencies.filter((c) => c.builtIn).map((c) => [c.code, lvl])]);
const positions: Position[] = [
  { id: uid(), version: 1, code: 'JPT-1', name: 'Kepala Badan', type: 'jpt_pratama', jenjang: '', unitId: uKepala, standards: managerial(4), needsReview: false },
  { id: uid(), version: 1, code: 'ADM-1', name: 'Sekretaris', type: 'administrator', jenjang: '', unitId: uSek, standards: managerial(3), needsReview: false },
  { id: uid(), version: 1, code: 'PGW-1', name: 'Kepala Subbagian Umum dan Kepegawaian', type: 'pengawas', jenjang: '', unitId: uUmum, standards: managerial(2), needsReview: false },
  { id: uid(), version: 1, code: '', name: 'Analis SDM Aparatur Ahli Muda', type: 'fungsional', jenjang: 'ahli_muda', unitId: uBangkom, standards: { ...managerial(3), 'T.1': 3 }, needsReview: false },
  { id: uid(), version: 1, code: '', name: 'Pengelola Data Kepegawaian', type: '', jenjang: '', unitId: null, standards: {}, needsReview: true },
  { id: uid(), version: 1, code: '', name: 'Pranata Komputer Terampil', type: '', jenjang: '', unitId: null, standards: {}, needsReview: true },
  { id: uid(), version: 1, code: 'PLK-1', name: 'Pengadministrasi Perkantoran', type: 'pelaksana', jenjang: '', unitId: uMutasi, standards: managerial(1), needsReview: false },
];

const FIRST = ['Budi', 'Siti', 'Agus', 'Dewi', 'Rahmat', 'Nur', 'Eko', 'Ratna', 'Hendra', 'Yuliana', 'Made', 'Wayan', 'Fitri', 'Andi', 'Lestari'];
const LAST = ['Santoso', 'Aminah', 'Setiawan', 'Lestari', 'Hidayat', 'Halimah', 'Prasetyo', 'Sari', 'Gunawan', 'Putri', 'Sudarsana', 'Wirawan'];
const employees: (EmployeeItem & { history: AuditEntry[] })[] = [];
for (let i = 0; i < 57; i++) {
  const y = 1965 + (i % 30), m = 1 + (i % 12), d = 1 + (i % 27);
  const g = i % 3 === 0 ? '2' : '1';
  const nip = `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${y + 24}0${1 + (i % 9)}${g}${String(i + 1).padStart(3, '0')}`;
  const pos = positions[i % positions.length];
  const gol = GOLONGANS[8 + (i % 8)];
  const name = `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`;
  const depan = i % 5 === 0 ? 'Dr.' : '';
  const belakang = i % 2 === 0 ? 'S.Kom.' : i % 3 === 0 ? 'S.E., M.M.' : '';
  const e: EmployeeItem & { history: AuditEntry[] } = {
    id: uid(), version: 2, nip, nipPrinted: `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`,
    name, fullName: '', gelarDepan: depan, gelarBelakang: belakang, golongan: gol.code, pangkat: gol.pangkat,
    positionId: pos.id, positionName: pos.name, unitId: pos.unitId, unitName: units.find((u) => u.id === pos.unitId)?.name ?? '',
    gender: g === '1' ? 'L' : 'P', birthDate: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
    email: `${name.toLowerCase().replace(' ', '.')}@bkpsdm.go.id`, phone: '0812' + String(10000000 + i * 7919).slice(0, 8),
    deleted: i === 56, updatedAt: now(),
    history: [
      { id: uid(), at: '2025-01-10T08:15:00Z', actor: 'admin', device: 'LAPTOP-BKPSDM-01', action: 'import', changes: JSON.stringify({ name: [null, name], nip: [null, nip] }) },
      { id: uid(), at: '2025-03-02T10:42:00Z', actor: 'rina', device: 'LAPTOP-BKPSDM-02', action: 'update', changes: JSON.stringify({ golongan: ['III/a', gol.code], phone: ['', '0812…'] }) },
    ],
  };
  e.fullName = [depan, name].filter(Boolean).join(' ') + (belakang ? `, ${belakang}` : '');
  employees.push(e);
}

const versions: FrameworkVersion[] = [
  { id: uid(), number: 1, publishedAt: '2024-11-04T09:00:00Z', note: 'Kamus awal: 8 manajerial, 1 sosial kultural', competencies: structuredClone(competencies.slice(0, 9)) },
  { id: uid(), number: 2, publishedAt: '2025-02-17T09:00:00Z', note: 'Menambah kompetensi teknis kepegawaian', competencies: structuredClone(competencies.slice(0, 10)) },
];

const jobs = new Map<string, Job>();
let pending = 3;

function checkNIP(raw: string) {
  const d = raw.replace(/\D/g, '');
  if (d.length !== 18) return { valid: false, code: 'nip.length', digits: d, printed: '', birthDate: '', gender: '', tmt: '' };
  const bd = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
  if (Number.isNaN(Date.parse(bd)) || +d.slice(4, 6) > 12) return { valid: false, code: 'nip.birth_date', digits: d, printed: '', birthDate: '', gender: '', tmt: '' };
  if (d[14] !== '1' && d[14] !== '2') return { valid: false, code: 'nip.gender', digits: d, printed: '', birthDate: '', gender: '', tmt: '' };
  return { valid: true, code: '', digits: d, printed: `${d.slice(0, 8)} ${d.slice(8, 14)} ${d.slice(14, 15)} ${d.slice(15)}`, birthDate: bd, gender: d[14] === '1' ? 'L' : 'P', tmt: `${d.slice(8, 12)}-${d.slice(12, 14)}` };
}

const strip = ({ history: _h, ...e }: EmployeeItem & { history: AuditEntry[] }): EmployeeItem => e;

const services = {
  AppService: {
    Info: (): Promise<AppInfo> => {
      const startup = new URLSearchParams(location.search).get('startup');
      return delay({
        version: '0.1.0-dev', dataDir: 'C:\\Users\\hr\\AppData\\Roaming\\Kembang', dbPath: 'C:\\Users\\hr\\AppData\\Roaming\\Kembang\\kembang.db',
        locale: localStorage.getItem('kembang.locale') ?? 'id', officeName: 'BKPSDM Kabupaten Sleman', device: 'LAPTOP-BKPSDM-01', schemaVersion: 3,
        counts: { employees: employees.filter((e) => !e.deleted).length, positions: positions.length, units: units.length, competencies: competencies.length, frameworkVersions: versions.length },
        pendingChanges: pending,
        startupError: startup ? { code: startup, message: startup, details: null } : null,
      });
    },
    SetLocale: () => delay(undefined),
    Backup: () => delay('C:\\Users\\hr\\AppData\\Roaming\\Kembang\\backups\\kembang-2025-05-01.db'),
  },
  OrgService: {
    ListUnits: () => delay(units),
    SaveUnit: (u: Unit) => {
      if (!u.name.trim()) return fail('invalid', { fields: [{ field: 'name', code: 'field.required' }] });
      pending++;
      if (!u.id) { const n = { ...u, id: uid(), version: 1 }; units.push(n); return delay(n); }
      const i = units.findIndex((x) => x.id === u.id); units[i] = { ...u, version: u.version + 1 }; return delay(units[i]);
    },
    DeleteUnit: (id: string) => {
      if (units.some((u) => u.parentId === id) || positions.some((p) => p.unitId === id)) return fail('conflict');
      units.splice(units.findIndex((u) => u.id === id), 1); pending++; return delay(undefined);
    },
    ListPositions: () => delay(positions),
    SavePosition: (p: Position) => {
      if (!p.name.trim()) return fail('invalid', { fields: [{ field: 'name', code: 'field.required' }] });
      if (!p.type) return fail('invalid', { fields: [{ field: 'type', code: 'position.type_invalid' }] });
      pending++;
      if (!p.id) { const n = { ...p, id: uid(), version: 1 }; positions.push(n); return delay(n); }
      const i = positions.findIndex((x) => x.id === p.id); positions[i] = { ...p, version: p.version + 1 }; return delay(positions[i]);
    },
    DeletePosition: (id: string) => { positions.splice(positions.findIndex((p) => p.id === id), 1); return delay(undefined); },
    DefaultStandards: (type: string, jenjang: string) => {
      const table: Record<string, number> = { jpt_utama: 5, jpt_madya: 5, jpt_pratama: 4, administrator: 3, pengawas: 2, pelaksana: 1 };
      const jf: Record<string, number> = { ahli_utama: 4, ahli_madya: 3, ahli_muda: 2, ahli_pertama: 1, penyelia: 2, mahir: 1, terampil: 1, pemula: 1 };
      const lvl = type === 'fungsional' ? (jf[jenjang] ?? 1) : (table[type] ?? 1);
      return delay(managerial(lvl));
    },
  },
  FrameworkService: {
    ListCompetencies: (inc: boolean) => delay(competencies.filter((c) => inc || !c.retired)),
    NewTechnical: () => delay({ id: '', version: 0, code: '', type: 'technical', name: '', definition: '', levels: levels('Kompetensi teknis'), builtIn: false, retired: false }),
    SaveCompetency: (c: Competency) => {
      if (!c.code) return fail('invalid', { fields: [{ field: 'code', code: 'field.required' }] });
      if (competencies.some((x) => x.code === c.code && x.id !== c.id)) return fail('competency.code_taken');
      pending++;
      if (!c.id) { const n = { ...c, id: uid(), version: 1 }; competencies.push(n); return delay(n); }
      const i = competencies.findIndex((x) => x.id === c.id); competencies[i] = { ...c, version: c.version + 1 }; return delay(competencies[i]);
    },
    SetRetired: (id: string, r: boolean) => { const c = competencies.find((x) => x.id === id); if (c) c.retired = r; return delay(undefined); },
    Publish: (note: string) => { const v = { id: uid(), number: versions.length + 1, publishedAt: now(), note, competencies: structuredClone(competencies) }; versions.push(v); return delay(v); },
    ListVersions: () => delay([...versions].reverse()),
    GetVersion: (n: number) => { const v = versions.find((x) => x.number === n); return v ? delay(v) : fail('not_found'); },
  },
  EmployeeService: {
    Search: (q: EmployeeQuery) => {
      const text = q.text.toLowerCase().replace(/\s+/g, ' ');
      const digits = q.text.replace(/\D/g, '');
      const all = employees.filter((e) => (q.includeDeleted || !e.deleted) && (!q.unitId || e.unitId === q.unitId) &&
        (!text || e.fullName.toLowerCase().includes(text) || (digits.length >= 3 && e.nip.includes(digits))));
      return delay({ items: all.slice(q.offset, q.offset + q.limit).map(strip), total: all.length }, 40);
    },
    Get: (id: string) => { const e = employees.find((x) => x.id === id); return e ? delay(strip(e)) : fail('not_found'); },
    Save: (inp: EmployeeInput) => {
      const fields: { field: string; code: string; value?: string }[] = [];
      const c = checkNIP(inp.nip);
      if (!c.valid) fields.push({ field: 'nip', code: c.code, value: inp.nip });
      else if (employees.some((e) => e.nip === c.digits && e.id !== inp.id)) fields.push({ field: 'nip', code: 'nip.taken', value: inp.nip });
      if (!inp.name.trim()) fields.push({ field: 'name', code: 'field.required' });
      if (inp.email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(inp.email)) fields.push({ field: 'email', code: 'email.invalid', value: inp.email });
      if (c.valid && inp.gender && inp.gender !== c.gender) fields.push({ field: 'gender', code: 'gender.nip_mismatch' });
      if (fields.length) return fail('invalid', { fields });
      const pos = positions.find((p) => p.id === inp.positionId);
      const gol = GOLONGANS.find((g) => g.code === inp.golongan);
      const base = {
        ...inp, nip: c.digits, nipPrinted: c.printed, pangkat: gol?.pangkat ?? '', positionName: pos?.name ?? '',
        unitName: units.find((u) => u.id === inp.unitId)?.name ?? '', deleted: false, updatedAt: now(),
        fullName: [inp.gelarDepan, inp.name].filter(Boolean).join(' ') + (inp.gelarBelakang ? `, ${inp.gelarBelakang}` : ''),
      };
      pending++;
      if (!inp.id) { const n = { ...base, id: uid(), version: 1, history: [{ id: uid(), at: now(), actor: 'admin', device: 'LAPTOP-BKPSDM-01', action: 'create', changes: '{}' }] }; employees.unshift(n); return delay(strip(n)); }
      const i = employees.findIndex((x) => x.id === inp.id);
      if (employees[i].version !== inp.version) return fail('version.conflict');
      const old = employees[i];
      const changes: Record<string, [unknown, unknown]> = {};
      for (const k of ['nip', 'name', 'golongan', 'email', 'phone', 'birthDate', 'gender'] as const) if (old[k] !== base[k]) changes[k] = [old[k], base[k]];
      employees[i] = { ...base, id: inp.id, version: inp.version + 1, history: [{ id: uid(), at: now(), actor: 'admin', device: 'LAPTOP-BKPSDM-01', action: 'update', changes: JSON.stringify(changes) }, ...old.history] };
      return delay(strip(employees[i]));
    },
    Delete: (id: string) => { const e = employees.find((x) => x.id === id); if (e) e.deleted = true; pending++; return delay(undefined); },
    Restore: (id: string) => { const e = employees.find((x) => x.id === id); if (e) e.deleted = false; pending++; return delay(undefined); },
    History: (id: string) => delay(employees.find((x) => x.id === id)?.history ?? []),
    CheckNIP: (nip: string) => delay(checkNIP(nip), 30),
    Golongans: () => delay(GOLONGANS),
  },
  TransferService: {
    Preview: (kind: string, fileName: string, data: string): Promise<ImportPreview> => {
      if (!/\.(xlsx|csv)$/i.test(fileName)) return fail('import.unknown_format');
      if (data.length < 8) return fail('import.file_empty');
      return delay({
        token: uid(), kind, fileName, rows: 48, valid: 45, invalid: 3,
        errors: [
          { row: 7, column: 'NIP', code: 'nip.number_cell', value: '1.97407E+17', details: null },
          { row: 12, column: 'Golongan', code: 'golongan.invalid', value: 'III-c', details: null },
          { row: 31, column: 'Email', code: 'email.invalid', value: 'budi@', details: null },
          { row: 31, column: 'Nama', code: 'field.required', value: '', details: null },
        ],
        warnings: [
          { row: 15, column: 'Jabatan', code: 'import.position_created', value: 'Pranata Komputer Terampil', details: null },
          { row: 20, column: 'Jenis Kelamin', code: 'gender.nip_mismatch', value: 'P', details: null },
        ],
      }, 400);
    },
    Commit: (token: string, skip: boolean) => {
      if (!skip) return fail('import.row_invalid');
      const id = uid();
      const job: Job = { id, done: 0, total: 45, finished: false, result: null, error: null };
      jobs.set(id, job);
      const tick = setInterval(() => {
        job.done = Math.min(job.total, job.done + 4);
        if (job.done >= job.total) {
          clearInterval(tick);
          job.finished = true;
          job.result = { created: 30, updated: 12, unchanged: 3, unitsCreated: ['Bidang Informasi Kepegawaian'], positionsCreated: ['Pranata Komputer Terampil', 'Pengelola Data Kepegawaian'] };
          pending += 42;
        }
      }, 150);
      void token;
      return delay(id);
    },
    Job: (id: string) => { const j = jobs.get(id); return j ? delay(j, 20) : fail('not_found'); },
    SaveTemplate: (kind: string) => delay(`C:\\Users\\hr\\Documents\\templat-${kind}.xlsx`),
    Export: (kind: string) => delay(`C:\\Users\\hr\\Documents\\ekspor-${kind}.xlsx`),
  },
  BackupService: (() => {
    const dir = 'C:\\Users\\hr\\AppData\\Roaming\\Kembang\\backups';
    let keep = 14;
    const stamp = (d: Date) => d.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
    const make = (kind: BackupInfo['kind'], daysAgo: number): BackupInfo => {
      const d = new Date(Date.now() - daysAgo * 86400000);
      const tag = kind === 'pre-migration' ? 'before-202612070003_development' : kind === 'pre-restore' ? 'before-restore' : kind;
      const name = `kembang-${stamp(d)}-${tag}.db`;
      return { name, path: `${dir}\\${name}`, kind, migration: kind === 'pre-migration' ? '202612070003_development' : '', createdAt: d.toISOString(), sizeBytes: 2_400_000 + daysAgo * 1000 };
    };
    const list: BackupInfo[] = [make('daily', 0.1), make('daily', 1.1), make('manual', 2), make('pre-migration', 9), make('daily', 2.1)];
    const sorted = () => [...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    return {
      List: () => delay({ dir, keep, backups: sorted(), lastDaily: sorted().find((b) => b.kind === 'daily')?.createdAt ?? null, lastError: null }),
      Create: () => { const b = make('manual', 0); list.push(b); return delay(b, 400); },
      CreateInFolder: () => delay(`E:\\kembang-cadangan-${stamp(new Date())}.db`, 400),
      Restore: (name: string) => {
        if (!list.some((b) => b.name === name)) return fail('backup.not_found', { name });
        const safety = make('pre-restore', 0);
        list.push(safety);
        return delay({ safetyCopy: safety.name, schemaVersion: '202612080004_outbox_entity_row', employees: employees.length }, 700);
      },
      RestoreFile: () => fail('backup.corrupt', { reason: 'quick_check' }),
      SetKeep: (n: number) => {
        if (!(n >= 1 && n <= 365)) return fail('invalid', { fields: [{ field: 'keep', code: 'amount.invalid' }] });
        keep = n;
        return delay({ keep });
      },
    };
  })(),
  SettingsService: (() => {
    let folder: DataFolder = {
      dir: 'C:\\Users\\hr\\AppData\\Roaming\\Kembang', dbPath: 'C:\\Users\\hr\\AppData\\Roaming\\Kembang\\kembang.db',
      backupsDir: 'C:\\Users\\hr\\AppData\\Roaming\\Kembang\\backups', source: 'default', changeable: true, pendingDir: '', pendingMode: '', lastMoveError: '',
    };
    return {
      DataFolder: () => delay(folder),
      ChooseDataFolder: () => { folder = { ...folder, pendingDir: 'D:\\Data Kembang', pendingMode: 'move' }; return delay(folder); },
      CancelDataFolderChange: () => { folder = { ...folder, pendingDir: '', pendingMode: '' }; return delay(folder); },
      Export: (withKey: boolean) => delay(`C:\\Users\\hr\\Documents\\kembang-pengaturan${withKey ? '-dengan-kunci' : ''}.json`),
      Import: (content: string) => {
        try {
          const f = JSON.parse(content);
          if (f.format !== 'kembang-settings') return fail('settings.file_invalid', { reason: 'format' });
          return delay({ sections: Object.keys(f).filter((k) => !['format', 'version', 'exportedAt', 'appVersion'].includes(k)), officeKey: false });
        } catch {
          return fail('settings.file_invalid', { reason: 'not_json' });
        }
      },
    };
  })(),
  SyncService: (() => {
    let server = '';
    let lastSuccess: string | null = null;
    const issues: SyncIssue[] = [];
    const bundle = {
      state: { device: '', codePending: false, lastSeq: 0, lastReturnSeq: 0, lastExport: null as string | null, lastImport: null as string | null, sent: 0 },
      status(): BundleStatus {
        const b = this.state;
        return { deviceId: b.device || (server ? '01a20992-3d8e-724b-96c7-c0fa800dc2a7' : ''), enrolled: !!(b.device || server), codePending: b.codePending,
          serverPinned: b.lastReturnSeq > 0, lastSeq: b.lastSeq, lastReturnSeq: b.lastReturnSeq, lastExport: b.lastExport, lastImport: b.lastImport, pending };
      },
    };
    const status = (): SyncStatus => ({
      state: server ? 'idle' : 'not_enrolled', server, deviceId: server ? '01a20992-3d8e-724b-96c7-c0fa800dc2a7' : '',
      lastSuccess, pending, held: 0, lastError: '', issues: issues.filter((i) => !i.dismissed).length, auto: !!server, deviceName: 'LAPTOP-BKPSDM-01',
      byFile: !server && !!bundle.state.device,
    });
    return {
      Status: () => delay(status()),
      Enrol: (url: string, code: string) => {
        if (!url || !code) return fail('invalid', { fields: [...(url ? [] : [{ field: 'server', code: 'field.required' }]), ...(code ? [] : [{ field: 'code', code: 'field.required' }])] });
        if (code !== 'KODE-1234') return fail('sync.enrol_invalid');
        server = url;
        return delay(status(), 300);
      },
      SyncNow: () => {
        pending = 0;
        lastSuccess = now();
        if (!issues.length) {
          issues.push({ id: uid(), createdAt: now(), kind: 'conflict', entity: 'employee', entityId: 'e1', code: 'sync.conflict', field: 'phone',
            yours: '"082222222222"', theirs: '"081111111111"', yoursDevice: '01a20992-3d8e-724b-96c7-c0fa800dc2a7', theirsDevice: '01a20992-aaaa-bbbb-cccc-0000deadbeef', dismissed: false });
          issues.push({ id: uid(), createdAt: now(), kind: 'rejected', entity: 'competency', entityId: 'c1', code: 'sync.read_only', field: '',
            yours: '{"code":"T.9","name":"Kearsipan"}', theirs: '', yoursDevice: '01a20992-3d8e-724b-96c7-c0fa800dc2a7', theirsDevice: '', dismissed: false });
        }
        return delay(status(), 800);
      },
      Issues: (all: boolean) => delay(issues.filter((i) => all || !i.dismissed)),
      DismissIssue: (id: string) => { const i = issues.find((x) => x.id === id); if (i) i.dismissed = true; return delay(undefined); },
      // Sync by file: the mock folder is a USB drive; the central office
      // answers every exported file at once.
      BundleStatus: () => delay(bundle.status()),
      ExportBundle: (code: string) => {
        const b = bundle.state;
        if (!server && !b.device && !b.codePending && !code) return fail('bundle.needs_code');
        if (code && code !== 'KODE-1234' && !b.device && !server) return fail('bundle.enrol_invalid');
        b.lastSeq++;
        b.lastExport = now();
        b.codePending = !server && !b.device;
        b.sent = pending;
        const name = `kembang-kantor-${String(b.lastSeq).padStart(4, '0')}`;
        const out: BundleExport = { path: `E:\\${name}.kembang`, receipt: `E:\\${name}-tanda-terima.pdf`, seq: b.lastSeq,
          mutations: pending, byEntity: pending ? { employee: pending } : {}, fileSha256: 'ab'.repeat(32), size: 2048 + 300 * pending, enrolment: b.codePending };
        return delay(out, 300);
      },
      ImportBundle: () => {
        const b = bundle.state;
        if (b.lastSeq === 0) return fail('bundle.not_ours');
        if (b.lastReturnSeq >= b.lastSeq) return fail('bundle.replayed');
        const enrolled = !b.device && !server;
        if (enrolled) b.device = '01a20992-3d8e-724b-96c7-c0fa800dc2a7';
        b.codePending = false;
        b.lastReturnSeq = b.lastSeq;
        b.lastImport = now();
        lastSuccess = now();
        const acknowledged = b.sent;
        pending = Math.max(0, pending - b.sent);
        const out: BundleImport = { path: `E:\\kembang-balasan-${b.lastSeq}.kembang`, seq: b.lastSeq, enrolled, deviceId: b.device || status().deviceId,
          office: 'BKPSDM Kabupaten Sleman', acknowledged, applied: acknowledged, duplicates: 0, rejected: 0, conflicts: 0, pulled: 42, pullSkipped: '' };
        return delay(out, 400);
      },
    };
  })(),
};

export function installMock(): void {
  (window as unknown as { go: unknown }).go = { desktop: services };
  console.info('[kembang] mock backend installed (development only)');
}
