// The development-method catalogue and the development settings, loaded once
// and shared by the plan, training and JP screens.
import { devDashboardApi, planApi, type DevelopmentMethod, type DevelopmentSettings } from '../api';
import { i18n } from '../i18n/index.svelte';
import { methodName } from './development';

export const devRefs = $state<{ methods: DevelopmentMethod[]; settings: DevelopmentSettings | null }>({ methods: [], settings: null });

export async function loadMethods(): Promise<void> {
  if (devRefs.methods.length === 0) devRefs.methods = await planApi.methods();
}

export async function loadDevSettings(force = false): Promise<void> {
  if (force || !devRefs.settings) devRefs.settings = await devDashboardApi.settings();
}

export function methodByCode(code: string): DevelopmentMethod | undefined {
  return devRefs.methods.find((m) => m.code === code);
}

/** The method's name in the UI language; the code itself when unknown. */
export function methodLabel(code: string): string {
  return methodName(methodByCode(code), i18n.locale, code);
}

/** The method's name in the UI language; `fallback` (a name the server sent) while the catalogue is not loaded. */
export function methodLabelOr(code: string, fallback: string): string {
  return methodName(methodByCode(code), i18n.locale, fallback);
}

/** The current year, the default of every year filter. */
export const thisYear = (): number => new Date().getFullYear();
