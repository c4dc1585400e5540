// Regenerates docs/protocol.schema.json from the zod schemas: `npm run schema`.
import { writeFileSync } from 'node:fs';
import { protocolJsonSchema } from '../src/feed/json-schema.ts';

writeFileSync(new URL('../docs/protocol.schema.json', import.meta.url), `${JSON.stringify(protocolJsonSchema(), null, 2)}\n`);
