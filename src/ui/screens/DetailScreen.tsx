import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { computeClocks } from '../../domain/clocks.ts';
import { clockContext } from '../../domain/context.ts';
import type { IncidentState } from '../../domain/fold.ts';
import { truncate } from '../../domain/text.ts';
import { renderChecklist } from '../../print/checklist.ts';
import { printModel } from '../../print/model.ts';
import { Picker, Prompt } from '../components/Prompt.tsx';
import { useNow } from '../context/clock-context.tsx';
import { useDashboardData } from '../context/data-context.tsx';
import { useKeys } from '../context/key-context.tsx';
import { useTheme } from '../context/theme-context.tsx';
import { type DetailModal, useDetailActions } from '../hooks/use-detail-actions.ts';
import { checklistLines, clockLine, fieldLines, timelineLines } from '../model/detail-lines.ts';

interface Props {
  state: IncidentState;
  error?: string;
  item: number;
  /** The selected item as of the last key, which may be newer than `item` (the last render's). */
  latestItem: () => number;
  width: number;
  height: number;
  onBack: () => void;
  onItem: (by: number, items: number) => void;
  say: (text: string, tone?: 'info' | 'error') => void;
}

/** One incident: its fields, every clock, the checklist (ticked by keyboard) and the audit trail. */
export function DetailScreen({ state, error, item, latestItem, width, height, onBack, onItem, say }: Props) {
  const { config, pending, source, wall, saveFile } = useDashboardData();
  const now = useNow();
  const theme = useTheme();
  // An action taken this second counts this second: the tick's `now` is the second's start.
  const at = state.last && state.last.at > now && state.last.at - now < 1_000 ? state.last.at : now;
  const clocks = useMemo(() => computeClocks(state, at, clockContext(config)), [state, at, config]);
  const items = checklistLines(config, state, pending);
  // The log changes only when the state does: read it once per state, not once per tick.
  const timeline = useMemo(() => timelineLines(source.timeline(state.id), config.displayZone, pending), [source, state, config, pending]);
  const actions = useDetailActions(state, clocks, latestItem, say);

  useKeys(10, {
    up: () => onItem(-1, items.length),
    down: () => onItem(1, items.length),
    back: onBack,
    print: () => {
      try {
        const path = saveFile(`${state.id}-checklist.txt`, renderChecklist(printModel(state, config, at), 'txt'));
        say(`checklist written to ${path}`);
      } catch (e) {
        say(`could not write the checklist: ${(e as Error).message}`, 'error');
      }
    },
    ...(wall
      ? {}
      : {
          toggle: actions.toggle,
          note: actions.startNote,
          ack: actions.ack,
          notify: actions.startNotify,
          phase: actions.startPhase,
          clock: actions.startClock,
        }),
  });

  const allFields = fieldLines(state, config);
  const rows = detailRows(height, {
    fields: allFields.length,
    clocks: clocks.length,
    items: items.length,
    modal: actions.modal ? modalHeight(actions.modal) : 0,
    error: error ? Math.ceil((error.length + 2) / width) : 0,
  });
  const fields = allFields.slice(0, rows.fields);
  // The checklist scrolls so the cursor is always on screen.
  const itemStart = Math.max(0, Math.min(item - rows.items + 1, items.length - rows.items));
  const timelineRows = rows.timeline;
  const line = (text: string) => truncate(text, width);

  return (
    <Box flexDirection="column" width={width} height={height}>
      {fields.map((f, i) => (
        <Text key={`f${i}`} bold={i === 0} color={i === 0 ? theme.accent : f.startsWith('⚠') ? theme.clock['due-soon'] : undefined}>
          {line(f)}
        </Text>
      ))}
      {error ? (
        <Text wrap="wrap" bold color={theme.clock.breached}>
          {`⚠ ${error}`}
        </Text>
      ) : null}
      <Text bold>{line(`CLOCKS (${clocks.length})`)}</Text>
      {clocks.slice(0, rows.clocks).map((c) => {
        const l = clockLine(c, now, config.displayZone);
        return (
          <Text key={c.rule} color={theme.clock[l.state]}>
            {line(`  ${l.text}`)}
          </Text>
        );
      })}
      <Text bold>{line(`CHECKLIST  (${items.filter((i) => i.done).length}/${items.length}, * mandatory)${itemStart ? `  ↑${itemStart}` : ''}`)}</Text>
      {items.slice(itemStart, itemStart + rows.items).map((it, k) => {
        const i = itemStart + k;
        return (
          <Text key={`c${i}`} inverse={i === item} color={it.pending ? theme.clock['due-soon'] : undefined}>
            {line(`${i === item ? '›' : ' '} ${it.text}`)}
          </Text>
        );
      })}
      {timelineRows > 1 ? <Text bold>{line('TIMELINE')}</Text> : null}
      {timeline.slice(-Math.max(0, timelineRows - 1)).slice(0, Math.max(0, timelineRows - 1)).map((t, i) => (
        <Text key={`t${i}`} color={theme.muted}>
          {line(`  ${t}`)}
        </Text>
      ))}
      {actions.modal ? <ModalView modal={actions.modal} actions={actions} width={Math.min(width, 100)} /> : null}
    </Box>
  );
}

