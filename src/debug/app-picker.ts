// The debug console's app picker (issue 11 point 7): the apps authorized for this API in the chosen
// stage come first and are marked, the others follow, marked not authorized (the gateway refuses their
// calls with APIG.0302-like auth errors, which is worth knowing before sending).
import type { DebugAppChoice } from './types.ts';

/** One APP authorization of the API (4.18.6): which app, in which environment (by name). */
export interface DebugAuthorization {
  appId: string;
  envName: string;
}

export interface PickerApp extends DebugAppChoice {
  authorized: boolean;
}

/** Authorized in `stage` first (in list order), then the others; stage names compare case-insensitively. */
export function orderAppsForStage(
  apps: readonly DebugAppChoice[],
  auths: readonly DebugAuthorization[],
  stage: string,
): PickerApp[] {
  const want = stage.trim().toUpperCase();
  const ok = new Set(auths.filter((a) => a.envName.toUpperCase() === want).map((a) => a.appId));
  const marked = apps.map((a) => ({ ...a, authorized: ok.has(a.id) }));
  return [...marked.filter((a) => a.authorized), ...marked.filter((a) => !a.authorized)];
}

/** The picker's value: "name · authorized in RELEASE" (or "not authorized", or "authorizations unknown"). */
export function pickerLabel(app: PickerApp, stage: string, known: boolean): string {
  if (!known) return `${app.name} · authorizations unknown`;
  return `${app.name} · ${app.authorized ? 'authorized' : 'not authorized'} in ${stage}`;
}
