// Assessment workflow helpers (pure). They mirror backend/domain/assessment.go
// so the UI offers only moves the backend allows; the backend still decides.
import type { AssessmentDTO, AssessmentState } from '../api/types';

/**
 * The states an assessment may move to now:
 * draft → submitted, submitted → draft | finalized, and draft → finalized
 * only for assessor and test results (they transcribe a concluded report).
 */
export function nextStates(method: string, state: string): AssessmentState[] {
  switch (state || 'draft') {
    case 'draft':
      return method === 'assessor' || method === 'test' ? ['submitted', 'finalized'] : ['submitted'];
    case 'submitted':
      return ['draft', 'finalized'];
    default:
      return [];
  }
}

export const hasAnyLevel = (a: Pick<AssessmentDTO, 'items'>): boolean => a.items.some((i) => i.level >= 1 && i.level <= 5);

/** The current (not superseded) assessment for a period and method, if any. */
export function currentOf(list: readonly AssessmentDTO[], period: string, method: string): AssessmentDTO | null {
  return list.find((a) => a.period === period && a.method === method && !a.supersededById) ?? null;
}
