// Reference lists shared by several screens (units, positions, golongan).
// Screens call loadRefs() when they open and after they change something.
import { employeeApi, orgApi, type Golongan, type Position, type Unit } from '../api';
import { buildTree, flattenTree, type FlatNode } from './tree';

export const refs = $state<{ units: Unit[]; positions: Position[]; golongans: Golongan[] }>({
  units: [],
  positions: [],
  golongans: [],
});

export async function loadUnits(): Promise<void> {
  refs.units = await orgApi.listUnits();
}
export async function loadPositions(): Promise<void> {
  refs.positions = await orgApi.listPositions();
}
export async function loadGolongans(): Promise<void> {
  if (refs.golongans.length === 0) refs.golongans = await employeeApi.golongans();
}
export async function loadRefs(): Promise<void> {
  await Promise.all([loadUnits(), loadPositions(), loadGolongans()]);
}

/** Units depth-first, for indented lists and selects. */
export function unitOptions(units: readonly Unit[]): FlatNode<Unit>[] {
  return flattenTree(buildTree(units));
}

/** "   Subbag Umum" with non-breaking indentation for <option>. */
export function indentLabel(name: string, depth: number): string {
  return '\u00a0\u00a0\u00a0'.repeat(depth) + (depth > 0 ? '└ ' : '') + name;
}
