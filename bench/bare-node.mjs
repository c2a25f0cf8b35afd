/**
 * A second reference for `npm run bench`: Node's own HTTP server, with no
 * framework, sending one saved response from memory the way a plain Node
 * program would (`writeHead` with the header list, then `end` with the body).
 * It shows what this Node and this host manage in the same run, apart from
 * anything Warta does.
 *
 *   node bench/bare-node.mjs PORT BODY_FILE HEADERS_JSON_FILE
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const [port, bodyFile, headersFile] = process.argv.slice(2);
const body = readFileSync(bodyFile);
/** A flat [name, value, …] list. */
const headers = JSON.parse(readFileSync(headersFile, 'utf8'));
const server = createServer((_req, res) => {
  res.writeHead(200, headers);
  res.end(body);
});
server.keepAliveTimeout = 72_000;
server.listen(Number(port), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
