export namespace core {
	
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

