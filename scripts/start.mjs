// `npm start`: the desktop app. Electron's binary is downloaded the first time (npm install does not run Electron's
// own install script, see `allowScripts` in package.json). Where it is missing and cannot be had (no network, a
// blocked mirror), Electron itself prints two stack traces and advice that needs the network; this says so in one
// sentence and offers `npm run daemon`, the same reviewer in a browser, which needs no Electron.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where Electron's binary is (as Electron's own index.js finds it), or null when it is not there. */
export function electronBinary(electronDir, env = process.env) {
  const pathFile = path.join(electronDir, 'path.txt');
  const name = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : null;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) return path.join(env.ELECTRON_OVERRIDE_DIST_PATH, name || 'electron');
  if (!name) return null;
  const binary = path.join(electronDir, 'dist', name);
  return fs.existsSync(binary) ? binary : null;
}

/** The reason in a failed download's output, in a few words: the network error's code, or its first line. */
export function downloadFailure(output) {
  const code = /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|CERT_[A-Z_]+)\b/.exec(
    output,
  )?.[1];
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'no network: the download host could not be looked up';
  if (code) return `no network: ${code}`;
  const status = /Response code (\d{3})/i.exec(output)?.[1];
  if (status) return `the download server answered ${status}`;
  const first = output
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l && !l.startsWith('at '));
  return first ? first.replace(/\.$/, '') : 'the download failed';
}

/** Runs Electron's own installer, its output kept; null once the binary is there, else why not. */
export function downloadElectron(electronDir, run = spawnSync) {
  const r = run(process.execPath, [path.join(electronDir, 'install.js')], {
    cwd: electronDir,
    encoding: 'utf8',
    timeout: 10 * 60_000,
  });
  if (r.error) return r.error.message;
  if (r.status === 0) return null;
  return downloadFailure(`${r.stderr ?? ''}\n${r.stdout ?? ''}`);
}

export function noElectronMessage(why) {
  return `Gatehouse cannot open the desktop app: Electron's binary is not installed and could not be downloaded (${why}); run \`npm run daemon\` instead for the same reviewer in your browser.`;
}

/** The binary, downloading it first if need be; or the one sentence to print. */
export function findOrFetchElectron(
  electronDir,
  { env = process.env, download = downloadElectron, say = () => {} } = {},
) {
  const found = electronBinary(electronDir, env);
  if (found) return { binary: found };
  if (!fs.existsSync(path.join(electronDir, 'install.js')))
    return { message: noElectronMessage('the electron package is not installed: run `npm install`') };
  say("Downloading Electron's binary for this platform (once)…");
  const why = download(electronDir);
  const binary = why === null ? electronBinary(electronDir, env) : null;
  return binary ? { binary } : { message: noElectronMessage(why ?? 'the download left no binary') };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
  const got = findOrFetchElectron(path.join(root, 'node_modules', 'electron'), { say: (l) => console.log(l) });
  if (got.message) {
    console.error(got.message);
    process.exit(1);
  }
  const child = spawn(got.binary, [root, ...process.argv.slice(2)], { stdio: 'inherit', windowsHide: false });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
