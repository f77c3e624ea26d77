// Names built at run time that can still be read: `__import__("o"+"s")` is `os`, `getattr(os,
// "sys"+"tem")` is `os.system`, `require("child_"+"process")` is `require('child_process')`,
// `obj["ex"+"ec"]` is `obj.exec`, `Kernel.send(:system, …)` is `Kernel.system(…)`,
// `call_user_func("sys"."tem", …)` is `system(…)`, `_G["os"]` is `os`. The code is rewritten so the call
// patterns (call-patterns.ts) see the call it makes; the rules still say it was not fully read (unread.ts).
import { evaluate, matching, splitArgs, type Lang } from './literals.ts';

type Build = (code: string, at: number, head: string, lang: Lang) => { text: string; end: number } | null;

interface Rewrite {
  head: RegExp;
  build: Build;
}

/** A name an evaluated expression gives, when it is one (`os`, `child_process`, `system`, `os.path`). */
function nameOf(raw: string, lang: Lang): string | null {
  const sym = /^:(\w+[?!]?)$/.exec(raw.trim());
  if (sym) return sym[1] as string;
  const v = evaluate(raw, lang);
  if (v.kind !== 'string' || !v.word.known) return null;
  const name = v.word.text.replace(/^main::/, '');
  return /^[A-Za-z_$][\w$]*(?:[.:/][\w$-]+)*$/.test(name) ? name : null;
}

/** The call's arguments from just after `(`, and the index of its `)`. */
function callArgs(code: string, from: number, lang: Lang): { args: string[]; end: number } | null {
  const { args, end } = splitArgs(code, from, lang, true);
  return code[end] === ')' ? { args, end } : null;
}

/** `f(X)` → the name X gives. */
const toName: Build = (code, at, head, lang) => {
  const call = callArgs(code, at + head.length, lang);
  const name = call?.args[0] !== undefined ? nameOf(call.args[0], lang) : null;
  return call && name ? { text: name, end: call.end + 1 } : null;
};

/** `require(X)` → `require('name')`. */
const requireName: Build = (code, at, head, lang) => {
  const call = callArgs(code, at + head.length, lang);
  const name = call?.args[0] !== undefined ? nameOf(call.args[0], lang) : null;
  return call && name ? { text: `require('${name}')`, end: call.end + 1 } : null;
};

/** `getattr(A, X)` → `A.name`. */
const getattr: Build = (code, at, head, lang) => {
  const call = callArgs(code, at + head.length, lang);
  if (!call || call.args.length < 2) return null;
  const name = nameOf(call.args[1] as string, lang);
  return name ? { text: `${call.args[0] as string}.${name}`, end: call.end + 1 } : null;
};

/** `X[name-expr]` → `X.name`; `globals()[X]`, `_G[X]` → `name`. */
const index =
  (prefix: boolean): Build =>
  (code, at, head, lang) => {
    const open = at + head.length - 1;
    const close = matching(code, open, lang);
    if (close >= code.length) return null;
    const name = nameOf(code.slice(open + 1, close), lang);
    if (!name || !/^[A-Za-z_$][\w$]*$/.test(name)) return null;
    return { text: prefix ? `${head.slice(0, -1).trimEnd()}.${name}` : name, end: close + 1 };
  };

/** `.send(:name, args)` → `.name(args)`; `call_user_func('name', args)` → `name(args)`. */
const firstArgIsName =
  (keepDot: boolean): Build =>
  (code, at, head, lang) => {
    const call = callArgs(code, at + head.length, lang);
    const name = call?.args[0] !== undefined ? nameOf(call.args[0], lang) : null;
    if (!call || !name) return null;
    return {
      text: `${keepDot && head.trimStart().startsWith('.') ? '.' : ''}${name}(${call.args.slice(1).join(', ')})`,
      end: call.end + 1,
    };
  };

const R = (re: RegExp, build: Build): Rewrite => ({ head: new RegExp(re.source, 'g'), build });

