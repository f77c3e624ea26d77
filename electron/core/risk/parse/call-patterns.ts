// The calls in Python, JavaScript, Ruby, Perl, PHP, awk, Lua, Julia, Elixir, Erlang, Groovy, Scala,
// Kotlin, Raku, Tcl and R code that run commands or touch files, by language: each pattern finds a
// call's start and names what it does (languages.ts reads its arguments).
import type { Lang } from './literals.ts';

export type Action =
  | 'shell'
  | 'spawn'
  | 'exec'
  | 'rm'
  | 'rm-r'
  | 'rmdir'
  | 'mv'
  | 'cp'
  | 'cp-r'
  | 'write'
  | 'append'
  | 'read'
  | 'open'
  | 'perl-open'
  | 'chmod'
  | 'chmod-mode-first'
  | 'fs'
  | 'env-name'
  | 'env-all'
  | 'upload'
  | 'fetch'
  | 'literal-shell'
  | 'path'
  | 'run-code'
  | 'pipe-to'
  | 'pipe-from'
  | 'print-to'
  | 'connect'
  | 'argv'
  | 'shell-before'
  | 'file-method'
  | 'rest-shell'
  | 'tcl-delete'
  | 'tcl-socket';

export interface CallPattern {
  re: RegExp;
  action: Action;
  /** The pattern counts only when the code also matches this (`exec(` only where child_process is loaded). */
  requires?: RegExp;
}

const P = (re: RegExp, action: Action, requires?: RegExp): CallPattern => ({
  re: new RegExp(re.source, 'g'),
  action,
  ...(requires ? { requires } : {}),
});
/** Perl and Ruby builtins are called with or without parentheses; not when they are a method or a variable. */
const BARE = String.raw`(?<![\w$@%&>:.])`;

