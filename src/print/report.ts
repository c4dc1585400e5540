import type { Config } from '../config/schema.ts';
import { missingMandatory } from '../domain/checklist.ts';
import { computeClocks } from '../domain/clocks.ts';
import { clockContext } from '../domain/context.ts';
import type { IncidentEvent } from '../domain/event.ts';
import type { IncidentState } from '../domain/fold.ts';
import { toMs } from '../domain/instant.ts';
import { formatInstant } from '../domain/zoned.ts';
import { html, htmlMultiline, md } from './escape.ts';
import { htmlPage } from './html-page.ts';
import { clockDetail } from './model.ts';

export const REPORT_FORMATS = ['md', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

interface Entry {
  when: string;
  who: string;
  what: string;
}

function describe(e: IncidentEvent): string {
  switch (e.kind) {
    case 'incident.opened':
      return `Incident opened (${e.data.severity}, ${e.data.type})`;
    case 'incident.updated':
      return `Updated ${Object.keys(e.data).join(', ')}`;
    case 'incident.phase':
      return `Phase → ${e.data.phase}${e.data.reason ? `: ${e.data.reason}` : ''}`;
    case 'incident.acknowledged':
      return 'Acknowledged';
    case 'notification.sent':
      return `Notified ${e.data.audience}${e.data.rule ? ` (${e.data.rule})` : ''}`;
    case 'checklist.set':
      return `${e.data.done ? 'Ticked' : 'Unticked'} checklist item ${e.data.itemId}`;
    case 'note.added':
      return `Note${e.data.tag ? ` [${e.data.tag}]` : ''}: ${e.data.text}`;
    default:
      return `Clock ${e.data.rule} ${e.kind.slice(6)}: ${e.data.reason}`;
  }
}

/** The post-incident report's content; md and html draw the same sections. */
export function reportModel(state: IncidentState, events: readonly IncidentEvent[], config: Config, now: number) {
  const i = state.incident!;
  const zone = config.displayZone;
  const clocks = computeClocks(state, now, clockContext(config));
  const timeline: Entry[] = events.map((e) => ({ when: formatInstant(toMs(e.at), zone), who: e.by ?? 'feed', what: describe(e) }));
  const actions = timeline.filter((t, k) => ['incident.phase', 'notification.sent', 'checklist.set', 'clock.waived', 'clock.paused'].includes(events[k]!.kind));
  const lessons = state.notes.filter((n) => n.tag === 'lesson').map((n) => n.text);
  const actionItems = state.notes.filter((n) => n.tag === 'action-item').map((n) => n.text);
  const open = clocks.filter((c) => c.state !== 'met' && c.state !== 'waived');
  const missing = missingMandatory(config.checklist, state).map((m) => m.label);
  return {
    title: `Post-incident report: ${state.id}`,
    state,
    incident: i,
    zone,
    generated: formatInstant(now, zone),
    timeline,
    actions,
    clocks: clocks.map((c) => ({ label: c.label, audience: c.audience, state: c.state, due: c.dueAt ? formatInstant(toMs(c.dueAt), zone) : 'none', detail: clockDetail(c, now, zone) })),
    impact: [
      `Assets: ${i.assets.join(', ') || 'none recorded'}`,
      `Personal data: ${i.personalData ? 'yes' : 'no / unknown'}`,
      `Regimes: ${(i.regimes ?? []).join(', ') || 'none'}`,
      ...(i.vendor ? [`Vendor: ${i.vendor}`] : []),
    ],
    lessons,
    actionItems,
    summary: {
      impact: `${i.severity} ${i.type} in ${i.region} affecting ${i.assets.length} asset(s)${i.personalData ? ', with personal data involved' : ''}; now ${state.phase}.`,
      riskReduction:
        state.phaseAt.contained !== undefined
          ? `Contained ${formatInstant(state.phaseAt.contained, zone)}; ${actions.length} recorded response actions.`
          : `Not yet contained; ${actions.length} recorded response actions.`,
      nextSteps: [...actionItems, ...open.map((c) => `${c.label} → ${c.audience} (${clockDetail(c, now, zone)})`), ...missing.map((m) => `Checklist: ${m}`)],
    },
  };
}

export function reportMd(r: ReturnType<typeof reportModel>): string {
  const list = (xs: string[]) => (xs.length ? xs.map((x) => `- ${md(x)}`) : ['- none']);
  return `${[
    `# ${md(r.title)}`,
    '',
    `**${md(r.incident.title)}** — ${r.incident.severity}, ${r.incident.type}, ${md(r.incident.region)}; generated ${r.generated} ${r.zone}`,
    '',
    '## Executive summary',
    '',
    `- **Business impact:** ${md(r.summary.impact)}`,
    `- **Risk reduction:** ${md(r.summary.riskReduction)}`,
    `- **Next steps:**`,
    ...(r.summary.nextSteps.length ? r.summary.nextSteps.map((s) => `  - ${md(s)}`) : ['  - none']),
    '',
    '## Timeline',
    '',
    '| When | Who | What |',
    '|---|---|---|',
    ...r.timeline.map((t) => `| ${t.when} | ${md(t.who)} | ${md(t.what)} |`),
    '',
    '## Actions taken',
    '',
    ...list(r.actions.map((a) => `${a.when} ${a.who}: ${a.what}`)),
    '',
    '## Clocks',
    '',
    '| Clock | Audience | Due | Outcome |',
    '|---|---|---|---|',
    ...r.clocks.map((c) => `| ${md(c.label)} | ${md(c.audience)} | ${c.due} | ${md(c.detail)} |`),
    '',
    '## Impact',
    '',
    ...list(r.impact),
    '',
    '## Lessons learned',
    '',
    ...list(r.lessons),
    '',
    '## Action items',
    '',
    ...list(r.actionItems),
  ].join('\n')}\n`;
}

export function reportHtml(r: ReturnType<typeof reportModel>): string {
  const list = (xs: string[]) => `<ul>${(xs.length ? xs : ['none']).map((x) => `<li>${htmlMultiline(x)}</li>`).join('')}</ul>`;
  return htmlPage(
    r.title,
    `<h1>${html(r.title)}</h1>