const REWRITES: Partial<Record<Lang, Rewrite[]>> = {
  python: [
    R(/\b__import__\s*\(/, toName),
    R(/\b(?:importlib\.)?import_module\s*\(/, toName),
    R(/(?<![\w.])getattr\s*\(/, getattr),
    R(/\b(?:globals|locals|vars)\s*\(\s*\)\s*\[/, index(false)),
    R(/\b__builtins__(?:\.__dict__)?\s*\[/, index(false)),
  ],
  js: [
    R(/(?<![\w.$])require\s*\(/, requireName),
    // `obj["ex"+"ec"]`, `require(…)["execSync"]`: a member named by an expression (not `of ['a']`).
    R(/(?:[\w$]|[)\]]\s*)\[/, index(true)),
  ],
  ruby: [
    R(/\.(?:send|public_send|__send__)\s*\(/, firstArgIsName(true)),
    R(/(?<![\w.])(?:send|public_send|__send__)\s*\(/, firstArgIsName(false)),
    R(/\b(?:Object|Kernel|Module)\.const_get\s*\(/, toName),
  ],
  php: [R(/\bcall_user_func(?:_array)?\s*\(/, firstArgIsName(false))],
  lua: [R(/\b_[GE](?:NV)?\s*\[/, index(false))],
};

/** Cheap tests for whether any rewrite can apply, so ordinary code is not scanned twice. */
const TRIGGERS: Partial<Record<Lang, RegExp>> = {
  python: /__import__|import_module|getattr|globals|locals|vars\s*\(|__builtins__/,
  js: /require\s*\(\s*[^'"`\s)]|require\s*\(\s*(['"`])[^'"`]*\1\s*[+,]|\[\s*[^\]\d\s]/,
  ruby: /send\s*\(|const_get|constantize/,
  php: /call_user_func|\)\s*\(/,
  lua: /_G\s*\[|_ENV\s*\[/,
  perl: /&\{/,
};

/** Prefixes that only name where a function lives: `builtins.eval` is `eval`, `globalThis.eval` is `eval`. */
const NAMESPACE: Partial<Record<Lang, RegExp>> = {
  python: /\b(?:__builtins__|builtins)\.(?=\w+\s*\()/g,
  js: /\b(?:globalThis|global|window|self)\.(?=\w+\s*\()/g,
};

/** Passes over the code: each resolves names one level deeper (`getattr(__import__(…), …)` takes two). */
const MAX_PASSES = 4;
/** Names resolved per pass, and the longest code resolved at all: real one-liners build a handful. */
const MAX_REWRITES = 32;
const MAX_RESOLVE_CHARS = 64 * 1024;

/**
 * The code with the names it builds from literals written out, so the calls it makes can be read.
 * Code past the bounds is left as written: the rules still say it was not fully read (unread.ts).
 */
export function resolveNames(code: string, lang: Lang): string {
  const trigger = TRIGGERS[lang];
  if (!trigger || code.length > MAX_RESOLVE_CHARS || !trigger.test(code)) return code;
  let out = code;
  // PHP `("sys"."tem")("id")`, Ruby `"Fi"+"le".constantize`, Perl `&{"sys"."tem"}(…)`: a name in parentheses or braces.
  if (lang === 'php')
    out = out.replace(/\(\s*((?:(['"])[^'"]*\2\s*\.\s*)+(['"])[^'"]*\3)\s*\)\s*\(/g, (m, expr: string) => {
      const name = nameOf(expr, lang);
      return name ? `${name}(` : m;
    });
  if (lang === 'perl') out = out.replace(/&\{\s*([^{}]+?)\s*\}/g, (m, expr: string) => nameOf(expr, lang) ?? m);
  if (lang === 'ruby')
    out = out.replace(
      /\(?\s*((['"])[^'"]*\2(?:\s*\+\s*(['"])[^'"]*\3)*)\s*\)?\s*\.\s*(?:safe_)?constantize\b/g,
      (m, expr: string) => nameOf(expr, lang) ?? m,
    );
  const rewrites = REWRITES[lang] ?? [];
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const hits: Array<{ at: number; rewrite: Rewrite }> = [];
    for (const rewrite of rewrites) {
      for (const m of out.matchAll(rewrite.head)) {
        if (hits.length >= MAX_REWRITES) break;
        hits.push({ at: m.index, rewrite });
      }
    }
    let changed = false;
    // Innermost (rightmost) first: an outer call's start is unmoved by rewriting inside it.
    for (const { at, rewrite } of hits.sort((a, b) => b.at - a.at)) {
      const head = new RegExp(rewrite.head.source, 'y');
      head.lastIndex = at;
      const m = head.exec(out);
      if (!m) continue;
      const done = rewrite.build(out, at, m[0], lang);
      if (!done) continue;
      const next = out.slice(0, at) + done.text + out.slice(done.end);
      if (next !== out) {
        out = next;
        changed = true;
      }
    }
    if (!changed) break;
  }
  const ns = NAMESPACE[lang];
  return ns ? out.replace(ns, '') : out;
}
