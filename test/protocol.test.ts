import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { protocolJsonSchema } from '../src/feed/json-schema.ts';
import { ClientMessage, decodeFrame, ServerMessage, CLIENT_TYPES } from '../src/feed/protocol.ts';

describe('protocol', () => {
  it('docs/protocol.schema.json is what the zod schemas generate (run npm run schema after changing them)', () => {
    const committed = JSON.parse(readFileSync('docs/protocol.schema.json', 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(protocolJsonSchema())));
  });

  it('the JSON Schema names every message type of the contract', () => {
    const text = JSON.stringify(protocolJsonSchema());
    for (const type of ['hello', 'event', 'heartbeat', 'ack', 'error', 'resync', 'resynced', 'subscribe', 'publish']) {
      expect(text).toContain(`"const":"${type}"`);
    }
    expect(ServerMessage.options).toHaveLength(7);
    expect(ClientMessage.options).toHaveLength(2);
  });

  it('decodeFrame tells the kinds of bad frame apart', () => {
    const d = (t: string) => decodeFrame(ClientMessage, CLIENT_TYPES, t, 100);
    expect(d('x'.repeat(101))).toMatchObject({ ok: false, code: 'too-large' });
    expect(d('{')).toMatchObject({ ok: false, code: 'bad-json' });
    expect(d('{"type":"x","id":"a1"}')).toMatchObject({ ok: false, code: 'unknown-type', id: 'a1' });
    expect(d('{"type":"subscribe","since":-1}')).toMatchObject({ ok: false, code: 'invalid' });
    expect(d('{"type":"subscribe","since":4}')).toEqual({ ok: true, message: { type: 'subscribe', since: 4 } });
  });
});
