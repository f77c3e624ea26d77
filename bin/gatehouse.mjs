#!/usr/bin/env node
// The `gatehouse` command. Checks the Node version, then hands over to the bundled core.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `gatehouse: Node ${process.versions.node} is too old; Gatehouse needs Node 22.12 or newer ` +
      '(its SQLite driver crashes on older versions). Run it through npm (`npx gatehouse …`), which uses the Node 22 in node_modules, or install Node 22.',
  );
  process.exit(1);
}
try {
  await import('../dist/core/gatehouse.mjs');
} catch (err) {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/core/gatehouse.mjs')) {
    console.error('gatehouse: the core is not built; run `npm install` (or `npm run build`) in the Gatehouse folder.');
    process.exit(1);
  }
  throw err;
}
