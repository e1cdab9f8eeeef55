export namespace core {
	
	export class AnalysisEmployee {
	    id: string;
	    nip: string;
	    nipPrinted: string;
	    name: string;
	    fullName: string;
	    unitId: string;
	    unitName: string;
	    positionId: string;
	    positionName: string;
	
	    static createFrom(source: any = {}) {
	        return new AnalysisEmployee(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.nip = source["nip"];
	        this.nipPrinted = source["nipPrinted"];
	        this.name = source["name"];
	        this.fullName = source["fullName"];
	        this.unitId = source["unitId"];
	        this.unitName = source["unitName"];
	        this.positionId = source["positionId"];
	        this.positionName = source["positionName"];
	    }
	}
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
	export class AwardItem {
	    award: domain.Award;
	    name: string;
	    nip: string;
	    unitName: string;
	
	    static createFrom(source: any = {}) {
	        return new AwardItem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.award = this.convertValues(source["award"], domain.Award);
	        this.name = source["name"];
	        this.nip = source["nip"];
	        this.unitName = source["unitName"];
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
	export class AwardSuggestion {
	    kind: string;
	    employeeId: string;
	    name: string;
	    value: number;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new AwardSuggestion(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.employeeId = source["employeeId"];
	        this.name = source["name"];
	        this.value = source["value"];
	        this.reason = source["reason"];
	    }
	}
	export class BackupSettings {
	    keep: number;
	
	    static createFrom(source: any = {}) {
	        return new BackupSettings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.keep = source["keep"];
	    }
	}
	export class PlannedItem {
	    source: string;
	    planId: string;
	    lineId: string;
	    eventId: string;
	    methodCode: string;
	    title: string;
	    start: string;
	    jp: number;
	    status: string;
	
	    static createFrom(source: any = {}) {
	        return new PlannedItem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.source = source["source"];
	        this.planId = source["planId"];
	        this.lineId = source["lineId"];
	        this.eventId = source["eventId"];
	        this.methodCode = source["methodCode"];
	        this.title = source["title"];
	        this.start = source["start"];
	        this.jp = source["jp"];
	        this.status = source["status"];
	    }
	}
	export class BelowTarget {
	    employeeId: string;
	    nip: string;
	    name: string;
	    unitName: string;
	    positionName: string;
	    total: number;
	    shortfall: number;
	    plannedJp: number;
	    planned: PlannedItem[];
	
	    static createFrom(source: any = {}) {
	        return new BelowTarget(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.employeeId = source["employeeId"];
	        this.nip = source["nip"];
	        this.name = source["name"];
	        this.unitName = source["unitName"];
	        this.positionName = source["positionName"];
	        this.total = source["total"];
	        this.shortfall = source["shortfall"];
	        this.plannedJp = source["plannedJp"];
	        this.planned = this.convertValues(source["planned"], PlannedItem);
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
	export class UnitBudget {
	    unitId: string;
	    unitName: string;
	    summary: domain.BudgetSummary;
	
	    static createFrom(source: any = {}) {
	        return new UnitBudget(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.unitId = source["unitId"];
	        this.unitName = source["unitName"];
	        this.summary = this.convertValues(source["summary"], domain.BudgetSummary);
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
	export class BudgetReport {
	    year: number;
	    unitId: string;
	    total: domain.BudgetSummary;
	    units: UnitBudget[];
	
	    static createFrom(source: any = {}) {
	        return new BudgetReport(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.year = source["year"];
	        this.unitId = source["unitId"];
	        this.total = this.convertValues(source["total"], domain.BudgetSummary);
	        this.units = this.convertValues(source["units"], UnitBudget);
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
	export class IssuedCertificate {
	    participantId: string;
	    name: string;
	    certificateNo: string;
	
	    static createFrom(source: any = {}) {
	        return new IssuedCertificate(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.participantId = source["participantId"];
	        this.name = source["name"];
	        this.certificateNo = source["certificateNo"];
	    }
	}
	export class IncompleteParticipant {
	    participantId: string;
	    name: string;
	    presentDays: number;
	    days: number;
	
	    static createFrom(source: any = {}) {
	        return new IncompleteParticipant(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.participantId = source["participantId"];
	        this.name = source["name"];
	        this.presentDays = source["presentDays"];
	        this.days = source["days"];
	    }
	}
	export class CompletionResult {
	    completed: number;
	    incomplete: IncompleteParticipant[];
	    certificates: IssuedCertificate[];
	
	    static createFrom(source: any = {}) {
	        return new CompletionResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.completed = source["completed"];
	        this.incomplete = this.convertValues(source["incomplete"], IncompleteParticipant);
	        this.certificates = this.convertValues(source["certificates"], IssuedCertificate);
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
	export class UnitJP {
	    unitId: string;
	    unitName: string;
	    recap: domain.JPRecap;
	
	    static createFrom(source: any = {}) {
	        return new UnitJP(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.unitId = source["unitId"];
	        this.unitName = source["unitName"];
	        this.recap = this.convertValues(source["recap"], domain.JPRecap);
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
	export class Compliance {
	    year: number;
	    unitId: string;
	    target: number;
	    office: domain.JPRecap;
	    units: UnitJP[];
	    below: BelowTarget[];
	
	    static createFrom(source: any = {}) {
	        return new Compliance(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.year = source["year"];
	        this.unitId = source["unitId"];
	        this.target = source["target"];
	        this.office = this.convertValues(source["office"], domain.JPRecap);
	        this.units = this.convertValues(source["units"], UnitJP);
	        this.below = this.convertValues(source["below"], BelowTarget);
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
	export class Question {
	    id: string;
	    text: string;
	
	    static createFrom(source: any = {}) {
	        return new Question(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.text = source["text"];
	    }
	}
	export class DevelopmentSettings {
	    annualJpTarget: number;
	    minAttendance: number;
	    l3DelayDays: number;
	    reactionQuestions: Question[];
	    behaviourQuestions: Question[];
	    certificateFormat: string;
	    officeCode: string;
	    deviceCode: string;
	
	    static createFrom(source: any = {}) {
	        return new DevelopmentSettings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.annualJpTarget = source["annualJpTarget"];
	        this.minAttendance = source["minAttendance"];
	        this.l3DelayDays = source["l3DelayDays"];
	        this.reactionQuestions = this.convertValues(source["reactionQuestions"], Question);
	        this.behaviourQuestions = this.convertValues(source["behaviourQuestions"], Question);
	        this.certificateFormat = source["certificateFormat"];
	        this.officeCode = source["officeCode"];
	        this.deviceCode = source["deviceCode"];
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
	export class DraftResult {
	    created: number;
	    existing: number;
	    noAnalysis: number;
	    withoutNeeds: number;
	
	    static createFrom(source: any = {}) {
	        return new DraftResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.created = source["created"];
	        this.existing = source["existing"];
	        this.noAnalysis = source["noAnalysis"];
	        this.withoutNeeds = source["withoutNeeds"];
	    }
	}
	export class EvaluationSummary {
	    reaction?: number;
	    preTest?: number;
	    postTest?: number;
	    learningGain?: number;
	    behaviour?: number;
	    evaluated: Record<string, number>;
	    targetedGaps: number;
	    closedGaps: number;
	
	    static createFrom(source: any = {}) {
	        return new EvaluationSummary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.reaction = source["reaction"];
	        this.preTest = source["preTest"];
	        this.postTest = source["postTest"];
	        this.learningGain = source["learningGain"];
	        this.behaviour = source["behaviour"];
	        this.evaluated = source["evaluated"];
	        this.targetedGaps = source["targetedGaps"];
	        this.closedGaps = source["closedGaps"];
	    }
	}
	export class EventItem {
	    event: domain.TrainingEvent;
	    methodName: string;
	    participants: number;
	    completed: number;
	
	    static createFrom(source: any = {}) {
	        return new EventItem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.event = this.convertValues(source["event"], domain.TrainingEvent);
	        this.methodName = source["methodName"];
	        this.participants = source["participants"];
	        this.completed = source["completed"];
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
	export class EventQuery {
	    year: number;
	    text: string;
	    methodCode: string;
	
	    static createFrom(source: any = {}) {
	        return new EventQuery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.year = source["year"];
	        this.text = source["text"];
	        this.methodCode = source["methodCode"];
	    }
	}
	export class NeedLine {
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
	
	    static createFrom(source: any = {}) {
	        return new NeedLine(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.planId = source["planId"];
	        this.lineId = source["lineId"];
	        this.employeeId = source["employeeId"];
	        this.nip = source["nip"];
	        this.name = source["name"];
	        this.unitName = source["unitName"];
	        this.year = source["year"];
	        this.competencyCode = source["competencyCode"];
	        this.competencyName = source["competencyName"];
	        this.gap = source["gap"];
	        this.methodCode = source["methodCode"];
	        this.programme = source["programme"];
	        this.plannedStart = source["plannedStart"];
	        this.plannedJp = source["plannedJp"];
	        this.status = source["status"];
	    }
	}
	export class ParticipantView {
	    participant: domain.Participant;
	    employee: AnalysisEmployee;
	    attendance: Record<string, boolean>;
	    presentDays: number;
	    planLine?: NeedLine;
	    evaluations: domain.Evaluation[];
	    gapClosed?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ParticipantView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.participant = this.convertValues(source["participant"], domain.Participant);
	        this.employee = this.convertValues(source["employee"], AnalysisEmployee);
	        this.attendance = source["attendance"];
	        this.presentDays = source["presentDays"];
	        this.planLine = this.convertValues(source["planLine"], NeedLine);
	        this.evaluations = this.convertValues(source["evaluations"], domain.Evaluation);
	        this.gapClosed = source["gapClosed"];
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
	export class EventView {
	    event: domain.TrainingEvent;
	    method: domain.DevelopmentMethod;
	    days: string[];
	    participants: ParticipantView[];
	    certificateFormat: string;
	
	    static createFrom(source: any = {}) {
	        return new EventView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.event = this.convertValues(source["event"], domain.TrainingEvent);
	        this.method = this.convertValues(source["method"], domain.DevelopmentMethod);
	        this.days = source["days"];
	        this.participants = this.convertValues(source["participants"], ParticipantView);
	        this.certificateFormat = source["certificateFormat"];
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
	
	
	export class L3Reminder {
	    eventId: string;
	    eventName: string;
	    endDate: string;
	    dueDate: string;
	    participantId: string;
	    employeeId: string;
	    name: string;
	    unitName: string;
	
	    static createFrom(source: any = {}) {
	        return new L3Reminder(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.eventId = source["eventId"];
	        this.eventName = source["eventName"];
	        this.endDate = source["endDate"];
	        this.dueDate = source["dueDate"];
	        this.participantId = source["participantId"];
	        this.employeeId = source["employeeId"];
	        this.name = source["name"];
	        this.unitName = source["unitName"];
	    }
	}
	export class LayoutBox {
	    x: number;
	    y: number;
	    w: number;
	    size: number;
	    align: string;
	    bold: boolean;
	    hidden: boolean;
	
	    static createFrom(source: any = {}) {
	        return new LayoutBox(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.x = source["x"];
	        this.y = source["y"];
	        this.w = source["w"];
	        this.size = source["size"];
	        this.align = source["align"];
	        this.bold = source["bold"];
	        this.hidden = source["hidden"];
	    }
	}
	export class LineRef {
	    planId: string;
	    lineId: string;
	
	    static createFrom(source: any = {}) {
	        return new LineRef(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.planId = source["planId"];
	        this.lineId = source["lineId"];
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
	export class OfficeKey {
	    code: string;
	    publicKey: string;
	
	    static createFrom(source: any = {}) {
	        return new OfficeKey(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.publicKey = source["publicKey"];
	    }
	}
	
	export class PlanQuery {
	    year: number;
	    unitId: string;
	    state: string;
	    text: string;
	
	    static createFrom(source: any = {}) {
	        return new PlanQuery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.year = source["year"];
	        this.unitId = source["unitId"];
	        this.state = source["state"];
	        this.text = source["text"];
	    }
	}
	export class PlanSummary {
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
	
	    static createFrom(source: any = {}) {
	        return new PlanSummary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.employeeId = source["employeeId"];
	        this.nip = source["nip"];
	        this.name = source["name"];
	        this.unitId = source["unitId"];
	        this.unitName = source["unitName"];
	        this.positionName = source["positionName"];
	        this.year = source["year"];
	        this.state = source["state"];
	        this.lines = source["lines"];
	        this.doneLines = source["doneLines"];
	        this.plannedJp = source["plannedJp"];
	        this.plannedCost = source["plannedCost"];
	        this.realisedJp = source["realisedJp"];
	        this.approverName = source["approverName"];
	        this.updatedAt = source["updatedAt"];
	    }
	}
	export class PlanView {
	    plan: domain.DevelopmentPlan;
	    employee: AnalysisEmployee;
	    targetPositionName: string;
	    analysisPeriod: string;
	    plannedJp: number;
	    plannedCost: number;
	    realisedJp: number;
	    nextStates: string[];
	
	    static createFrom(source: any = {}) {
	        return new PlanView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.plan = this.convertValues(source["plan"], domain.DevelopmentPlan);
	        this.employee = this.convertValues(source["employee"], AnalysisEmployee);
	        this.targetPositionName = source["targetPositionName"];
	        this.analysisPeriod = source["analysisPeriod"];
	        this.plannedJp = source["plannedJp"];
	        this.plannedCost = source["plannedCost"];
	        this.realisedJp = source["realisedJp"];
	        this.nextStates = source["nextStates"];
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
	
	export class PrintSignatory {
	    title: string;
	    name: string;
	    nip: string;
	    signature: string;
	
	    static createFrom(source: any = {}) {
	        return new PrintSignatory(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.title = source["title"];
	        this.name = source["name"];
	        this.nip = source["nip"];
	        this.signature = source["signature"];
	    }
	}
	export class PrintSettings {
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
	    certificateLayout: Record<string, LayoutBox>;
	
	    static createFrom(source: any = {}) {
	        return new PrintSettings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.agency = source["agency"];
	        this.office = source["office"];
	        this.address = source["address"];
	        this.contact = source["contact"];
	        this.logo = source["logo"];
	        this.place = source["place"];
	        this.approver = this.convertValues(source["approver"], PrintSignatory);
	        this.recapSignatory = this.convertValues(source["recapSignatory"], PrintSignatory);
	        this.certificateSignatories = this.convertValues(source["certificateSignatories"], PrintSignatory);
	        this.certificateBackground = source["certificateBackground"];
	        this.certificateHeading = source["certificateHeading"];
	        this.issuingOffice = source["issuingOffice"];
	        this.verifyBaseUrl = source["verifyBaseUrl"];
	        this.certificateLayout = this.convertValues(source["certificateLayout"], LayoutBox, true);
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
	
	
	export class SettingsImported {
	    sections: string[];
	    officeKey: boolean;
	
	    static createFrom(source: any = {}) {
	        return new SettingsImported(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sections = source["sections"];
	        this.officeKey = source["officeKey"];
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
	export class BackupOverview {
	    dir: string;
	    keep: number;
	    backups: store.BackupInfo[];
	    // Go type: time
	    lastDaily?: any;
	    lastError?: ErrorDTO;
	
	    static createFrom(source: any = {}) {
	        return new BackupOverview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.dir = source["dir"];
	        this.keep = source["keep"];
	        this.backups = this.convertValues(source["backups"], store.BackupInfo);
	        this.lastDaily = this.convertValues(source["lastDaily"], null);
	        this.lastError = this.convertValues(source["lastError"], ErrorDTO);
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
	export class BundleExport {
	    path: string;
	    receipt: string;
	    seq: number;
	    mutations: number;
	    byEntity: Record<string, number>;
	    fileSha256: string;
	    size: number;
	    enrolment: boolean;
	
	    static createFrom(source: any = {}) {
	        return new BundleExport(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.receipt = source["receipt"];
	        this.seq = source["seq"];
	        this.mutations = source["mutations"];
	        this.byEntity = source["byEntity"];
	        this.fileSha256 = source["fileSha256"];
	        this.size = source["size"];
	        this.enrolment = source["enrolment"];
	    }
	}
	export class BundleImport {
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
	    pullSkipped: string;
	
	    static createFrom(source: any = {}) {
	        return new BundleImport(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.seq = source["seq"];
	        this.enrolled = source["enrolled"];
	        this.deviceId = source["deviceId"];
	        this.office = source["office"];
	        this.acknowledged = source["acknowledged"];
	        this.applied = source["applied"];
	        this.duplicates = source["duplicates"];
	        this.rejected = source["rejected"];
	        this.conflicts = source["conflicts"];
	        this.pulled = source["pulled"];
	        this.pullSkipped = source["pullSkipped"];
	    }
	}
	export class BundleStatus {
	    deviceId: string;
	    enrolled: boolean;
	    codePending: boolean;
	    serverPinned: boolean;
	    lastSeq: number;
	    lastReturnSeq: number;
	    // Go type: time
	    lastExport?: any;
	    // Go type: time
	    lastImport?: any;
	    pending: number;
	
	    static createFrom(source: any = {}) {
	        return new BundleStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.deviceId = source["deviceId"];
	        this.enrolled = source["enrolled"];
	        this.codePending = source["codePending"];
	        this.serverPinned = source["serverPinned"];
	        this.lastSeq = source["lastSeq"];
	        this.lastReturnSeq = source["lastReturnSeq"];
	        this.lastExport = this.convertValues(source["lastExport"], null);
	        this.lastImport = this.convertValues(source["lastImport"], null);
	        this.pending = source["pending"];
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
	export class DataFolder {
	    dir: string;
	    dbPath: string;
	    backupsDir: string;
	    source: string;
	    changeable: boolean;
	    pendingDir: string;
	    pendingMode: string;
	    lastMoveError: string;
	
	    static createFrom(source: any = {}) {
	        return new DataFolder(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.dir = source["dir"];
	        this.dbPath = source["dbPath"];
	        this.backupsDir = source["backupsDir"];
	        this.source = source["source"];
	        this.changeable = source["changeable"];
	        this.pendingDir = source["pendingDir"];
	        this.pendingMode = source["pendingMode"];
	        this.lastMoveError = source["lastMoveError"];
	    }
	}
	export class DraftJobStatus {
	    id: string;
	    done: number;
	    total: number;
	    finished: boolean;
	    result?: core.DraftResult;
	    error?: ErrorDTO;
	
	    static createFrom(source: any = {}) {
	        return new DraftJobStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.done = source["done"];
	        this.total = source["total"];
	        this.finished = source["finished"];
	        this.result = this.convertValues(source["result"], core.DraftResult);
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
	export class PrintParams {
	    employeeId: string;
	    nip: string;
	    eventId: string;
	    unitId: string;
	    period: string;
	    year: number;
	    format: string;
	
	    static createFrom(source: any = {}) {
	        return new PrintParams(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.employeeId = source["employeeId"];
	        this.nip = source["nip"];
	        this.eventId = source["eventId"];
	        this.unitId = source["unitId"];
	        this.period = source["period"];
	        this.year = source["year"];
	        this.format = source["format"];
	    }
	}
	export class PrintResult {
	    path: string;
	    fileName: string;
	    format: string;
	    sizeBytes: number;
	    pages: number;
	    pdfBase64: string;
	
	    static createFrom(source: any = {}) {
	        return new PrintResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.fileName = source["fileName"];
	        this.format = source["format"];
	        this.sizeBytes = source["sizeBytes"];
	        this.pages = source["pages"];
	        this.pdfBase64 = source["pdfBase64"];
	    }
	}
	export class RestoreResult {
	    safetyCopy: string;
	    schemaVersion: string;
	    employees: number;
	
	    static createFrom(source: any = {}) {
	        return new RestoreResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.safetyCopy = source["safetyCopy"];
	        this.schemaVersion = source["schemaVersion"];
	        this.employees = source["employees"];
	    }
	}
	export class SyncIssue {
	    id: string;
	    // Go type: time
	    createdAt: any;
	    kind: string;
	    entity: string;
	    entityId: string;
	    code: string;
	    field: string;
	    yours: string;
	    theirs: string;
	    yoursDevice: string;
	    theirsDevice: string;
	    dismissed: boolean;
	
	    static createFrom(source: any = {}) {
	        return new SyncIssue(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.createdAt = this.convertValues(source["createdAt"], null);
	        this.kind = source["kind"];
	        this.entity = source["entity"];
	        this.entityId = source["entityId"];
	        this.code = source["code"];
	        this.field = source["field"];
	        this.yours = source["yours"];
	        this.theirs = source["theirs"];
	        this.yoursDevice = source["yoursDevice"];
	        this.theirsDevice = source["theirsDevice"];
	        this.dismissed = source["dismissed"];
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
	export class SyncStatus {
	    state: string;
	    server: string;
	    deviceId: string;
	    // Go type: time
	    lastSuccess?: any;
	    pending: number;
	    held: number;
	    lastError: string;
	    issues: number;
	    auto: boolean;
	    deviceName: string;
	    byFile: boolean;
	
	    static createFrom(source: any = {}) {
	        return new SyncStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.state = source["state"];
	        this.server = source["server"];
	        this.deviceId = source["deviceId"];
	        this.lastSuccess = this.convertValues(source["lastSuccess"], null);
	        this.pending = source["pending"];
	        this.held = source["held"];
	        this.lastError = source["lastError"];
	        this.issues = source["issues"];
	        this.auto = source["auto"];
	        this.deviceName = source["deviceName"];
	        this.byFile = source["byFile"];
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

export namespace domain {
	
	export class Approver {
	    name: string;
	    nip: string;
	
	    static createFrom(source: any = {}) {
	        return new Approver(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.nip = source["nip"];
	    }
	}
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
	export class Attendance {
	    id: string;
	    version: number;
	    // Go type: time
	    updatedAt: any;
	    updatedByDevice: string;
	    deleted: boolean;
	    eventId: string;
	    participantId: string;
	    date: string;
	    present: boolean;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new Attendance(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.updatedAt = this.convertValues(source["updatedAt"], null);
	        this.updatedByDevice = source["updatedByDevice"];
	        this.deleted = source["deleted"];
	        this.eventId = source["eventId"];
	        this.participantId = source["participantId"];
	        this.date = source["date"];
	        this.present = source["present"];
	        this.note = source["note"];
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
	export class Award {
	    id: string;
	    version: number;
	    // Go type: time
	    updatedAt: any;
	    updatedByDevice: string;
	    deleted: boolean;
	    year: number;
	    kind: string;
	    employeeId: string;
	    recipientName: string;
	    title: string;
	    awardedOn: string;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new Award(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.updatedAt = this.convertValues(source["updatedAt"], null);
	        this.updatedByDevice = source["updatedByDevice"];
	        this.deleted = source["deleted"];
	        this.year = source["year"];
	        this.kind = source["kind"];
	        this.employeeId = source["employeeId"];
	        this.recipientName = source["recipientName"];
	        this.title = source["title"];
	        this.awardedOn = source["awardedOn"];
	        this.note = source["note"];
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
	export class BudgetSummary {
	    planned: number;
	    realised: number;
	    variance: number;
	    jp: number;
	    costPerJp: number;
	    absorption: number;
	
	    static createFrom(source: any = {}) {
	        return new BudgetSummary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.planned = source["planned"];
	        this.realised = source["realised"];
	        this.variance = source["variance"];
	        this.jp = source["jp"];
	        this.costPerJp = source["costPerJp"];
	        this.absorption = source["absorption"];
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
	export class JPRule {
	    kind: string;
	    national: number;
	    international: number;
	    maxPerDay: number;
	    maxPerMonth: number;
	    unverified: boolean;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new JPRule(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.national = source["national"];
	        this.international = source["international"];
	        this.maxPerDay = source["maxPerDay"];
	        this.maxPerMonth = source["maxPerMonth"];
	        this.unverified = source["unverified"];
	        this.note = source["note"];
	    }
	}
	export class DevelopmentMethod {
	    code: string;
	    name: string;
	    nameEn: string;
	    route: string;
	    form: string;
	    jenisDiklat: string;
	    siasnRecord: string;
	    jp: JPRule;
	    planningJp: number;
	    programmes?: string[];
	    note?: string;
	
	    static createFrom(source: any = {}) {
	        return new DevelopmentMethod(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.name = source["name"];
	        this.nameEn = source["nameEn"];
	        this.route = source["route"];
	        this.form = source["form"];
	        this.jenisDiklat = source["jenisDiklat"];
	        this.siasnRecord = source["siasnRecord"];
	        this.jp = this.convertValues(source["jp"], JPRule);
	        this.planningJp = source["planningJp"];
	        this.programmes = source["programmes"];
	        this.note = source["note"];
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
	export class PlanEvent {
	    seq: number;
	    // Go type: time
	    at: any;
	    from: string;
	    to: string;
	    actorName: string;
	    actorNip: string;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new PlanEvent(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.seq = source["seq"];
	        this.at = this.convertValues(source["at"], null);
	        this.from = source["from"];
	        this.to = source["to"];
	        this.actorName = source["actorName"];
	        this.actorNip = source["actorNip"];
	        this.reason = source["reason"];
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
	export class PlanLine {
	    id: string;
	    priority: number;
	    competencyCode: string;
	    competencyType: string;
	    standard: number;
	    actual: number;
	    gap: number;
	    goal: string;
	    form: string;
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
	
	    static createFrom(source: any = {}) {
	        return new PlanLine(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.priority = source["priority"];
	        this.competencyCode = source["competencyCode"];
	        this.competencyType = source["competencyType"];
	        this.standard = source["standard"];
	        this.actual = source["actual"];
	        this.gap = source["gap"];
	        this.goal = source["goal"];
	        this.form = source["form"];
	        this.methodCode = source["methodCode"];
	        this.alternatives = source["alternatives"];
	        this.programme = source["programme"];
	        this.provider = source["provider"];
	        this.plannedStart = source["plannedStart"];
	        this.plannedEnd = source["plannedEnd"];
	        this.plannedJp = source["plannedJp"];
	        this.cost = source["cost"];
	        this.fundingSource = source["fundingSource"];
	        this.status = source["status"];
	        this.trainingRecordId = source["trainingRecordId"];
	        this.realisedJp = source["realisedJp"];
	    }
	}
	export class GapLine {
	    code: string;
	    standard: number;
	    actual: number;
	    assessed: boolean;
	    gap: number;
	
	    static createFrom(source: any = {}) {
	        return new GapLine(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.standard = source["standard"];
	        this.actual = source["actual"];
	        this.assessed = source["assessed"];
	        this.gap = source["gap"];
	    }
	}
	export class DevelopmentPlan {
	    id: string;
	    version: number;
	    // Go type: time
	    updatedAt: any;
	    updatedByDevice: string;
	    deleted: boolean;
	    employeeId: string;
	    year: number;
	    targetPositionId?: string;
	    targetGaps: GapLine[];
	    state: string;
	    stateSeq: number;
	    approverName: string;
	    approverNip: string;
	    // Go type: time
	    approvedAt?: any;
	    revisionReason: string;
	    note: string;
	    lines: PlanLine[];
	    history: PlanEvent[];
	
	    static createFrom(source: any = {}) {
	        return new DevelopmentPlan(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.updatedAt = this.convertValues(source["updatedAt"], null);
	        this.updatedByDevice = source["updatedByDevice"];
	        this.deleted = source["deleted"];
	        this.employeeId = source["employeeId"];
	        this.year = source["year"];
	        this.targetPositionId = source["targetPositionId"];
	        this.targetGaps = this.convertValues(source["targetGaps"], GapLine);
	        this.state = source["state"];
	        this.stateSeq = source["stateSeq"];
	        this.approverName = source["approverName"];
	        this.approverNip = source["approverNip"];
	        this.approvedAt = this.convertValues(source["approvedAt"], null);
	        this.revisionReason = source["revisionReason"];
	        this.note = source["note"];
	        this.lines = this.convertValues(source["lines"], PlanLine);
	        this.history = this.convertValues(source["history"], PlanEvent);
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
	export class DraftingRule {
	    competencyType: string;
	    minGap: number;
	    maxGap: number;
	    methods: string[];
	    note?: string;
	
	    static createFrom(source: any = {}) {
	        return new DraftingRule(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.competencyType = source["competencyType"];
	        this.minGap = source["minGap"];
	        this.maxGap = source["maxGap"];
	        this.methods = source["methods"];
	        this.note = source["note"];
	    }
	}
	export class EvaluationAnswer {
	    questionId: string;
	    value: number;
	
	    static createFrom(source: any = {}) {
	        return new EvaluationAnswer(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.questionId = source["questionId"];
	        this.value = source["value"];
	    }
	}
	export class Evaluation {
	    id: string;
	    version: number;
	    // Go type: time
	    updatedAt: any;
	    updatedByDevice: string;
	    deleted: boolean;
	    eventId: string;
	    participantId: string;
	    employeeId: string;
	    level: number;
	    instrument: string;
	    date: string;
	    score?: number;
	    preScore?: number;
	    answers: EvaluationAnswer[];
	    evaluatorName: string;
	    evaluatorNip: string;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new Evaluation(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.updatedAt = this.convertValues(source["updatedAt"], null);
	        this.updatedByDevice = source["updatedByDevice"];
	        this.deleted = source["deleted"];
	        this.eventId = source["eventId"];
	        this.participantId = source["participantId"];
	        this.employeeId = source["employeeId"];
	        this.level = source["level"];
	        this.instrument = source["instrument"];
	        this.date = source["date"];
	        this.score = source["score"];
	        this.preScore = source["preScore"];
	        this.answers = this.convertValues(source["answers"], EvaluationAnswer);
	        this.evaluatorName = source["evaluatorName"];
	        this.evaluatorNip = source["evaluatorNip"];
	        this.note = source["note"];
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
	export class JPRecap {
	    count: number;
	    compliant: number;
	    belowTarget: number;
	    totalJp: number;
	    averageJp: number;
	    complianceRate: number;
	    totalShortfall: number;
	
	    static createFrom(source: any = {}) {
	        return new JPRecap(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.count = source["count"];
	        this.compliant = source["compliant"];
	        this.belowTarget = source["belowTarget"];
	        this.totalJp = source["totalJp"];
	        this.averageJp = source["averageJp"];
	        this.complianceRate = source["complianceRate"];
	        this.totalShortfall = source["totalShortfall"];
	    }
	}
	
	export class JPSummary {
	    employeeId: string;
	    unitId: string;
	    year: number;
	    target: number;
	    total: number;
	    belowTarget: boolean;
	    shortfall: number;
	    byMethod: Record<string, number>;
	    activities: number;
	
	    static createFrom(source: any = {}) {
	        return new JPSummary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.employeeId = source["employeeId"];
	        this.unitId = source["unitId"];
	        this.year = source["year"];
	        this.target = source["target"];
	        this.total = source["total"];
	        this.belowTarget = source["belowTarget"];
	        this.shortfall = source["shortfall"];
	        this.byMethod = source["byMethod"];
	        this.activities = source["activities"];
	    }
	}
	export class LearningActivity {
	    id: string;
	    version: number;
	    // Go type: time
	    updatedAt: any;
	    updatedByDevice: string;
	    deleted: boolean;
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
	
	    static createFrom(source: any = {}) {
	        return new LearningActivity(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.updatedAt = this.convertValues(source["updatedAt"], null);
	        this.updatedByDevice = source["updatedByDevice"];
	        this.deleted = source["deleted"];
	        this.employeeId = source["employeeId"];
	        this.methodCode = source["methodCode"];
	        this.title = source["title"];
	        this.provider = source["provider"];
	        this.startDate = source["startDate"];
	        this.endDate = source["endDate"];
	        this.days = source["days"];
	        this.sessions = source["sessions"];
	        this.statedJp = source["statedJp"];
	        this.international = source["international"];
	        this.jp = source["jp"];
	        this.jpManual = source["jpManual"];
	        this.evidence = source["evidence"];
	        this.planId = source["planId"];
	        this.planLineId = source["planLineId"];
	        this.trainingRecordId = source["trainingRecordId"];
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
	export class Participant {
	    id: string;
	    version: number;
	    // Go type: time
	    updatedAt: any;
	    updatedByDevice: string;
	    deleted: boolean;
	    eventId: string;
	    employeeId: string;
	    planId: string;
	    planLineId: string;
	    status: string;
	    certificateNo: string;
	    trainingRecordId: string;
	    completedOn: string;
	
	    static createFrom(source: any = {}) {
	        return new Participant(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.updatedAt = this.convertValues(source["updatedAt"], null);
	        this.updatedByDevice = source["updatedByDevice"];
	        this.deleted = source["deleted"];
	        this.eventId = source["eventId"];
	        this.employeeId = source["employeeId"];
	        this.planId = source["planId"];
	        this.planLineId = source["planLineId"];
	        this.status = source["status"];
	        this.certificateNo = source["certificateNo"];
	        this.trainingRecordId = source["trainingRecordId"];
	        this.completedOn = source["completedOn"];
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
	export class TrainingEvent {
	    id: string;
	    version: number;
	    // Go type: time
	    updatedAt: any;
	    updatedByDevice: string;
	    deleted: boolean;
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
	
	    static createFrom(source: any = {}) {
	        return new TrainingEvent(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.updatedAt = this.convertValues(source["updatedAt"], null);
	        this.updatedByDevice = source["updatedByDevice"];
	        this.deleted = source["deleted"];
	        this.officeId = source["officeId"];
	        this.code = source["code"];
	        this.name = source["name"];
	        this.methodCode = source["methodCode"];
	        this.route = source["route"];
	        this.provider = source["provider"];
	        this.venue = source["venue"];
	        this.online = source["online"];
	        this.international = source["international"];
	        this.batch = source["batch"];
	        this.startDate = source["startDate"];
	        this.endDate = source["endDate"];
	        this.days = source["days"];
	        this.statedJp = source["statedJp"];
	        this.jp = source["jp"];
	        this.jpManual = source["jpManual"];
	        this.budget = source["budget"];
	        this.realisedCost = source["realisedCost"];
	        this.fundingSource = source["fundingSource"];
	        this.certificateFormat = source["certificateFormat"];
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
	export class TrainingRecord {
	    id: string;
	    version: number;
	    // Go type: time
	    updatedAt: any;
	    updatedByDevice: string;
	    deleted: boolean;
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
	
	    static createFrom(source: any = {}) {
	        return new TrainingRecord(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.updatedAt = this.convertValues(source["updatedAt"], null);
	        this.updatedByDevice = source["updatedByDevice"];
	        this.deleted = source["deleted"];
	        this.employeeId = source["employeeId"];
	        this.nip = source["nip"];
	        this.methodCode = source["methodCode"];
	        this.route = source["route"];
	        this.jenisDiklat = source["jenisDiklat"];
	        this.siasnRecord = source["siasnRecord"];
	        this.name = source["name"];
	        this.provider = source["provider"];
	        this.certificateNo = source["certificateNo"];
	        this.startDate = source["startDate"];
	        this.endDate = source["endDate"];
	        this.year = source["year"];
	        this.jp = source["jp"];
	        this.location = source["location"];
	        this.online = source["online"];
	        this.international = source["international"];
	        this.eventId = source["eventId"];
	        this.participantId = source["participantId"];
	        this.learningActivityId = source["learningActivityId"];
	        this.fileRef = source["fileRef"];
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

export namespace store {
	
	export class BackupInfo {
	    name: string;
	    path: string;
	    kind: string;
	    migration: string;
	    // Go type: time
	    createdAt: any;
	    sizeBytes: number;
	
	    static createFrom(source: any = {}) {
	        return new BackupInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.path = source["path"];
	        this.kind = source["kind"];
	        this.migration = source["migration"];
	        this.createdAt = this.convertValues(source["createdAt"], null);
	        this.sizeBytes = source["sizeBytes"];
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

