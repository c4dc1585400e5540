import { useState } from 'react';
import { ackEvent, clockEvent, noteEvent, notifyEvent, phaseEvent, tickEvent } from '../../domain/actions.ts';
import { checklistRows } from '../../domain/checklist.ts';
import type { Clock } from '../../domain/clocks.ts';
import type { IncidentState } from '../../domain/fold.ts';
import type { Phase } from '../../domain/incident.ts';
import { checkPhaseChange, nextPhase } from '../../domain/lifecycle.ts';
import { useDashboardData } from '../context/data-context.tsx';
import { useActor } from './use-actor.ts';

export type ClockAction = 'waived' | 'paused' | 'resumed';
const NOTE_TAGS = [undefined, 'lesson', 'action-item'] as const;

/** What the detail screen is asking the analyst, if anything. */
export type DetailModal =
  | { kind: 'note'; tag: (typeof NOTE_TAGS)[number] }
  | { kind: 'notify'; options: { audience: string; rule: string; label: string }[] }
  | { kind: 'confirm-phase'; phase: Phase }
  | { kind: 'pick-clock'; clocks: Clock[] }
  | { kind: 'pick-clock-action'; clock: Clock; actions: ClockAction[] }
  | { kind: 'clock-reason'; clock: Clock; action: ClockAction };

/**
 * The detail screen's actions and the questions they ask. Every action is one event published
 * through the source: shown at once, pending until the feed acks it.
 */
export function useDetailActions(state: IncidentState, clocks: Clock[], selectedItem: () => number, say: (text: string, tone?: 'info' | 'error') => void) {
  const { source, config } = useDashboardData();
  const actor = useActor();
  const [modal, setModal] = useState<DetailModal | undefined>(undefined);
  const id = state.id;
  const publish = (event: Parameters<typeof source.publish>[0], text: string) => {
    source.publish(event);
    say(text);
  };

  return {
    modal,
    cancel: () => setModal(undefined),
    toggle() {
      // The incident as it is now, which a tick earlier in the same burst of keys may have changed.
      const current = source.states().get(id) ?? state;
      const row = checklistRows(config.checklist, current)[selectedItem()];
      if (row) publish(tickEvent(id, row.id, !row.done, actor()), `${row.done ? 'unticked' : 'ticked'} "${row.label}"`);
    },
    ack() {
      if (state.acknowledged) return say(`${id} is already acknowledged`, 'error');
      publish(ackEvent(id, actor()), `acknowledged ${id}`);
    },
    startNote: () => setModal({ kind: 'note', tag: undefined }),
    cycleNoteTag: () =>
      setModal((m) => (m?.kind === 'note' ? { ...m, tag: NOTE_TAGS[(NOTE_TAGS.indexOf(m.tag) + 1) % NOTE_TAGS.length] } : m)),
    submitNote(text: string) {
      if (modal?.kind !== 'note') return;
      if (!text.trim()) return say('a note needs some text', 'error');
      setModal(undefined);
      publish(noteEvent(id, text.trim(), modal.tag, actor()), 'note added');
    },
    startNotify() {
      const open = clocks.filter((c) => c.state !== 'met' && c.state !== 'waived');
      if (!open.length) return say('no open clock to notify for', 'error');
      setModal({ kind: 'notify', options: open.map((c) => ({ audience: c.audience, rule: c.rule, label: `${c.label} → ${c.audience}` })) });
    },
    pickNotify(index: number) {
      if (modal?.kind !== 'notify') return;
      const o = modal.options[index]!;
      setModal(undefined);
      publish(notifyEvent(id, o.audience, o.rule, actor()), `recorded: notified ${o.audience}`);
    },
    startPhase() {
      const check = checkPhaseChange(state, nextPhase(state.phase), config.checklist);
      if (!check.ok) return say(check.reason, 'error');
      setModal({ kind: 'confirm-phase', phase: check.phase });
    },
    confirmPhase(yes: boolean) {
      if (modal?.kind !== 'confirm-phase') return;
      setModal(undefined);
      if (yes) publish(phaseEvent(id, modal.phase, actor()), `${id} → ${modal.phase}`);
    },
    startClock() {
      const open = clocks.filter((c) => c.state !== 'met' && c.state !== 'waived');
      if (!open.length) return say('no open clock to waive or pause', 'error');
      setModal({ kind: 'pick-clock', clocks: open });
    },
    pickClock(index: number) {
      if (modal?.kind !== 'pick-clock') return;
      const clock = modal.clocks[index]!;
      const actions: ClockAction[] = clock.state === 'paused' ? ['resumed', 'waived'] : ['waived', 'paused'];
      setModal({ kind: 'pick-clock-action', clock, actions });
    },
    pickClockAction(index: number) {
      if (modal?.kind !== 'pick-clock-action') return;
      setModal({ kind: 'clock-reason', clock: modal.clock, action: modal.actions[index]! });
    },
    submitReason(text: string) {
      if (modal?.kind !== 'clock-reason') return;
      if (!text.trim()) return say('a reason is required', 'error');
      setModal(undefined);
      publish(clockEvent(id, modal.action, modal.clock.rule, text.trim(), actor()), `${modal.clock.label}: ${modal.action}`);
    },
  };
}
