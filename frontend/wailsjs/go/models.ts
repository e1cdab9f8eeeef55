export namespace core {
	
	export class AnalysisLine {
	    code: string;
	    name: string;
	    type: string;
	    standard: number;
	    actual: number;
	    assessed: boolean;
	    gap: number;
	    sources: domain.Contribution[];
	
	    static createFrom(source: any = {}) {
	        return new AnalysisLine(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.name = source["name"];
	        this.type = source["type"];
	        this.standard = source["standard"];
	        this.actual = source["actual"];
	        this.assessed = source["assessed"];
	        this.gap = source["gap"];
	        this.sources = this.convertValues(source["sources"], domain.Contribution);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class AnalysisSettings {
	    resultRule: domain.ResultRule;
	    capPerCompetency: boolean;
	    thresholdSet: string;
	    mapping: domain.CategoryThresholds;
	    selection: domain.CategoryThresholds;
	    nineBox: domain.NineBoxCutoffs;
	
	    static createFrom(source: any = {}) {
	        return new AnalysisSettings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.resultRule = this.convertValues(source["resultRule"], domain.ResultRule);
	        this.capPerCompetency = source["capPerCompetency"];
	        this.thresholdSet = source["thresholdSet"];
	        this.mapping = this.convertValues(source["mapping"], domain.CategoryThresholds);
	        this.selection = this.convertValues(source["selection"], domain.CategoryThresholds);
	        this.nineBox = this.convertValues(source["nineBox"], domain.NineBoxCutoffs);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class AssessmentDTO {
	    id: string;
	    version: number;
	    employeeId: string;
	    period: string;
	    method: string;
	    frameworkVersion: number;
	    state: string;
	    assessorName: string;
	    assessorNip: string;
	    assessedOn: string;
	    supersedesId?: string;
	    supersededById?: string;
	    items: domain.AssessmentItem[];
	    performanceRating?: number;
	    note: string;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new AssessmentDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.employeeId = source["employeeId"];
	        this.period = source["period"];
	        this.method = source["method"];
	        this.frameworkVersion = source["frameworkVersion"];
	        this.state = source["state"];
	        this.assessorName = source["assessorName"];
	        this.assessorNip = source["assessorNip"];
	        this.assessedOn = source["assessedOn"];
	        this.supersedesId = source["supersedesId"];
	        this.supersededById = source["supersededById"];
	        this.items = this.convertValues(source["items"], domain.AssessmentItem);
	        this.performanceRating = source["performanceRating"];
	        this.note = source["note"];
	        this.updatedAt = source["updatedAt"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class CodeGap {
	    code: string;
	    name: string;
	    gap: number;
	
	    static createFrom(source: any = {}) {
	        return new CodeGap(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.name = source["name"];
	        this.gap = source["gap"];
	    }
	}
	export class CodeName {
	    code: string;
	    name: string;
	
	    static createFrom(source: any = {}) {
	        return new CodeName(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.name = source["name"];
	    }
	}
	export class Counts {
	    employees: number;
	    positions: number;
	    positionsToReview: number;
	    units: number;
	    competencies: number;
	    frameworkVersions: number;
	
	    static createFrom(source: any = {}) {
	        return new Counts(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.employees = source["employees"];
	        this.positions = source["positions"];
	        this.positionsToReview = source["positionsToReview"];
	        this.units = source["units"];
	        this.competencies = source["competencies"];
	        this.frameworkVersions = source["frameworkVersions"];
	    }
	}
	export class FormCompetency {
	    code: string;
	    name: string;
	    type: string;
	    definition: string;
	    standard: number;
	    levels: domain.CompetencyLevel[];
	
	    static createFrom(source: any = {}) {
	        return new FormCompetency(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.name = source["name"];
	        this.type = source["type"];
	        this.definition = source["definition"];
	        this.standard = source["standard"];
	        this.levels = this.convertValues(source["levels"], domain.CompetencyLevel);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class GridRow {
	    employeeId: string;
	    nip: string;
	    name: string;
	    positionName: string;
	    assessmentId?: string;
	    version: number;
	    state: string;
	    levels: Record<string, number>;
	    standards: Record<string, number>;
	
	    static createFrom(source: any = {}) {
	        return new GridRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.employeeId = source["employeeId"];
	        this.nip = source["nip"];
	        this.name = source["name"];
	        this.positionName = source["positionName"];
	        this.assessmentId = source["assessmentId"];
	        this.version = source["version"];
	        this.state = source["state"];
	        this.levels = source["levels"];
	        this.standards = source["standards"];
	    }
	}
	export class GridColumn {
	    code: string;
	    name: string;
	    type: string;
	
	    static createFrom(source: any = {}) {
	        return new GridColumn(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.name = source["name"];
	        this.type = source["type"];
	    }
	}
	export class Grid {
	    unitId: string;
	    period: string;
	    method: string;
	    columns: GridColumn[];
	    rows: GridRow[];
	
	    static createFrom(source: any = {}) {
	        return new Grid(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.unitId = source["unitId"];
	        this.period = source["period"];
	        this.method = source["method"];
	        this.columns = this.convertValues(source["columns"], GridColumn);
	        this.rows = this.convertValues(source["rows"], GridRow);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class UnitRef {
	    id: string;
	    name: string;
	
	    static createFrom(source: any = {}) {
	        return new UnitRef(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	    }
	}
	export class Heatmap {
	    units: UnitRef[];
	    codes: CodeName[];
	    gaps: number[][];
	
	    static createFrom(source: any = {}) {
	        return new Heatmap(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.units = this.convertValues(source["units"], UnitRef);
	        this.codes = this.convertValues(source["codes"], CodeName);
	        this.gaps = source["gaps"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class NineBoxCounts {
	    counts: number[];
	
	    static createFrom(source: any = {}) {
	        return new NineBoxCounts(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.counts = source["counts"];
	    }
	}
	export class NineBoxPlace {
	    box: number;
	    label: string;
	    performanceBand: string;
	    potentialBand: string;
	
	    static createFrom(source: any = {}) {
	        return new NineBoxPlace(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.box = source["box"];
	        this.label = source["label"];
	        this.performanceBand = source["performanceBand"];
	        this.potentialBand = source["potentialBand"];
	    }
	}
	export class RecapPerson {
	    employeeId: string;
	    nip: string;
	    name: string;
	    unitName: string;
	    positionName: string;
	    jpm: number;
	    category: string;
	    complete: boolean;
	    box: number;
	
	    static createFrom(source: any = {}) {
	        return new RecapPerson(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.employeeId = source["employeeId"];
	        this.nip = source["nip"];
	        this.name = source["name"];
	        this.unitName = source["unitName"];
	        this.positionName = source["positionName"];
	        this.jpm = source["jpm"];
	        this.category = source["category"];
	        this.complete = source["complete"];
	        this.box = source["box"];
	    }
	}
	export class RecapGap {
	    employeeId: string;
	    name: string;
	    unitName: string;
	    code: string;
	    competencyName: string;
	    standard: number;
	    actual: number;
	    gap: number;
	
	    static createFrom(source: any = {}) {
	        return new RecapGap(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.employeeId = source["employeeId"];
	        this.name = source["name"];
	        this.unitName = source["unitName"];
	        this.code = source["code"];
	        this.competencyName = source["competencyName"];
	        this.standard = source["standard"];
	        this.actual = source["actual"];
	        this.gap = source["gap"];
	    }
	}
	export class Recap {
	    period: string;
	    unitId: string;
	    count: number;
	    byCategory: Record<string, number>;
	    uncategorised: number;
	    incomplete: number;
	    averageJpm: number;
	    averageGap: CodeGap[];
	    largestGaps: RecapGap[];
	    people: RecapPerson[];
	    heatmap: Heatmap;
	    nineBox: NineBoxCounts;
	    thresholds: domain.CategoryThresholds;
	
	    static createFrom(source: any = {}) {
	        return new Recap(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.period = source["period"];
	        this.unitId = source["unitId"];
	        this.count = source["count"];
	        this.byCategory = source["byCategory"];
	        this.uncategorised = source["uncategorised"];
	        this.incomplete = source["incomplete"];
	        this.averageJpm = source["averageJpm"];
	        this.averageGap = this.convertValues(source["averageGap"], CodeGap);
	        this.largestGaps = this.convertValues(source["largestGaps"], RecapGap);
	        this.people = this.convertValues(source["people"], RecapPerson);
	        this.heatmap = this.convertValues(source["heatmap"], Heatmap);
	        this.nineBox = this.convertValues(source["nineBox"], NineBoxCounts);
	        this.thresholds = this.convertValues(source["thresholds"], domain.CategoryThresholds);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	

}

export namespace desktop {
	
	export class ErrorDTO {
	    code: string;
	    message: string;
	    details?: Record<string, any>;
	
	    static createFrom(source: any = {}) {
	        return new ErrorDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.message = source["message"];
	        this.details = source["details"];
	    }
	}
	export class AppInfo {
	    version: string;
	    dataDir: string;
	    dbPath: string;
	    locale: string;
	    officeName: string;
	    device: string;
	    schemaVersion: string;
	    counts: core.Counts;
	    pendingChanges: number;
	    startupError?: ErrorDTO;
	
	    static createFrom(source: any = {}) {
	        return new AppInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.version = source["version"];
	        this.dataDir = source["dataDir"];
	        this.dbPath = source["dbPath"];
	        this.locale = source["locale"];
	        this.officeName = source["officeName"];
	        this.device = source["device"];
	        this.schemaVersion = source["schemaVersion"];
	        this.counts = this.convertValues(source["counts"], core.Counts);
	        this.pendingChanges = source["pendingChanges"];
	        this.startupError = this.convertValues(source["startupError"], ErrorDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class EmployeeItem {
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
	    positionId?: string;
	    positionName: string;
	    unitId?: string;
	    unitName: string;
	    gender: string;
	    birthDate: string;
	    email: string;
	    phone: string;
	    deleted: boolean;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new EmployeeItem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.nip = source["nip"];
	        this.nipPrinted = source["nipPrinted"];
	        this.name = source["name"];
	        this.fullName = source["fullName"];
	        this.gelarDepan = source["gelarDepan"];
	        this.gelarBelakang = source["gelarBelakang"];
	        this.golongan = source["golongan"];
	        this.pangkat = source["pangkat"];
	        this.positionId = source["positionId"];
	        this.positionName = source["positionName"];
	        this.unitId = source["unitId"];
	        this.unitName = source["unitName"];
	        this.gender = source["gender"];
	        this.birthDate = source["birthDate"];
	        this.email = source["email"];
	        this.phone = source["phone"];
	        this.deleted = source["deleted"];
	        this.updatedAt = source["updatedAt"];
	    }
	}
	export class AssessmentForm {
	    assessment: core.AssessmentDTO;
	    employee: EmployeeItem;
	    competencies: core.FormCompetency[];
	
	    static createFrom(source: any = {}) {
	        return new AssessmentForm(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.assessment = this.convertValues(source["assessment"], core.AssessmentDTO);
	        this.employee = this.convertValues(source["employee"], EmployeeItem);
	        this.competencies = this.convertValues(source["competencies"], core.FormCompetency);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class EmployeeAnalysis {
	    employee: EmployeeItem;
	    period: string;
	    lines: core.AnalysisLine[];
	    sumStandard: number;
	    sumActual: number;
	    jpm: number;
	    category: string;
	    complete: boolean;
	    assessed: number;
	    required: number;
	    performance?: number;
	    nineBox?: core.NineBoxPlace;
	
	    static createFrom(source: any = {}) {
	        return new EmployeeAnalysis(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.employee = this.convertValues(source["employee"], EmployeeItem);
	        this.period = source["period"];
	        this.lines = this.convertValues(source["lines"], core.AnalysisLine);
	        this.sumStandard = source["sumStandard"];
	        this.sumActual = source["sumActual"];
	        this.jpm = source["jpm"];
	        this.category = source["category"];
	        this.complete = source["complete"];
	        this.assessed = source["assessed"];
	        this.required = source["required"];
	        this.performance = source["performance"];
	        this.nineBox = this.convertValues(source["nineBox"], core.NineBoxPlace);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class EmployeeInput {
	    id: string;
	    version: number;
	    nip: string;
	    name: string;
	    gelarDepan: string;
	    gelarBelakang: string;
	    golongan: string;
	    positionId?: string;
	    unitId?: string;
	    gender: string;
	    birthDate: string;
	    email: string;
	    phone: string;
	
	    static createFrom(source: any = {}) {
	        return new EmployeeInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.nip = source["nip"];
	        this.name = source["name"];
	        this.gelarDepan = source["gelarDepan"];
	        this.gelarBelakang = source["gelarBelakang"];
	        this.golongan = source["golongan"];
	        this.positionId = source["positionId"];
	        this.unitId = source["unitId"];
	        this.gender = source["gender"];
	        this.birthDate = source["birthDate"];
	        this.email = source["email"];
	        this.phone = source["phone"];
	    }
	}
	
	export class EmployeePage {
	    items: EmployeeItem[];
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new EmployeePage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.items = this.convertValues(source["items"], EmployeeItem);
	        this.total = source["total"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class EmployeeQuery {
	    text: string;
	    unitId: string;
	    positionId: string;
	    includeDeleted: boolean;
	    limit: number;
	    offset: number;
	
	    static createFrom(source: any = {}) {
	        return new EmployeeQuery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.text = source["text"];
	        this.unitId = source["unitId"];
	        this.positionId = source["positionId"];
	        this.includeDeleted = source["includeDeleted"];
	        this.limit = source["limit"];
	        this.offset = source["offset"];
	    }
	}
	
	export class GolonganOption {
	    code: string;
	    pangkat: string;
	
	    static createFrom(source: any = {}) {
	        return new GolonganOption(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.pangkat = source["pangkat"];
	    }
	}
	export class ImportPreview {
	    token: string;
	    kind: string;
	    fileName: string;
	    rows: number;
	    valid: number;
	    invalid: number;
	    errors: importer.Issue[];
	    warnings: importer.Issue[];
	
	    static createFrom(source: any = {}) {
	        return new ImportPreview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.token = source["token"];
	        this.kind = source["kind"];
	        this.fileName = source["fileName"];
	        this.rows = source["rows"];
	        this.valid = source["valid"];
	        this.invalid = source["invalid"];
	        this.errors = this.convertValues(source["errors"], importer.Issue);
	        this.warnings = this.convertValues(source["warnings"], importer.Issue);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class JobStatus {
	    id: string;
	    done: number;
	    total: number;
	    finished: boolean;
	    result?: domain.ImportResult;
	    error?: ErrorDTO;
	
	    static createFrom(source: any = {}) {
	        return new JobStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.done = source["done"];
	        this.total = source["total"];
	        this.finished = source["finished"];
	        this.result = this.convertValues(source["result"], domain.ImportResult);
	        this.error = this.convertValues(source["error"], ErrorDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class NIPInfo {
	    valid: boolean;
	    code: string;
	    digits: string;
	    printed: string;
	    birthDate: string;
	    gender: string;
	    tmt: string;
	
	    static createFrom(source: any = {}) {
	        return new NIPInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.valid = source["valid"];
	        this.code = source["code"];
	        this.digits = source["digits"];
	        this.printed = source["printed"];
	        this.birthDate = source["birthDate"];
	        this.gender = source["gender"];
	        this.tmt = source["tmt"];
	    }
	}

}

export namespace domain {
	
	export class AssessmentItem {
	    competencyCode: string;
	    level: number;
	    evidence: string;
	
	    static createFrom(source: any = {}) {
	        return new AssessmentItem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.competencyCode = source["competencyCode"];
	        this.level = source["level"];
	        this.evidence = source["evidence"];
	    }
	}
	export class AuditEntry {
	    id: string;
	    // Go type: time
	    at: any;
	    actor: string;
	    device: string;
	    entity: string;
	    entityId: string;
	    action: string;
	    changes: string;
	
	    static createFrom(source: any = {}) {
	        return new AuditEntry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.at = this.convertValues(source["at"], null);
	        this.actor = source["actor"];
	        this.device = source["device"];
	        this.entity = source["entity"];
	        this.entityId = source["entityId"];
	        this.action = source["action"];
	        this.changes = source["changes"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class CategoryThresholds {
	    name: string;
	    high: number;
	    mid: number;
	    highCode: string;
	    midCode: string;
	    lowCode: string;
	
	    static createFrom(source: any = {}) {
	        return new CategoryThresholds(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.high = source["high"];
	        this.mid = source["mid"];
	        this.highCode = source["highCode"];
	        this.midCode = source["midCode"];
	        this.lowCode = source["lowCode"];
	    }
	}
	export class CompetencyLevel {
	    level: number;
	    name: string;
	    description: string;
	    indicators: string[];
	
	    static createFrom(source: any = {}) {
	        return new CompetencyLevel(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.level = source["level"];
	        this.name = source["name"];
	        this.description = source["description"];
	        this.indicators = source["indicators"];
	    }
	}
	export class Competency {
	    id: string;
	    version: number;
	    // Go type: time
	    updatedAt: any;
	    updatedByDevice: string;
	    deleted: boolean;
	    code: string;
	    type: string;
	    name: string;
	    definition: string;
	    levels: CompetencyLevel[];
	    builtIn: boolean;
	    retired: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Competency(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.updatedAt = this.convertValues(source["updatedAt"], null);
	        this.updatedByDevice = source["updatedByDevice"];
	        this.deleted = source["deleted"];
	        this.code = source["code"];
	        this.type = source["type"];
	        this.name = source["name"];
	        this.definition = source["definition"];
	        this.levels = this.convertValues(source["levels"], CompetencyLevel);
	        this.builtIn = source["builtIn"];
	        this.retired = source["retired"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Contribution {
	    assessmentId: string;
	    method: string;
	    level: number;
	    share: number;
	
	    static createFrom(source: any = {}) {
	        return new Contribution(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.assessmentId = source["assessmentId"];
	        this.method = source["method"];
	        this.level = source["level"];
	        this.share = source["share"];
	    }
	}
	export class FrameworkVersion {
	    id: string;
	    version: number;
	    // Go type: time
	    updatedAt: any;
	    updatedByDevice: string;
	    deleted: boolean;
	    number: number;
	    // Go type: time
	    publishedAt: any;
	    note: string;
	    competencies: Competency[];
	
	    static createFrom(source: any = {}) {
	        return new FrameworkVersion(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.updatedAt = this.convertValues(source["updatedAt"], null);
	        this.updatedByDevice = source["updatedByDevice"];
	        this.deleted = source["deleted"];
	        this.number = source["number"];
	        this.publishedAt = this.convertValues(source["publishedAt"], null);
	        this.note = source["note"];
	        this.competencies = this.convertValues(source["competencies"], Competency);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ImportResult {
	    created: number;
	    updated: number;
	    unchanged: number;
	    unitsCreated: string[];
	    positionsCreated: string[];
	
	    static createFrom(source: any = {}) {
	        return new ImportResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.created = source["created"];
	        this.updated = source["updated"];
	        this.unchanged = source["unchanged"];
	        this.unitsCreated = source["unitsCreated"];
	        this.positionsCreated = source["positionsCreated"];
	    }
	}
	export class NineBoxCutoffs {
	    performanceHigh: number;
	    performanceMid: number;
	    potentialHigh: number;
	    potentialMid: number;
	
	    static createFrom(source: any = {}) {
	        return new NineBoxCutoffs(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.performanceHigh = source["performanceHigh"];
	        this.performanceMid = source["performanceMid"];
	        this.potentialHigh = source["potentialHigh"];
	        this.potentialMid = source["potentialMid"];
	    }
	}
	export class Position {
	    id: string;
	    version: number;
	    // Go type: time
	    updatedAt: any;
	    updatedByDevice: string;
	    deleted: boolean;
	    code: string;
	    name: string;
	    type: string;
	    jenjang: string;
	    unitId?: string;
	    standards: Record<string, number>;
	    needsReview: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Position(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.updatedAt = this.convertValues(source["updatedAt"], null);
	        this.updatedByDevice = source["updatedByDevice"];
	        this.deleted = source["deleted"];
	        this.code = source["code"];
	        this.name = source["name"];
	        this.type = source["type"];
	        this.jenjang = source["jenjang"];
	        this.unitId = source["unitId"];
	        this.standards = source["standards"];
	        this.needsReview = source["needsReview"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ResultRule {
	    mode: string;
	    priority: string[];
	    weights: Record<string, number>;
	    includeSubmitted: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ResultRule(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.mode = source["mode"];
	        this.priority = source["priority"];
	        this.weights = source["weights"];
	        this.includeSubmitted = source["includeSubmitted"];
	    }
	}
	export class Unit {
	    id: string;
	    version: number;
	    // Go type: time
	    updatedAt: any;
	    updatedByDevice: string;
	    deleted: boolean;
	    officeId: string;
	    parentId?: string;
	    code: string;
	    name: string;
	
	    static createFrom(source: any = {}) {
	        return new Unit(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.updatedAt = this.convertValues(source["updatedAt"], null);
	        this.updatedByDevice = source["updatedByDevice"];
	        this.deleted = source["deleted"];
	        this.officeId = source["officeId"];
	        this.parentId = source["parentId"];
	        this.code = source["code"];
	        this.name = source["name"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace importer {
	
	export class Issue {
	    row: number;
	    column: string;
	    code: string;
	    value?: string;
	    details?: Record<string, any>;
	
	    static createFrom(source: any = {}) {
	        return new Issue(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.row = source["row"];
	        this.column = source["column"];
	        this.code = source["code"];
	        this.value = source["value"];
	        this.details = source["details"];
	    }
	}

}

export namespace store {
	
	export class GridCell {
	    assessmentId: string;
	    version: number;
	    state: string;
	    level: number;
	
	    static createFrom(source: any = {}) {
	        return new GridCell(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.assessmentId = source["assessmentId"];
	        this.version = source["version"];
	        this.state = source["state"];
	        this.level = source["level"];
	    }
	}

}

