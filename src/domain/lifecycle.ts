import { type ChecklistConfig, missingMandatory } from './checklist.ts';
import type { IncidentState } from './fold.ts';
import { type Phase, PHASES } from './incident.ts';

/** The phase after `phase` in the seed's lifecycle; none after closed or a false positive. */
export function nextPhase(phase: Phase): Phase | undefined {
  if (phase === 'false-positive' || phase === 'closed') return undefined;
  const i = PHASES.indexOf(phase);
  return PHASES[i + 1];
}

export type PhaseCheck = { ok: true; phase: Phase } | { ok: false; reason: string };

/** Whether the incident may move to `target`: closing with mandatory checklist items open is refused. */
export function checkPhaseChange(state: IncidentState, target: Phase | undefined, checklist: ChecklistConfig): PhaseCheck {
  if (!target) return { ok: false, reason: `${state.id} is ${state.phase}: there is no next phase` };
  if (target === 'closed') {
    const missing = missingMandatory(checklist, state);
    if (missing.length) {
      return { ok: false, reason: `cannot close ${state.id}: mandatory items open — ${missing.map((m) => m.label).join('; ')}` };
    }
  }
  return { ok: true, phase: target };
}
