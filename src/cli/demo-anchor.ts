/** The instant of fixtures/demo-day.ndjson that `socwall demo` maps to "now". */
export const DEMO_ANCHOR = '2026-03-06T12:00:00Z';
