import { z } from 'zod';
import { Instant } from './instant.ts';

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;

export const IncidentType = z.enum([
  'phishing',
  'malware',
  'ransomware',
  'data-exfiltration',
  'account-compromise',
  'ddos',
  'insider',
  'vulnerability-exploit',
  'web-attack',
  'supply-chain',
  'lost-device',
  'policy-violation',
  'other',
]);
export type IncidentType = z.infer<typeof IncidentType>;

/** The seed's lifecycle, in order; `false-positive` ends triage instead of `triaged`. */
export const PHASES = [
  'new',
  'triaged',
  'contained',
  'investigating',
  'recovered',
  'resolved',
  'reported',
  'closed',
] as const;
export const Phase = z.enum([...PHASES, 'false-positive']);
export type Phase = z.infer<typeof Phase>;

/** Phases after which an incident leaves the live queues. */
export const TERMINAL_PHASES: readonly Phase[] = ['closed', 'false-positive'];

export const Regime = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'a regime is a short lower-case id such as gdpr, nis2, dora, sec');

/** Global `key:value` tags from the seed (`region:emea`, `severity:high`, `type:phishing`). */
export const Tag = z.string().regex(/^[^:\s]{1,64}:[^\s]{1,200}$/, 'a tag is key:value with no spaces');

export const IncidentId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'an id is letters, digits and . _ : - (no spaces)');

const text = (max: number) => z.string().max(max);

/*
 * The public incident shape: other tools produce these field names.
 * Free text is accepted as sent (it is sanitised at the point it is drawn or printed) but
 * bounded, so a hostile producer cannot balloon the store.
 */
const assets = z.array(text(256)).max(1_000);
const tags = z.array(Tag).max(200);

/** Every field as sent, with no defaults filled in: an update names only what it changes. */
export const IncidentFieldsAsSent = z.object({
  title: text(16_384).min(1),
  summary: text(65_536).optional(),
  severity: Severity,
  type: IncidentType,
  region: text(64).min(1),
  assets,
  vector: text(256).optional(),
  tier: z.number().int().min(1).max(3).optional(),
  assignee: text(128).optional(),
  champion: text(128).optional(),
  tags,
  source: text(256).optional(),
  link: z.url().max(2_048).optional(),
  campaign: text(128).optional(),
  vendor: text(256).optional(),
  occurredAt: Instant.optional(),
  detectedAt: Instant,
  awareAt: Instant.optional(),
  classifiedMajorAt: Instant.optional(),
  materialityDeterminedAt: Instant.optional(),
  personalData: z.boolean().optional(),
  regimes: z.array(Regime).max(50).optional(),
});

export const IncidentFields = IncidentFieldsAsSent.extend({ assets: assets.default([]), tags: tags.default([]) });

export const Incident = IncidentFields.extend({ id: IncidentId });
export type Incident = z.infer<typeof Incident>;

/** Instant fields an incident carries; clock rules anchor on these by name. */
export const INSTANT_FIELDS = [
  'occurredAt',
  'detectedAt',
  'awareAt',
  'classifiedMajorAt',
  'materialityDeterminedAt',
] as const;
export type InstantField = (typeof INSTANT_FIELDS)[number];

/** `awareAt` defaults to `detectedAt`: awareness is when a person could first act. */
export function instantOf(incident: Incident, field: InstantField): string | undefined {
  if (field === 'awareAt') return incident.awareAt ?? incident.detectedAt;
  return incident[field];
}

/** Mandatory tag keys (from config) that the incident lacks; flagged on screen, never dropped. */
export function missingTagKeys(incident: Incident, mandatoryKeys: readonly string[]): string[] {
  const present = new Set(incident.tags.map((t) => t.slice(0, t.indexOf(':'))));
  return mandatoryKeys.filter((k) => !present.has(k));
}
