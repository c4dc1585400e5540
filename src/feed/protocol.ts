import { z } from 'zod';
import { EventId, IncidentEvent } from '../domain/event.ts';
import { Instant } from '../domain/instant.ts';

/** The wire protocol version this build speaks. */
export const PROTOCOL_VERSION = 1;

const Seq = z.number().int().min(0);

// server → client
export const HelloMessage = z.object({
  type: z.literal('hello'),
  protocol: z.literal(PROTOCOL_VERSION),
  serverTime: Instant,
  heartbeatMs: z.number().int().positive(),
  lastSeq: Seq,
});
export const EventMessage = z.object({ type: z.literal('event'), seq: Seq.min(1), event: IncidentEvent });
export const HeartbeatMessage = z.object({ type: z.literal('heartbeat'), serverTime: Instant, lastSeq: Seq });
export const AckMessage = z.object({ type: z.literal('ack'), id: EventId, seq: Seq.optional() });
export const ERROR_CODES = [
  'bad-json',
  'unknown-type',
  'invalid',
  'too-large',
  'rate-limited',
  'id-mismatch',
  'storage',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
export const ErrorMessage = z.object({
  type: z.literal('error'),
  id: z.string().max(128).optional(),
  code: z.enum(ERROR_CODES),
  message: z.string(),
});
/** The cursor cannot be replayed from: the server sends a snapshot as `event` frames, then `resynced`. */
export const ResyncMessage = z.object({ type: z.literal('resync'), lastSeq: Seq, reason: z.string() });
export const ResyncedMessage = z.object({ type: z.literal('resynced'), lastSeq: Seq });

export const ServerMessage = z.discriminatedUnion('type', [
  HelloMessage,
  EventMessage,
  HeartbeatMessage,
  AckMessage,
  ErrorMessage,
  ResyncMessage,
  ResyncedMessage,
]);
export type ServerMessage = z.infer<typeof ServerMessage>;

// client → server
export const SubscribeMessage = z.object({ type: z.literal('subscribe'), since: Seq });
/** `id` is the event's id: the idempotency key the server dedupes on and acks. */
export const PublishMessage = z.object({ type: z.literal('publish'), id: EventId, event: IncidentEvent });
export const ClientMessage = z.discriminatedUnion('type', [SubscribeMessage, PublishMessage]);
export type ClientMessage = z.infer<typeof ClientMessage>;

export const SERVER_TYPES = ServerMessage.options.map((o) => o.shape.type.value);
export const CLIENT_TYPES = ClientMessage.options.map((o) => o.shape.type.value);

export type Decoded<T> = { ok: true; message: T } | { ok: false; code: ErrorCode; reason: string; id?: string };

/**
 * Decodes one text frame against a schema, telling apart the ways a frame can be bad,
 * and recovering the frame's `id` where it had one, so the rejection can name it.
 */
export function decodeFrame<T>(
  schema: z.ZodType<T>,
  knownTypes: readonly string[],
  text: string,
  maxBytes: number,
): Decoded<T> {
  if (Buffer.byteLength(text) > maxBytes) return { ok: false, code: 'too-large', reason: `frame over ${maxBytes} bytes` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, code: 'bad-json', reason: `not JSON (${(e as Error).message})` };
  }
  const id =
    typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string'
      ? ((value as { id: string }).id.slice(0, 128))
      : undefined;
  const type = typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : undefined;
  if (typeof type !== 'string' || !knownTypes.includes(type)) {
    return {
      ok: false,
      code: 'unknown-type',
      reason: `unknown message type ${JSON.stringify(type)?.slice(0, 40) ?? 'undefined'}`,
      ...(id ? { id } : {}),
    };
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const reason = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    return { ok: false, code: 'invalid', reason, ...(id ? { id } : {}) };
  }
  return { ok: true, message: parsed.data };
}

export const encode = (message: ServerMessage | ClientMessage): string => JSON.stringify(message);
