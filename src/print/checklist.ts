import { displayWidth, wrap } from '../domain/text.ts';
import { html, md, txt } from './escape.ts';
import { htmlPage } from './html-page.ts';
import type { PrintModel } from './model.ts';

export const PRINT_FORMATS = ['txt', 'md', 'html'] as const;
export type PrintFormat = (typeof PRINT_FORMATS)[number];

const WIDTH = 80;
const STATE_WORD: Record<string, string> = {
  pending: 'pending', 'due-soon': 'DUE SOON', breached: 'BREACHED', met: 'met', paused: 'paused', waived: 'waived',
};

/** The state in words: the detail alone says it for settled and breached clocks ("met 09:20 — 05:00 late"). */
const outcome = (c: PrintModel['clocks'][number]) =>
  c.state === 'pending' || c.state === 'due-soon' ? `${STATE_WORD[c.state]} (${c.detail})` : c.detail;

/** The checklist on one page that fits 80 columns and pipes straight to `lp`. */
export function checklistTxt(m: PrintModel): string {
  const out: string[] = [];
  const line = (s: string, indent = '') => {
    const [first, ...rest] = wrap(s, WIDTH - indent.length);
    out.push(`${indent}${first}`, ...rest.map((l) => `${indent}    ${l}`));
  };
  const heading = 'SOCWALL INCIDENT CHECKLIST';
  const printed = `printed ${m.printedAt} ${m.zone}`;
  out.push(heading + ' '.repeat(Math.max(1, WIDTH - heading.length - displayWidth(printed))) + printed);
  out.push('='.repeat(WIDTH));
  if (m.blank) {
    line(`Incident ______________  Type ${m.type || '______________'}  Severity ________  Region ________`);
    line('Assignee ______________  Champion ______________  Opened ______________');
  } else {
    line(`${txt(m.id)}  ${txt(m.title)}`);
    line(`Severity ${m.severity.toUpperCase()} · Type ${m.type} · Region ${txt(m.region)} · Phase ${m.phase}`);
    line(`Assignee ${txt(m.assignee) || '—'} · Champion ${txt(m.champion) || '—'} · Opened ${m.opened} ${m.zone}`);
    out.push('', 'CLOCKS');
    for (const c of m.clocks) {
      const due = c.due === 'no fixed deadline' ? c.due : `due ${c.due}`;
      line(`${txt(c.label)} → ${txt(c.audience)}: ${due}, ${txt(outcome(c))}`, '  ');
    }
    if (!m.clocks.length) out.push('  (none running)');
  }
  out.push('', 'CHECKLIST (* mandatory)');
  for (const item of m.items) {
    const box = item.done ? '[x]' : '[ ]';
    const note = item.note ? ` — ${item.note}` : '';
    const lines = wrap(`${item.label}${item.mandatory ? ' *' : ''}${note}`, WIDTH - 4);
    out.push(`${box} ${lines[0]}`, ...lines.slice(1).map((l) => `    ${l}`));
    if (item.done) out.push(`    ticked by ${txt(item.by) || '?'} at ${item.when ?? '?'}`);
    out.push('    Initials: ________   Time: ________');
  }
  return `${out.join('\n')}\n`;
}

/** A Markdown task list that pastes into a ticket. */
export function checklistMd(m: PrintModel): string {
  const out: string[] = [];
  out.push(m.blank ? `# Incident checklist${m.type ? ` (${m.type})` : ''}` : `# ${md(m.id)}: ${md(m.title)}`, '');
  if (!m.blank) {
    out.push(
      `**Severity** ${m.severity} · **Type** ${m.type} · **Region** ${md(m.region)} · **Phase** ${m.phase}  `,
      `**Assignee** ${md(m.assignee) || '—'} · **Champion** ${md(m.champion) || '—'} · **Opened** ${m.opened} ${m.zone}`,
      '',
      '## Clocks',
      '',
      '| Clock | Audience | Due | State |',
      '|---|---|---|---|',
      ...m.clocks.map((c) => `| ${md(c.label)} | ${md(c.audience)} | ${c.due} | ${md(outcome(c))} |`),
      '',
    );
  }
  out.push('## Checklist', '');
  for (const item of m.items) {
    const who = item.done ? ` — ${md(item.by) || '?'}, ${item.when ?? ''}` : '';
    out.push(`- [${item.done ? 'x' : ' '}] ${md(item.label)}${item.mandatory ? ' \\*' : ''}${item.note ? ` (${md(item.note)})` : ''}${who}`);
  }
  out.push('', `_Printed ${m.printedAt} ${m.zone} by socwall._`);
  return `${out.join('\n')}\n`;
}

/** One self-contained HTML page with print CSS. */
export function checklistHtml(m: PrintModel): string {
  const title = m.blank ? `Incident checklist${m.type ? ` (${m.type})` : ''}` : `${m.id}: ${m.title}`;
  const head = m.blank
    ? `<h1>${html(title)}</h1><p class="meta">Incident ________ · Severity ________ · Assignee ________ · Opened ________</p>`
    : `<h1>${html(m.id)}: ${html(m.title)}</h1>
<p class="meta">Severity <strong>${html(m.severity)}</strong> · Type ${html(m.type)} · Region ${html(m.region)} · Phase ${html(m.phase)}</p>
<p class="meta">Assignee ${html(m.assignee) || '—'} · Champion ${html(m.champion) || '—'} · Opened ${html(m.opened)} ${html(m.zone)}</p>
<h2>Clocks</h2>
<table><thead><tr><th>Clock</th><th>Audience</th><th>Due (${html(m.zone)})</th><th>State</th></tr></thead><tbody>
${m.clocks.map((c) => `<tr class="state-${html(c.state)}"><td>${html(c.label)}</td><td>${html(c.audience)}</td><td>${html(c.due)}</td><td>${html(outcome(c))}</td></tr>`).join('\n')}
</tbody></table>`;
  const rows = m.items
    .map(
      (i) =>
        `<tr><td class="box">${i.done ? '[x]' : '[&nbsp;]'}</td><td>${html(i.label)}${i.mandatory ? ' *' : ''}${
          i.note ? `<br><small>${html(i.note)}</small>` : ''
        }</td><td>${i.done ? `${html(i.by) || '?'}, ${html(i.when)}` : ''}</td><td class="initials"></td></tr>`,
    )
    .join('\n');
  return htmlPage(
    title,
    `${head}
<h2>Checklist (* mandatory)</h2>
<table><thead><tr><th></th><th>Item</th><th>Ticked by</th><th>Initials</th></tr></thead><tbody>
${rows}
</tbody></table>
<p class="meta"><small>Printed ${html(m.printedAt)} ${html(m.zone)} by socwall.</small></p>`,
  );
}

export function renderChecklist(m: PrintModel, format: PrintFormat): string {
  return format === 'txt' ? checklistTxt(m) : format === 'md' ? checklistMd(m) : checklistHtml(m);
}
