import type { Config } from '../config/schema.ts';
import { missingMandatory } from '../domain/checklist.ts';
import { computeClocks } from '../domain/clocks.ts';
import { clockContext } from '../domain/context.ts';
import type { IncidentEvent } from '../domain/event.ts';
import { type IncidentState, isOpen } from '../domain/fold.ts';
import { SEVERITIES } from '../domain/incident.ts';
import { HOUR, toMs } from '../domain/instant.ts';
import { formatInstant } from '../domain/zoned.ts';
import { wrap } from '../domain/text.ts';
import { md, txt } from './escape.ts';
import { clockDetail } from './model.ts';

export const HANDOFF_FORMATS = ['txt', 'md'] as const;
export type HandoffFormat = (typeof HANDOFF_FORMATS)[number];

/**
 * The shift summary: open incidents by severity, pending mandatory items, deadlines due in the
 * next `hours`, and what changed during the last `hours`.
 */
export function handoff(states: readonly IncidentState[], events: readonly IncidentEvent[], config: Config, now: number, hours: number, format: HandoffFormat): string {
  const zone = config.displayZone;
  const esc = format === 'md' ? md : txt;
  const h = (title: string) => (format === 'md' ? ['', `## ${title}`, ''] : ['', title.toUpperCase(), '-'.repeat(title.length)]);
  // Plain text pipes to a printer: wrap at 80 columns, continuation lines indented.
  const item = (s: string) => (format === 'md' ? `- ${s}` : wrap(s, 74).map((l, i) => `${i ? '      ' : '  - '}${l}`).join('\n'));
  const open = states.filter(isOpen);
  const ctx = clockContext(config);
  const out: string[] = [
    format === 'md' ? `# Shift handoff — ${formatInstant(now, zone)} ${zone}` : `SHIFT HANDOFF  ${formatInstant(now, zone)} ${zone}  (last and next ${hours} h)`,
  ];
  if (!states.length) return `${out[0]}\n\n(the store is empty: nothing to hand over)\n`;

  out.push(...h('Open incidents by severity'));
  for (const sev of SEVERITIES) {
    const list = open.filter((s) => s.incident!.severity === sev);
    out.push(item(`${sev}: ${list.length}${list.length ? ` — ${list.map((s) => esc(s.id)).join(', ')}` : ''}`));
  }

  out.push(...h('Pending mandatory checklist items'));
  const pending = open.map((s) => ({ s, missing: missingMandatory(config.checklist, s) })).filter((x) => x.missing.length);
  if (!pending.length) out.push(item('none'));
  for (const { s, missing } of pending) out.push(item(`${esc(s.id)} (${esc(s.incident!.title)}): ${missing.map((m) => esc(m.label)).join('; ')}`));

  out.push(...h(`Deadlines due in the next ${hours} h`));
  const due = open
    .flatMap((s) => computeClocks(s, now, ctx).map((c) => ({ s, c })))
    .filter(({ c }) => c.dueAt && (c.state === 'pending' || c.state === 'due-soon' || c.state === 'breached') && toMs(c.dueAt) <= now + hours * HOUR)
    .sort((a, b) => toMs(a.c.dueAt!) - toMs(b.c.dueAt!));
  if (!due.length) out.push(item('none'));
  for (const { s, c } of due) {
    out.push(item(`${formatInstant(toMs(c.dueAt!), zone)}  ${esc(s.id)}  ${esc(c.label)} → ${esc(c.audience)}  (${esc(clockDetail(c, now, zone))})`));
  }

  out.push(...h(`What changed in the last ${hours} h`));
  const since = now - hours * HOUR;
  const recent = events.filter((e) => toMs(e.at) > since && toMs(e.at) <= now).sort((a, b) => toMs(a.at) - toMs(b.at));
  if (!recent.length) out.push(item('nothing'));
  for (const e of recent) out.push(item(`${formatInstant(toMs(e.at), zone, 'HH:mm')}  ${esc(e.incidentId)}  ${esc(e.by ?? 'feed')}  ${e.kind}`));
  return `${out.join('\n')}\n`;
}
