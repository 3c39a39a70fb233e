// A real LRS for the tests: Learning Locker's statements service (npm xapi-statements, a GPL-3
// devDependency that never ships) run as a child process on 127.0.0.1 with its in-memory and
// local-file repositories. It stores and validates statements per xAPI 1.0.3 and answers queries;
// the test LMS in front of it (lms/lrs.js) adds what it lacks (fetch, State API, agent profile).
//   const lrs = await startRealLrs();  lrs.endpoint ('http://127.0.0.1:PORT/xAPI/'), lrs.auth, lrs.stop()
// Run as a script, this file is the child: it binds the service to 127.0.0.1 (the service itself
// listens on every interface) on a free port and tells the parent which.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '../../..');
const SERVICE = path.join(ROOT, 'node_modules/xapi-statements/dist/server.js');
const STARTUP_MS = 30000;

// [SECTION] The parent side
// service: the script to run (the tests of this file give a broken one to see the failure told).
function startRealLrs({ service = SERVICE } = {}) {
  const { fork } = require('child_process');
  const http = require('http');
  if (!fs.existsSync(service))
    return Promise.reject(new Error(`the real LRS is not installed (${service} is missing): run scripts/setup (npm ci installs the devDependency xapi-statements)`));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granice-real-lrs-'));
  const began = process.hrtime.bigint();
  // AUTH_REPO=test takes any Basic credentials; the service's own files (access logs, attachments) go to a temporary folder.
  const env = { ...process.env, AUTH_REPO: 'test', EVENTS_REPO: 'test', MODELS_REPO: 'memory', STORAGE_REPO: 'local',
                FS_LOCAL_STORAGE_DIR: path.join(dir, 'storage'), EXPRESS_MORGAN_DIRECTORY: path.join(dir, 'accessLogs'),
                WINSTON_CONSOLE_LEVEL: 'error', SERVICE_AWAIT_UPDATES: 'true' };
  const child = fork(__filename, [service], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.on('exit', stop);   // also when a test fails and the runner exits
  const told = (why) => new Error(`the real LRS (Learning Locker xapi-statements) did not start: ${why}\n${output.trim()}`);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { stop(); reject(told(`no answer within ${STARTUP_MS} ms`)); }, STARTUP_MS);
    // 'close', not 'exit': its last words on stderr are read by then.
    child.on('close', (code, signal) => { if (!stopped) { clearTimeout(timer); stop(); reject(told(`it exited (${code ?? signal})`)); } });
    child.on('message', (m) => {
      if (!m || typeof m.port !== 'number') return;
      const endpoint = `http://${m.address}:${m.port}/xAPI/`;   // the address it is bound to
      // Listening is not answering: wait for its about resource.
      const ask = () => !stopped && http.get(endpoint + 'about', { headers: { 'X-Experience-API-Version': '1.0.3' } }, (res) => {
        res.resume();
        if (res.statusCode !== 200) { setTimeout(ask, 50); return; }
        clearTimeout(timer);
        const startupMs = Number(process.hrtime.bigint() - began) / 1e6;
        resolve({ endpoint, port: m.port, auth: 'Basic ' + Buffer.from('granice-test:granice-test').toString('base64'),
                  startupMs, stop, output: () => output });
      }).on('error', () => setTimeout(ask, 50));
      ask();
    });
  });
}

// [SECTION] The child side: the service's app.listen(port) bound to 127.0.0.1 on a free port
if (require.main === module) {
  const net = require('net');
  const listen = net.Server.prototype.listen;
  net.Server.prototype.listen = function (port, done) {
    net.Server.prototype.listen = listen;   // only the service's own server
    return listen.call(this, 0, '127.0.0.1', () => {
      process.send({ port: this.address().port, address: this.address().address });
      if (typeof done === 'function') done();
    });
  };
  process.on('disconnect', () => process.exit(0));   // the test run ended, however it ended
  require(process.argv[2]);
}

module.exports = { startRealLrs };
