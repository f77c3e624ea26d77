// The names code gives to modules and their functions, written back as the module's own before the call patterns
// (call-patterns.ts) read it: `import os as o; o.system(…)` is read as `os.system(…)`, `from shutil import rmtree as r;
// r(p)` as `shutil.rmtree(p)`, `const f = require('fs'); f.rmSync(p)` as `fs.rmSync(p)`, `const {execSync: x} =
// require('child_process')` makes `x(…)` an `execSync(…)`, `include FileUtils` makes `rm_rf p` a `FileUtils.rm_rf p`.
// Without it, renaming a module was enough to make code that deletes or runs anything read as harmless.
// Shadowing is not followed: a name bound to a module once is that module everywhere (reading too much, never too little).
import type { Lang } from './literals.ts';

/** How a name is written back: `o.` → `os.` (a module), `r(` → `shutil.rmtree(` (a function). */
interface Renames {
  modules: Map<string, string>;
  functions: Map<string, string>;
}

const NAME = String.raw`[A-Za-z_$][\w$]*`;
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, (c) => `\\${c}`);

/** What a star import of these Python modules brings in that runs, deletes or moves. */
const PY_STAR: Readonly<Record<string, readonly string[]>> = {
  os: [
    'system',
    'popen',
    'remove',
    'unlink',
    'rmdir',
    'removedirs',
    'rename',
    'renames',
    'replace',
    'chmod',
    'execv',
    'execve',
    'execl',
    'execlp',
    'execvp',
    'spawnl',
    'spawnv',
    'spawnlp',
    'spawnvp',
    'execle',
    'execlpe',
    'execvpe',
    'spawnle',
    'spawnlpe',
    'spawnve',
    'spawnvpe',
    'posix_spawn',
    'posix_spawnp',
    'fork',
  ],
  subprocess: ['run', 'call', 'check_call', 'check_output', 'Popen', 'getoutput', 'getstatusoutput'],
  shutil: ['rmtree', 'move', 'copy', 'copy2', 'copyfile', 'copytree'],
  pty: ['spawn'],
};

