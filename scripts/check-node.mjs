// The one Node check of `npm install` (its preinstall script; npm runs it once the packages are in place). On a Node
// older than Gatehouse needs, npm would print five lines of EBADENGINE warnings for each of nine packages, though
// nothing is wrong: the `node` devDependency brings Node 22, and npm's scripts and the `gatehouse` command run on it.
// So .npmrc keeps npm's warnings quiet (errors still show) and this says, in one line, what happens instead.
// Plain JavaScript for any Node npm may run under; it never fails the install.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const NEEDED = { major: 22, minor: 15 };

/** The Node that runs npm (npm's user agent names it; a script's own `node` may already be the bundled one). */
export function npmNodeVersion(env, fallback) {
  const m = /\bnode\/v?(\d+\.\d+\.\d+)/.exec(env.npm_config_user_agent || '');
  return m ? m[1] : fallback;
}

/** The line to print, or null when this Node will do. `bundled`: whether node_modules has the Node 22 package. */
export function nodeCheckMessage(version, bundled) {
  const [major, minor] = version.split('.').map(Number);
  if (major > NEEDED.major || (major === NEEDED.major && minor >= NEEDED.minor)) return null;
  const needs = `Gatehouse needs Node ${NEEDED.major}.${NEEDED.minor} or newer`;
  if (!bundled)
    return `gatehouse: Node ${version} runs npm here and ${needs}, and the Node 22 this install should bring (the \`node\` package) is missing: install Node 22 from https://nodejs.org, then run \`npm install\` again.`;
  return `gatehouse: Node ${version} runs npm here and ${needs}, so this install brings Node 22 (the \`node\` package); \`npm start\`, \`npm run …\` and \`gatehouse\` run on it, nothing else to do.`;
}

const self = fileURLToPath(import.meta.url);
if (process.argv[1] && path.resolve(process.argv[1]) === self) {
  const root = path.dirname(path.dirname(self));
  const bundled = fs.existsSync(path.join(root, 'node_modules', 'node', 'bin', 'node'));
  const line = nodeCheckMessage(npmNodeVersion(process.env, process.versions.node), bundled);
  if (line) console.log(line);
}
