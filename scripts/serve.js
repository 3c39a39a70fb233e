// Static file server for the built module (build/web/site). Used by scripts/run and by the
// browser tests, so tests load the page exactly as a learner does. Loopback only.
'use strict';
const http = require('http');
const fs = require('fs');
const path = require('path');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.data': 'application/octet-stream', '.lzma': 'application/octet-stream', '.json': 'application/json; charset=utf-8',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.ttf': 'font/ttf', '.xml': 'application/xml', '.zip': 'application/zip',
};

// `handle(req, res)`: tests answer some requests themselves (the test LRS); true when it did.
function startServer({ root, port = 8080, host = '127.0.0.1', quiet = true, handle = null }) {
  const absRoot = path.resolve(root);
  const server = http.createServer((req, res) => {
    if (handle && handle(req, res)) return;
    let urlPath;
    try { urlPath = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch (e) {
      res.writeHead(400); res.end('bad request'); return;
    }
    if (urlPath.endsWith('/')) urlPath += 'index.html';
    const file = path.resolve(absRoot, '.' + urlPath);
    if (!file.startsWith(absRoot + path.sep) && file !== absRoot) { res.writeHead(403); res.end('forbidden'); return; }
    fs.readFile(file, (err, body) => {
      if (!quiet) console.log(`${req.method} ${urlPath} ${err ? 404 : 200}`);
      if (err) { res.writeHead(404, { 'Content-Type': 'text/plain' }); res.end('not found'); return; }
      res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
                           'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' });
      res.end(body);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve({ server, url: `http://${host}:${server.address().port}/` }));
  });
}

module.exports = { startServer };

if (require.main === module) {
  const root = process.argv[2];
  const port = Number(process.env.PORT || 8080);
  startServer({ root, port, quiet: !process.env.VERBOSE }).then(({ url }) => {
    console.log('Granice is served at:');
    console.log(url);
    console.log('(Ctrl-C stops the server)');
  }).catch((e) => {
    console.error(`could not serve on port ${port}: ${e.message}. Set PORT to a free port, e.g. PORT=8081 scripts/run`);
    process.exit(1);
  });
}
