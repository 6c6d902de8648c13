// The same /v1/lint handler on fastify, only to measure node:http against a framework.
import Fastify from 'fastify';
import { createLinter } from '../dist/index.js';

const linter = await createLinter({ config: {} });
const app = Fastify({ logger: false, bodyLimit: 256 * 1024 });
app.post('/v1/lint', async (req) => JSON.parse(JSON.stringify(linter.lintPayload(req.body, 'request'))));
await app.listen({ port: 0, host: '127.0.0.1' });
process.stderr.write(`listening on http://127.0.0.1:${app.server.address().port}\n`);
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
