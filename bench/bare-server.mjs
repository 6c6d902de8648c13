// The baseline for `serve`: a bare node:http server that reads the whole request body, as
// serve does, and answers a fixed JSON result. What serve reaches of its throughput is what
// the lint leaves of the HTTP stack's.
import { createServer } from 'node:http';

const ANSWER = JSON.stringify({ verdict: 'revise', score: 72, findings: [] });
const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    Buffer.concat(chunks).toString('utf8');
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(ANSWER) });
    res.end(ANSWER);
  });
});
server.listen(0, '127.0.0.1', () => process.stderr.write(`listening on http://127.0.0.1:${server.address().port}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