export const PATTERNS: Record<Lang, CallPattern[]> = {
  python: [
    P(/(?:\bos\.|(?<![\w.]))(?:system|popen)\s*\(/, 'shell'),
    P(/\b(?:subprocess|sp)\.(?:run|call|check_call|check_output|Popen|getoutput|getstatusoutput)\s*\(/, 'shell'),
    P(/(?<![\w.])(?:check_call|check_output|Popen|getoutput|getstatusoutput)\s*\(/, 'shell', /subprocess/),
    P(/(?<![\w.])(?:run|call)\s*\(/, 'shell', /from\s+subprocess\s+import/),
    P(/\bos\.(?:exec[lv]p?e?|spawn[lv]p?e?|posix_spawnp?)\s*\(/, 'exec'),
    P(/\bpty\.spawn\s*\(/, 'shell'),
    P(/\bshutil\.rmtree\s*\(/, 'rm-r'),
    P(/\bos\.(?:remove|unlink)\s*\(/, 'rm'),
    P(/\bos\.(?:rmdir|removedirs)\s*\(/, 'rmdir'),
    P(/\b(?:shutil\.move|os\.rename|os\.renames|os\.replace)\s*\(/, 'mv'),
    P(/\bshutil\.(?:copy|copy2|copyfile)\s*\(/, 'cp'),
    P(/\bshutil\.copytree\s*\(/, 'cp-r'),
    P(/\bos\.chmod\s*\(/, 'chmod'),
    P(/(?:(?<![\w.])|\b(?:io|codecs)\.)open\s*\(/, 'open'),
    P(/\b(?:pathlib\.)?Path(?:\.home\s*\(\s*\)|\s*\()/, 'path'),
    P(/\bos\.(?:environ\s*\[|environ\.get\s*\(|getenv\s*\()\s*(['"])(\w+)\1/, 'env-name'),
    P(/\bos\.environ\b(?!\s*(?:\[|\.get\b))/, 'env-all'),
    P(/\b(?:requests|httpx)\.(?:post|put|patch)\s*\(/, 'upload'),
    P(/(?<![\w.])(?:exec|eval)\s*\(/, 'run-code'),
    P(/(?:\bsocket\.create_connection|\.connect(?:_ex)?)\s*\(/, 'connect', /\bsocket\b/),
  ],
  js: [
    P(/\b(?:exec|execSync)\s*\(/, 'shell', /child_process/),
    P(/\b(?:execFile|execFileSync|spawn|spawnSync|fork)\s*\(/, 'spawn', /child_process/),
    P(/\b(?:Bun\.spawn(?:Sync)?|Deno\.Command|Deno\.run)\s*\(/, 'spawn'),
    P(/\bBun\.\$\s*(?=`)/, 'literal-shell'),
    P(
      /(?:\b(?:fs|fsp|fse|fsPromises|promises)|require\(\s*['"](?:node:)?fs(?:\/promises)?['"]\s*\))\.(?:rmSync|rm|rmdirSync|rmdir|unlinkSync|unlink|writeFileSync|writeFile|appendFileSync|appendFile|readFileSync|readFile|renameSync|rename|copyFileSync|copyFile|cpSync|cp|chmodSync|chmod|createWriteStream|createReadStream)\s*\(/,
      'fs',
    ),
    P(/\bDeno\.(?:remove|removeSync)\s*\(/, 'rm'),
    P(/\b(?:Deno\.(?:writeTextFile|writeTextFileSync|writeFile|writeFileSync)|Bun\.write)\s*\(/, 'write'),
    P(/\bDeno\.(?:readTextFile|readTextFileSync|readFile|readFileSync)\s*\(/, 'read'),
    P(/\b(?:process\.env\.(\w+)|process\.env\[\s*(['"])(\w+)\2|Deno\.env\.get\s*\(\s*(['"])(\w+)\4)/, 'env-name'),
    P(/\b(?:process\.env\b(?!\s*[.[])|Deno\.env\.toObject\s*\()/, 'env-all'),
    P(/(?<![\w.])fetch\s*\(/, 'fetch'),
    // JavaScript for Automation (`osascript -l JavaScript`): `app.doShellScript("…")`.
    P(/\bdoShellScript\s*\(/, 'shell'),
    P(/(?<![\w.$])eval\s*\(|\bnew\s+Function\s*\(/, 'run-code'),
    P(/\b(?:net\.(?:connect|createConnection)|\.connect)\s*\(/, 'connect', /require\(\s*['"](?:node:)?net['"]\s*\)/),
  ],
  ruby: [
    P(new RegExp(String.raw`(?:${BARE}|\bKernel\.)(?:system|exec|spawn)\b(?:\s*\(|\s+(?=['"%\[]))`), 'shell'),
    P(/\b(?:Process\.spawn|IO\.popen|Open3\.\w+)\s*\(/, 'shell'),
    P(/`|%x\s*(?=[^\w\s])/, 'literal-shell'),
    P(/\bFileUtils\.(?:rm_rf|rm_r|remove_dir|remove_entry|remove_entry_secure|rmtree|remove_tree)\b\s*\(?/, 'rm-r'),
    P(/\b(?:FileUtils\.(?:rm|rm_f|remove|safe_unlink)|File\.(?:delete|unlink))\b\s*\(?/, 'rm'),
    P(/\b(?:Dir\.(?:rmdir|delete|unlink)|FileUtils\.rmdir)\b\s*\(?/, 'rmdir'),
    P(/\b(?:FileUtils\.(?:mv|move)|File\.rename)\b\s*\(?/, 'mv'),
    P(/\bFileUtils\.(?:cp|copy|copy_file)\b\s*\(?/, 'cp'),
    P(/\bFileUtils\.cp_r\b\s*\(?/, 'cp-r'),
    P(/\bFile\.write\b\s*\(?/, 'write'),
    P(/\b(?:File\.(?:read|readlines|foreach)|IO\.(?:read|readlines))\b\s*\(?/, 'read'),
    P(/\bFile\.open\b\s*\(?/, 'open'),
    P(/\b(?:FileUtils\.chmod(?:_R)?|File\.chmod)\b\s*\(?/, 'chmod-mode-first'),
    P(/\bENV(?:\s*\[|\.fetch\s*\()\s*(['"])(\w+)\1/, 'env-name'),
    P(/\bENV\b(?!\s*(?:\[|\.fetch\b))/, 'env-all'),
    P(new RegExp(String.raw`${BARE}eval\b(?:\s*\(|\s+(?=['"%\w]))`), 'run-code'),
    P(/\bTCPSocket\.(?:new|open)\b\s*\(?/, 'connect'),
  ],
  perl: [
    P(new RegExp(String.raw`${BARE}(?:system|exec)\b\s*\(?`), 'shell'),
    P(/`|\bqx\s*(?=[^\w\s])/, 'literal-shell'),
    P(new RegExp(String.raw`${BARE}unlink\b\s*\(?`), 'rm'),
    P(new RegExp(String.raw`${BARE}(?:File::Path::)?(?:rmtree|remove_tree)\b\s*\(?`), 'rm-r'),
    P(new RegExp(String.raw`${BARE}rmdir\b\s*\(?`), 'rmdir'),
    P(new RegExp(String.raw`${BARE}rename\b\s*\(?`), 'mv'),
    P(new RegExp(String.raw`${BARE}chmod\b\s*\(?`), 'chmod-mode-first'),
    P(new RegExp(String.raw`${BARE}open\b\s*\(?`), 'perl-open'),
    P(/\$ENV\{\s*['"]?(\w+)['"]?\s*\}/, 'env-name'),
    P(/%ENV\b/, 'env-all'),
    // `eval { … }` catches errors; `eval EXPR` runs EXPR as code.
    P(new RegExp(String.raw`${BARE}eval\b(?:\s*\(|\s+(?=['"$\w]))`), 'run-code'),
    // `IO::Socket::INET->new(PeerAddr => "host:port")`: the address is the value after PeerAddr.
    P(/\bPeerAddr\s*(?:=>|,)\s*/, 'connect'),
  ],
  php: [
    P(/(?<![\w$>:])(?:shell_exec|exec|system|passthru|popen|proc_open|pcntl_exec)\s*\(/, 'shell'),
    P(/`/, 'literal-shell'),
    P(/(?<![\w$>:])unlink\s*\(/, 'rm'),
    P(/(?<![\w$>:])rmdir\s*\(/, 'rmdir'),
    P(/(?<![\w$>:])rename\s*\(/, 'mv'),
    P(/(?<![\w$>:])copy\s*\(/, 'cp'),
    P(/(?<![\w$>:])file_put_contents\s*\(/, 'write'),
    P(/(?<![\w$>:])(?:file_get_contents|readfile|file)\s*\(/, 'read'),
    P(/(?<![\w$>:])fopen\s*\(/, 'open'),
    P(/(?<![\w$>:])chmod\s*\(/, 'chmod'),
    P(/(?:\bgetenv\s*\(\s*|\$_ENV\s*\[\s*)(['"])(\w+)\1/, 'env-name'),
    P(/\bgetenv\s*\(\s*\)|\$_ENV\b(?!\s*\[)/, 'env-all'),
    P(/(?<![\w$>:])eval\s*\(/, 'run-code'),
    P(/(?<![\w$>:])(?:fsockopen|pfsockopen|stream_socket_client)\s*\(/, 'connect'),
  ],
  awk: [
    P(/(?<![\w$])system\s*\(/, 'shell'),
    // `print … | "cmd"` feeds cmd; `"cmd" | getline` reads its output; `print … > "file"` writes file.
    P(/\bprintf?\b[^;{}\n|>]*?\|&?\s*/, 'pipe-to'),
    P(/("(?:[^"\\]|\\.)*"|[A-Za-z_]\w*)\s*\|&?\s*getline\b/, 'pipe-from'),
    P(/\bprintf?\b[^;{}\n|>]*?(>>?)\s*/, 'print-to'),
    P(/\bENVIRON\s*\[\s*"(\w+)"/, 'env-name'),
    P(/\bENVIRON\b(?!\s*\[)/, 'env-all'),
  ],
  lua: [
    // Lua calls with one string argument need no parentheses: `os.execute "id"`.
    P(/\b(?:os\.execute|io\.popen)\s*(?:\(|(?=['"[]))/, 'shell'),
    P(/\bos\.remove\s*\(/, 'rm'),
    P(/\bos\.rename\s*\(/, 'mv'),
    P(/\bio\.open\s*\(/, 'open'),
    P(/\bos\.getenv\s*\(?\s*(['"])(\w+)\1/, 'env-name'),
    P(/(?<![\w.:])(?:load|loadstring)\s*\(/, 'run-code'),
    P(/\bsocket\.connect\s*\(|:connect\s*\(/, 'connect', /\bsocket\b/),
  ],
  julia: [
    P(/(?<![\w.])(?:run|read|success)\s*\(\s*(?=`)/, 'shell'),
    P(/(?<![\w.])rm\s*\(/, 'rm'),
    P(/(?<![\w.])(?:mv)\s*\(/, 'mv'),
    P(/(?<![\w.])cp\s*\(/, 'cp'),
    P(/(?<![\w.])write\s*\(\s*(?=")/, 'write'),
    P(/(?<![\w.])open\s*\(/, 'open'),
    P(/\bENV\s*\[\s*(")(\w+)\1/, 'env-name'),
    P(/(?<![\w.])include_string\s*\(\s*Main\s*,\s*|\bMeta\.parse\s*\(/, 'run-code'),
    P(/\bconnect\s*\(/, 'connect', /\bSockets\b/),
  ],
  elixir: [
    P(/\bSystem\.cmd\b\s*\(?/, 'spawn'),
    P(/\bSystem\.shell\b\s*\(?|:os\.cmd\s*\(/, 'shell'),
    P(/\bFile\.rm_rf\b!?\s*\(?/, 'rm-r'),
    P(/\bFile\.rm\b!?\s*\(?/, 'rm'),
    P(/\bFile\.rmdir\b!?\s*\(?/, 'rmdir'),
    P(/\bFile\.(?:rename|mv)\b!?\s*\(?/, 'mv'),
    P(/\bFile\.cp_r\b!?\s*\(?/, 'cp-r'),
    P(/\bFile\.cp\b!?\s*\(?/, 'cp'),
    P(/\bFile\.write\b!?\s*\(?/, 'write'),
    P(/\bFile\.read\b!?\s*\(?/, 'read'),
    P(/\bSystem\.get_env\s*\(\s*(")(\w+)\1/, 'env-name'),
    P(/\bSystem\.get_env\s*\(\s*\)/, 'env-all'),
    P(/\bCode\.eval_string\s*\(?/, 'run-code'),
    P(/:gen_tcp\.connect\s*\(/, 'connect'),
  ],
  erlang: [
    P(/\bos:cmd\s*\(/, 'shell'),
    P(/\bopen_port\s*\(\s*\{\s*spawn\s*,\s*/, 'shell'),
    P(/\bfile:delete\s*\(/, 'rm'),
    P(/\bfile:del_dir_r\s*\(/, 'rm-r'),
    P(/\bfile:del_dir\s*\(/, 'rmdir'),
    P(/\bfile:rename\s*\(/, 'mv'),
    P(/\bfile:copy\s*\(/, 'cp'),
    P(/\bfile:write_file\s*\(/, 'write'),
    P(/\bfile:read_file\s*\(/, 'read'),
    P(/\bos:getenv\s*\(\s*(")(\w+)\1/, 'env-name'),
    P(/\bgen_tcp:connect\s*\(/, 'connect'),
  ],
  groovy: jvm(),
  scala: [
    // sys.process: `"cmd".!`, `"cmd" !!`, `Seq("rm", "-rf", p).!`, `Process("cmd").!`
    P(/("(?:[^"\\]|\\.)*"|(?:Seq|List)\s*\([^()]*\))\s*\.?\s*!!?/, 'shell-before'),
    P(/\bProcess\s*\(/, 'shell'),
    ...jvm(),
  ],
  kotlin: jvm(),
  raku: [
    P(new RegExp(String.raw`${BARE}shell\b\s*\(?`), 'shell'),
    P(new RegExp(String.raw`${BARE}run\b\s*\(?`), 'argv'),
    P(/\b(?:qx|QX)\s*(?=[^\w\s])/, 'literal-shell'),
    P(new RegExp(String.raw`${BARE}unlink\b\s*\(?`), 'rm'),
    P(new RegExp(String.raw`${BARE}rmdir\b\s*\(?`), 'rmdir'),
    P(new RegExp(String.raw`${BARE}spurt\b\s*\(?`), 'write'),
    P(new RegExp(String.raw`${BARE}slurp\b\s*\(?`), 'read'),
    P(/%\*ENV\s*(?:<\s*(\w+)\s*>|\{\s*(['"])(\w+)\2\s*\})/, 'env-name'),
    P(/\bEVAL\b\s*\(?/, 'run-code'),
  ],
  tcl: [
    // `exec rm -rf x`, `[exec ls | wc]`: the rest of the command is a pipeline Tcl runs.
    P(/(?:^|[;\n[{]\s*)exec\s+/, 'rest-shell'),
    // expect's `spawn prog args` starts a program to talk to.
    P(/(?:^|[;\n[{]\s*)spawn\s+/, 'rest-shell'),
    P(/\bopen\s+"\|/, 'rest-shell'),
    P(/\bfile\s+delete\s+/, 'tcl-delete'),
    P(/\$(?:::)?env\((\w+)\)/, 'env-name'),
    P(/\bsocket\s+/, 'tcl-socket'),
  ],
  r: [
    P(/(?<![\w.])(?:system|shell)\s*\(/, 'shell'),
    P(/(?<![\w.])system2\s*\(/, 'spawn'),
    P(/(?<![\w.])(?:unlink|file\.remove)\s*\(/, 'rm'),
    P(/(?<![\w.])file\.rename\s*\(/, 'mv'),
    P(/(?<![\w.])file\.copy\s*\(/, 'cp'),
    P(/\bSys\.getenv\s*\(\s*(['"])(\w+)\1/, 'env-name'),
    P(/\bSys\.getenv\s*\(\s*\)/, 'env-all'),
    P(/\bsocketConnection\s*\(/, 'connect'),
  ],
  // AppleScript's `do shell script` is read by the osascript rule (rules/code.ts).
  applescript: [],
};

/** Groovy, Scala and Kotlin share the JVM's ways of running programs and deleting files. */
function jvm(): CallPattern[] {
  return [
    // Groovy: `"rm -rf x".execute()`, `["rm", "-rf", x].execute()`
    P(/("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\[[^\][]*\])\s*\.execute\s*\(/, 'shell-before'),
    P(/\bRuntime\.getRuntime(?:\(\))?\.exec\s*\(/, 'shell'),
    P(/\bProcessBuilder\s*\(/, 'argv'),
    P(
      /\bFile\s*\(\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')\s*\)\s*\.(deleteDir|deleteRecursively|delete|writeText|write|setText|text\s*=)\s*\(?/,
      'file-method',
    ),
    P(/\b(?:Eval\.me|evaluate)\s*\(/, 'run-code'),
    P(/\bSystem\.getenv\s*\(\s*(")(\w+)\1/, 'env-name'),
    P(/\bnew\s+Socket\s*\(|\bSocket\s*\(/, 'connect'),
  ];
}
