// A tiny static server for the browser tests: serves www/ on 127.0.0.1, records POSTs.
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json' };

/** Starts the server; resolves to `{url, posts, requests, close}`. `POST /submit` answers 200, `POST /fail` 500. */
export async function start({ csp = null } = {}) {
  const posts = [];
  const requests = [];
  const server = http.createServer(async (req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const url = new URL(req.url, 'http://127.0.0.1');
    if (req.method === 'POST') {
      const chunks = [];
      for await (const chunk of req) chunks.push(chunk);
      posts.push({ path: url.pathname, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(url.pathname === '/submit' ? 200 : 500, { 'content-type': 'application/json' });
      res.end('{}');
      return;
    }
    const file = path.join(ROOT, path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, ''));
    if (!file.startsWith(ROOT)) { res.writeHead(403); res.end(); return; }
    try {
      const body = await fs.readFile(file.endsWith(path.sep) ? path.join(file, 'index.html') : file);
      const headers = { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
      if (csp && file.endsWith('.html')) headers['content-security-policy'] = csp;
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, posts, requests, close: () => new Promise((r) => server.close(r)) };
}