<p class="meta"><strong>${html(r.incident.title)}</strong> — ${html(r.incident.severity)}, ${html(r.incident.type)}, ${html(r.incident.region)}; generated ${html(r.generated)} ${html(r.zone)}</p>
<h2>Executive summary</h2>
<p><strong>Business impact:</strong> ${html(r.summary.impact)}</p>
<p><strong>Risk reduction:</strong> ${html(r.summary.riskReduction)}</p>
<p><strong>Next steps:</strong></p>${list(r.summary.nextSteps)}
<h2>Timeline</h2>
<table><thead><tr><th>When</th><th>Who</th><th>What</th></tr></thead><tbody>
${r.timeline.map((t) => `<tr><td>${html(t.when)}</td><td>${html(t.who)}</td><td>${htmlMultiline(t.what)}</td></tr>`).join('\n')}
</tbody></table>
<h2>Actions taken</h2>${list(r.actions.map((a) => `${a.when} ${a.who}: ${a.what}`))}
<h2>Clocks</h2>
<table><thead><tr><th>Clock</th><th>Audience</th><th>Due</th><th>Outcome</th></tr></thead><tbody>
${r.clocks.map((c) => `<tr class="state-${html(c.state)}"><td>${html(c.label)}</td><td>${html(c.audience)}</td><td>${html(c.due)}</td><td>${html(c.detail)}</td></tr>`).join('\n')}
</tbody></table>
<h2>Impact</h2>${list(r.impact)}
<h2>Lessons learned</h2>${list(r.lessons)}
<h2>Action items</h2>${list(r.actionItems)}`,
  );
}
