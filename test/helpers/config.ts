import { loadConfig } from '../../src/config/load.ts';
import type { Clock } from '../../src/domain/clocks.ts';
import { computeClocks } from '../../src/domain/clocks.ts';
import { clockContext } from '../../src/domain/context.ts';
import type { IncidentEvent } from '../../src/domain/event.ts';
import { foldIncident } from '../../src/domain/fold.ts';

export const defaults = loadConfig().config;

/** The clocks of INC-1 after these events, at `now`, under the default rules. */
export function clocksAt(events: IncidentEvent[], now: string, config = defaults): Clock[] {
  return computeClocks(foldIncident('INC-1', events), Date.parse(now), clockContext(config));
}

export function clock(events: IncidentEvent[], now: string, rule: string, config = defaults): Clock | undefined {
  return clocksAt(events, now, config).find((c) => c.rule === rule);
}
