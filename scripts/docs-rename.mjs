// Rewrites file paths named in the docs after files moved: `node scripts/docs-rename.mjs <from>=<to> …`, where each
// pair is a path (or a path's tail, e.g. `recording/service.ts`) before and after the move. Touches only Markdown
// (ARCHITECTURE.md, README.md, docs/**) and rewrites a path only where it stands as a whole path in the text.
import fs from 'node:fs';
import path from 'node:path';

const pairs = process.argv.slice(2).map((arg) => {
  const [from, to] = arg.split('=');
  if (!from || !to) throw new Error(`expected from=to, got ${arg}`);
  return { from, to };
});
if (pairs.length === 0) {
  process.stderr.write('usage: node scripts/docs-rename.mjs <old/path.ts>=<new/path.ts> …\n');
  process.exit(2);
}

function markdownFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return markdownFiles(p);
    return e.name.endsWith('.md') ? [p] : [];
  });
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const files = ['ARCHITECTURE.md', 'README.md', ...markdownFiles('docs')];
let changed = 0;
for (const file of files) {
  const before = fs.readFileSync(file, 'utf8');
  let text = before;
  for (const { from, to } of pairs) {
    // A whole path: not preceded by a path character, not followed by one (so `a/b.ts` is not inside `xa/b.tsx`).
    const re = new RegExp(`(?<![\\w./-])((?:[\\w.-]+/)*)${escape(from)}(?![\\w/-])`, 'g');
    text = text.replace(re, (_m, lead) => {
      // Keep what came before the tail (`electron/core/`), swap the tail.
      return `${lead}${to}`;
    });
  }
  if (text !== before) {
    fs.writeFileSync(file, text);
    changed += 1;
    process.stdout.write(`${file}\n`);
  }
}
process.stdout.write(`${changed} files changed\n`);
