import type { Config } from '../config/schema.ts';
import { computeClocks } from '../domain/clocks.ts';
import { clockContext } from '../domain/context.ts';
import type { IncidentState } from '../domain/fold.ts';
import { toMs } from '../domain/instant.ts';
import { csvRow } from './escape.ts';

export const EXPORT_FORMATS = ['csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const COLUMNS = ['incident_id', 'title', 'severity', 'type', 'region', 'detected_at', 'aware_at', 'rule', 'clock', 'audience', 'starts_at', 'due_at', 'state', 'notified_at', 'late'] as const;

/**
 * The compliance snapshot for one regime: its incidents (detected since `since`), each clock of
 * that regime's rules, and when each notification was made. CSV per RFC 4180.
 */
export function complianceExport(states: readonly IncidentState[], config: Config, regime: string, since: number, now: number, format: ExportFormat): string {
  const ruleIds = new Set(config.rules.filter((r) => r.when.regimes?.includes(regime)).map((r) => r.id));
  const rows = states
    .filter((s) => s.incident?.regimes?.includes(regime) && toMs(s.incident.detectedAt) >= since)
    .sort((a, b) => toMs(a.incident!.detectedAt) - toMs(b.incident!.detectedAt) || a.id.localeCompare(b.id))
    .map((s) => ({ s, clocks: computeClocks(s, now, clockContext(config)).filter((c) => ruleIds.has(c.rule)) }));
  if (format === 'json') {
    return `${JSON.stringify(
      rows.map(({ s, clocks }) => ({ incident: s.incident, clocks, notifications: s.notifications.map((n) => ({ at: new Date(n.at).toISOString(), audience: n.audience, rule: n.rule ?? null, by: n.by ?? null })) })),
      null,
      2,
    )}\n`;
  }
  let out = csvRow([...COLUMNS]);
  for (const { s, clocks } of rows) {
    const i = s.incident!;
    for (const c of clocks.length ? clocks : [undefined]) {
      out += csvRow([
        s.id, i.title, i.severity, i.type, i.region, i.detectedAt, i.awareAt ?? i.detectedAt,
        c?.rule, c?.label, c?.audience, c?.startsAt, c?.dueAt ?? '', c?.state, c?.metAt ?? '', c ? Boolean(c.late) : '',
      ]);
    }
  }
  return out;
}