const modalHeight = (m: DetailModal) =>
  m.kind === 'notify' ? m.options.length + 3 : m.kind === 'pick-clock' ? m.clocks.length + 3 : m.kind === 'pick-clock-action' || m.kind === 'confirm-phase' ? 5 : 5;

/**
 * How the detail's rows are shared at this height: the open question and any error first, then
 * the head of the fields, the clocks, as much of the checklist as fits, and the timeline last.
 */
export function detailRows(height: number, n: { fields: number; clocks: number; items: number; modal: number; error: number }) {
  let left = height - n.modal - n.error - 2; // CLOCKS and CHECKLIST headings
  const fields = Math.min(n.fields, height >= 30 ? n.fields : 3, Math.max(1, left - 3));
  left -= fields;
  const clocks = Math.min(n.clocks, 6, Math.max(1, Math.floor(left / 4)));
  left -= clocks;
  const items = Math.max(1, Math.min(n.items, left));
  left -= items;
  return { fields, clocks, items, timeline: Math.max(0, left) };
}

function ModalView({ modal, actions, width }: { modal: DetailModal; actions: ReturnType<typeof useDetailActions>; width: number }) {
  switch (modal.kind) {
    case 'note':
      return (
        <Prompt
          label={`Note — tag: ${modal.tag ?? 'none'} (Tab changes it)`}
          hint="Enter adds the note · Esc cancels"
          width={width}
          onSubmit={actions.submitNote}
          onCancel={actions.cancel}
          onTab={actions.cycleNoteTag}
        />
      );
    case 'notify':
      return (
        <Picker
          label="Record a notification sent to…"
          options={modal.options.map((o) => o.label)}
          width={width}
          onPick={actions.pickNotify}
          onCancel={actions.cancel}
        />
      );
    case 'confirm-phase':
      return (
        <Picker
          label={`Move to ${modal.phase}?`}
          options={[`yes, move to ${modal.phase}`, 'no']}
          width={width}
          onPick={(i) => actions.confirmPhase(i === 0)}
          onCancel={actions.cancel}
        />
      );
    case 'pick-clock':
      return (
        <Picker
          label="Which clock?"
          options={modal.clocks.map((c) => `${c.label} → ${c.audience} (${c.state})`)}
          width={width}
          onPick={actions.pickClock}
          onCancel={actions.cancel}
        />
      );
    case 'pick-clock-action':
      return (
        <Picker
          label={`${modal.clock.label}: do what?`}
          options={modal.actions.map((a) => ({ waived: 'waive', paused: 'pause', resumed: 'resume' })[a])}
          width={width}
          onPick={actions.pickClockAction}
          onCancel={actions.cancel}
        />
      );
    case 'clock-reason':
      return (
        <Prompt
          label={`Reason to ${({ waived: 'waive', paused: 'pause', resumed: 'resume' })[modal.action]} ${modal.clock.label} (required)`}
          hint="Enter records it · Esc cancels"
          width={width}
          onSubmit={actions.submitReason}
          onCancel={actions.cancel}
        />
      );
  }
}