/** FileUtils' module functions, callable bare after `include FileUtils`. */
const RUBY_FILEUTILS =
  /(?<![\w.:])(rm_rf|rm_r|rm_f|rm|remove_dir|remove_entry|remove_entry_secure|rmtree|remove_tree|safe_unlink|rmdir|mv|move|cp_r|cp|copy|copy_file|chmod_R|chmod)\b(?=\s*[("'\w[])/g;

/** A JS module's name as an identifier the patterns know: `fs/promises` → `fsp`, `node:child_process` → `child_process`. */
function jsModuleName(spec: string): string {
  const bare = spec.replace(/^node:/, '');
  return bare === 'fs/promises' ? 'fsp' : bare.replace(/[^\w$]/g, '_');
}

function pythonRenames(code: string): Renames {
  const r: Renames = { modules: new Map(), functions: new Map() };
  // A statement starts a line, follows `;`, or follows a block's `:` (`if 1: import os as o`, `try: …`).
  for (const m of code.matchAll(/(?:^|[\n;:])\s*import\s+([^\n;#]+)/g))
    for (const part of (m[1] as string).split(',')) {
      const a = /^\s*([\w.]+)\s+as\s+(\w+)\s*$/.exec(part);
      if (a) r.modules.set(a[2] as string, a[1] as string);
    }
  for (const m of code.matchAll(/(?:^|[\n;:])\s*from\s+([\w.]+)\s+import\s+(?:\(([^)]*)\)|([^\n;#]+))/g)) {
    const module = m[1] as string;
    for (const part of (m[2] ?? m[3] ?? '').split(',')) {
      const t = part.trim();
      if (t === '*') for (const f of PY_STAR[module] ?? []) r.functions.set(f, `${module}.${f}`);
      const a = /^(\w+)(?:\s+as\s+(\w+))?$/.exec(t);
      if (a) r.functions.set((a[2] ?? a[1]) as string, `${module}.${a[1] as string}`);
    }
  }
  // `o = os`, `o = __import__('os')`, `o = importlib.import_module('os')`: the module under another name.
  for (const m of code.matchAll(
    /(?:^|[\n;:])\s*(\w+)\s*=\s*(?:(\w+)|(?:__import__|(?:importlib\.)?import_module)\s*\(\s*['"]([\w.]+)['"]\s*\))\s*(?=[\n;#]|$)/g,
  )) {
    const module = m[3] ?? r.modules.get(m[2] as string) ?? (m[2] as string);
    if (PY_STAR[module] || m[3] !== undefined) r.modules.set(m[1] as string, module);
  }
  // `f = os.system`, `s, p = os.system, os.popen` (after the module names above are known).
  for (const m of code.matchAll(
    /(?:^|[\n;:])\s*(\w+(?:\s*,\s*\w+)*)\s*=\s*(\w+\.\w+(?:\s*,\s*\w+\.\w+)*)\s*(?=[\n;#]|$)/g,
  )) {
    const names = (m[1] as string).split(',').map((n) => n.trim());
    const values = (m[2] as string).split(',').map((v) => v.trim());
    names.forEach((name, i) => {
      const [obj, fn] = (values[i] ?? '').split('.') as [string, string | undefined];
      const module = r.modules.get(obj) ?? obj;
      if (fn && (PY_STAR[module] || module === 'os.path')) r.functions.set(name, `${module}.${fn}`);
    });
  }
  return r;
}

function jsRenames(code: string): Renames {
  const r: Renames = { modules: new Map(), functions: new Map() };
  const LOAD = String.raw`(?:await\s+)?(?:require|import|process\.getBuiltinModule)\s*\(\s*['"\x60]([\w:/.@-]+)['"\x60]\s*\)`;
  const destructure = (names: string, module: string, as: 'colon' | 'as') => {
    for (const part of names.split(',')) {
      const a =
        as === 'colon'
          ? /^\s*([\w$]+)\s*(?::\s*([\w$]+))?\s*$/.exec(part)
          : /^\s*([\w$]+)(?:\s+as\s+([\w$]+))?\s*$/.exec(part);
      if (a) r.functions.set((a[2] ?? a[1]) as string, `${module}.${a[1] as string}`);
    }
  };
  for (const m of code.matchAll(new RegExp(String.raw`\b(?:const|let|var)\s+(${NAME})\s*=\s*${LOAD}`, 'g')))
    r.modules.set(m[1] as string, jsModuleName(m[2] as string));
  for (const m of code.matchAll(new RegExp(String.raw`\b(?:const|let|var)\s*\{([^}]*)\}\s*=\s*${LOAD}`, 'g')))
    destructure(m[1] as string, jsModuleName(m[2] as string), 'colon');
  for (const m of code.matchAll(/\bimport\s+(?:\*\s+as\s+)?([\w$]+)\s+from\s*(['"])([\w:/.@-]+)\2/g))
    r.modules.set(m[1] as string, jsModuleName(m[3] as string));
  for (const m of code.matchAll(/\bimport\s*\{([^}]*)\}\s*from\s*(['"])([\w:/.@-]+)\2/g))
    destructure(m[1] as string, jsModuleName(m[3] as string), 'as');
  // `import('fs').then(f => …)`, `.then(function (f) {…})`, `.then(({ rmSync }) => …)`.
  const then = String.raw`${LOAD}\s*\.\s*then\s*\(\s*(?:async\s+)?(?:function\s*\w*\s*)?\(?\s*`;
  for (const m of code.matchAll(new RegExp(String.raw`${then}(${NAME})\s*\)?\s*(?:=>|\{)`, 'g')))
    r.modules.set(m[2] as string, jsModuleName(m[1] as string));
  for (const m of code.matchAll(new RegExp(String.raw`${then}\{([^}]*)\}\s*\)?\s*(?:=>|\{)`, 'g')))
    destructure(m[2] as string, jsModuleName(m[1] as string), 'colon');
  // `const r = fs.rmSync` (a module's function kept under another name).
  for (const m of code.matchAll(
    // With or without a declaration (`let r; r = fs.rmSync`, `const cp = …, x = cp.execSync`).
    new RegExp(
      String.raw`(?:\b(?:const|let|var)\s+|[;\n,{]\s*|^\s*)(${NAME})\s*=(?!=)\s*(${NAME})\.(${NAME})\s*(?=[;\n,)}]|$)`,
      'g',
    ),
  )) {
    const module = r.modules.get(m[2] as string) ?? (m[2] as string);
    if (/^(fs|fsp|child_process|fs_extra)$/.test(module))
      r.functions.set(m[1] as string, `${module}.${m[3] as string}`);
  }
  // `const { execSync: x } = cp`: destructured from a module's other name.
  for (const m of code.matchAll(
    new RegExp(String.raw`\b(?:const|let|var)\s*\{([^}]*)\}\s*=\s*(${NAME})\s*(?=[;\n]|$)`, 'g'),
  )) {
    const module = r.modules.get(m[2] as string);
    if (module) destructure(m[1] as string, module, 'colon');
  }
  // `import cp, { execSync as x } from 'child_process'`.
  for (const m of code.matchAll(/\bimport\s+([\w$]+)\s*,\s*\{([^}]*)\}\s*from\s*(['"])([\w:/.@-]+)\3/g)) {
    r.modules.set(m[1] as string, jsModuleName(m[4] as string));
    destructure(m[2] as string, jsModuleName(m[4] as string), 'as');
  }
  // `const r = require('fs').rmSync`.
  for (const m of code.matchAll(
    new RegExp(String.raw`\b(?:const|let|var)\s+(${NAME})\s*=\s*${LOAD}\s*\.\s*(${NAME})`, 'g'),
  ))
    r.functions.set(m[1] as string, `${jsModuleName(m[2] as string)}.${m[3] as string}`);
  return r;
}

function apply(code: string, r: Renames): string {
  // `process.getBuiltinModule('fs')` (Node 22) loads a module like `require('fs')`.
  let out = code.replace(/\b(?:globalThis\s*\.\s*)?process\s*\.\s*getBuiltinModule\s*\(/g, 'require(');
  for (const [alias, module] of r.modules)
    if (alias !== module) out = out.replace(new RegExp(String.raw`(?<![\w$.])${esc(alias)}\s*\.`, 'g'), `${module}.`);
  for (const [alias, target] of r.functions)
    if (alias !== target)
      // Called (`x(…)`), handed on as a value (`forEach(x)`, `map(x, …)`), or an object taken out of a module
      // (`const { promises: p } = require("fs"); p.rm(…)`).
      out = out.replace(
        new RegExp(String.raw`(?<![\w$.])${esc(alias)}(?=\s*[(.])|(?<=[(,]\s*)${esc(alias)}(?=\s*[,)])`, 'g'),
        target,
      );
  return out;
}

/** `code` with the names it gives to modules and their functions written as the modules' own (see the top of the file). */
/**
 * pathlib on a literal path, as the os call it is: `Path("x").unlink()` is `os.remove("x")`, `Path("x").write_text(…)` is
 * `open("x", "w").write(…)`. A Path built at run time stays as written (unread.ts: not fully read).
 */
function pathlibCalls(code: string): string {
  const path = String.raw`\b(?:pathlib\s*\.\s*)?Path\s*\(\s*((['"])[^'"\\]*\2)\s*\)\s*\.\s*`;
  return code
    .replace(new RegExp(`${path}unlink\\s*\\(\\s*(?:missing_ok\\s*=\\s*\\w+\\s*)?\\)`, 'g'), 'os.remove($1)')
    .replace(new RegExp(`${path}rmdir\\s*\\(\\s*\\)`, 'g'), 'os.rmdir($1)')
    .replace(new RegExp(`${path}write_text\\s*\\(`, 'g'), 'open($1, "w").write(')
    .replace(new RegExp(`${path}write_bytes\\s*\\(`, 'g'), 'open($1, "wb").write(');
}

export function withModuleNames(code: string, lang: Lang): string {
  // pathlib on a literal path is the os call it is, in both readings.
  const plain = lang === 'python' && /\bPath\s*\(/.test(code) ? pathlibCalls(code) : code;
  const renamed = renamedCode(code, lang);
  // The code as written, then as renamed: a name bound twice (`import json as os; import os`, a shadowing inner scope)
  // is read both ways, so a rewrite can only ever find more, never hide what the code as written does.
  return renamed === plain ? plain : `${plain}\n${renamed}`;
}

function renamedCode(code: string, lang: Lang): string {
  if (lang === 'python') {
    const named = /\bimport\b|__import__|import_module|=/.test(code) ? apply(code, pythonRenames(code)) : code;
    const canonical = named.replace(
      /\b(?:posix|nt)\s*\.(?=\s*(?:system|popen|exec|spawn|remove|unlink|rmdir|rename))/g,
      'os.',
    );
    return /\bPath\s*\(/.test(canonical) ? pathlibCalls(canonical) : canonical;
  }
  if (lang === 'js') return /\brequire\b|\bimport\b|getBuiltinModule/.test(code) ? apply(code, jsRenames(code)) : code;
  if (lang === 'ruby') return rubyRenames(code);
  return code;
}

/** `include FileUtils`/`extend FileUtils` make its functions bare; `FU = FileUtils` names the module again. */
function rubyRenames(code: string): string {
  let out = /\b(?:include|extend)\s+FileUtils\b/.test(code) ? code.replace(RUBY_FILEUTILS, 'FileUtils.$1') : code;
  for (const m of code.matchAll(/(?:^|[\n;])\s*(\w+)\s*=\s*(FileUtils|Open3|Kernel|IO|Process)\s*(?=[\n;]|$)/g))
    out = out.replace(new RegExp(String.raw`(?<![\w:.])${esc(m[1] as string)}\s*\.`, 'g'), `${m[2] as string}.`);
  return out;
}
