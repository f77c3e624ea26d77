// What makes inline code not fully read: code run from text built at run time (`exec(x)`, `eval`,
// `Function(`, `vm.runIn*`, `instance_eval`, `load`), names built at run time (`__import__("o"+"s")`,
// `getattr(os, x)`, `require("child_"+"process")`, `send(x)`, `constantize`, `globals()[…]`,
// `process.binding`), and text decoded on the spot (base64, hex, rot13, zlib, `chr()` joins,
// `String.fromCharCode`, `\x`/`\u` escapes, reversed strings). Each is named in words; with what the
// code can reach (processes, files, the network: a scan of the code, of the names it builds and of the
// text it decodes), the rules score it (rules/code.ts): at least medium, high when it can reach them.
import { withModuleNames } from './aliases.ts';
import { evaluate, matching, readString, splitArgs, type Lang } from './literals.ts';

export interface Unread {
  /** What the code does that cannot be read, in a few words each (`imports a module named at run time (__import__)`). */
  what: string[];
  /** What it can reach among processes, files and the network, in words (`processes and files`); null for none. */
  reaches: string | null;
  /** It runs text as code, or names what it calls from values nobody can know (it could reach anything). */
  anything: boolean;
}

type Kind = 'exec' | 'name' | 'decode';

interface Check {
  re: RegExp;
  kind: Kind;
  what: string;
  /** The argument that must be a plain literal for the call to be read (`exec('…')` is read; `exec(x)` is not). */
  arg?: number;
  /** Whether a match counts, given its arguments' source texts (getattr counts only on modules or built names). */
  test?: (args: string[], lang: Lang) => boolean;
}

const C = (re: RegExp, kind: Kind, what: string, extra: Omit<Check, 're' | 'kind' | 'what'> = {}): Check => ({
  re: new RegExp(re.source, `g${re.flags.replace('g', '')}`),
  kind,
  what,
  ...extra,
});
const BARE = String.raw`(?<![\w$@%&>:.])`;

/** Modules whose attributes run commands or reach the system: `getattr(os, name)` is not fully read. */
const MODULE_ISH =
  /^(?:os|sys|subprocess|builtins|__builtins__|importlib|shutil|socket|pty|posix|nt|ctypes|io|pathlib|urllib\S*|http\S*|requests|__import__\s*\([\s\S]*\)|globals\(\)|locals\(\)|importlib\.import_module\s*\([\s\S]*\))$/;
const getattrTest = (args: string[], lang: Lang): boolean => {
  const name = args[1] ?? '';
  if (isPlain(name, lang)) return false;
  return evaluate(name, lang).kind === 'string' || MODULE_ISH.test((args[0] ?? '').trim());
};
/** A path under the script's own directory or the working directory: a file, never a built-in module. */
const LOCAL_PATH =
  /^(?:(?:path|require\(\s*['"](?:node:)?path['"]\s*\))\.(?:join|resolve)\s*\(\s*(?:__dirname|process\.cwd\(\)|['"`]\.{0,2}\/)|require\.resolve\s*\(\s*['"`]\.{0,2}\/|__dirname\b|process\.cwd\(\)\s*\+)/;
/** `require('./x')` is read; `require(path.join(__dirname, 'x'))` is a file of the project; anything else is named at run time. */
const requireTest = (args: string[], lang: Lang): boolean => {
  const raw = (args[0] ?? "''").trim();
  if (isPlain(raw, lang)) return false;
  const v = evaluate(raw, lang);
  // `require(path.join("child_" + "process"))` is still child_process.
  if (v.kind === 'string' && v.word.known) return !/^\.{0,2}\//.test(v.word.text);
  return !LOCAL_PATH.test(raw);
};

const JS_CHECKS: Check[] = [
  C(
    /(?:[(,]\s*(?:[\w$]+\.)?|\)\s*\.)(?:execSync|exec|execFileSync|execFile|spawnSync|spawn|rmSync|rm|unlinkSync|unlink|writeFileSync|writeFile)\s*[,)]/,
    'name',
    'passes a function that runs commands or changes files as a value (forEach(execSync)); what it is called with is not read',
  ),
  C(/(?<![\w.$])eval\s*\(/, 'exec', 'runs code built at run time (eval)', { arg: 0 }),
  C(/\bnew\s+Function\s*\(|(?<![\w.$])Function\s*\(/, 'exec', 'builds a function from text (Function)'),
  C(
    /\bvm\s*\.\s*(?:runIn\w+|compileFunction|Script|SourceTextModule)\b|\brunIn(?:This|New)?Context\s*\(/,
    'exec',
    'runs code through vm',
  ),
  C(/\bset(?:Timeout|Interval|Immediate)\s*\(\s*(?:['"`]|[\w$.]+\s*\+)/, 'exec', 'runs a string as code (setTimeout)'),
  C(
    /\.constructor\s*\.\s*constructor\s*\(|\[\s*['"`]constructor['"`]\s*\]\s*[[(]/,
    'exec',
    'reaches Function through a constructor',
  ),
  C(/\bdoShellScript\s*\(/, 'exec', 'runs a shell command built at run time (doShellScript)', { arg: 0 }),
  C(/(?<![\w.$])require\s*\(/, 'name', 'loads a module named at run time (require)', { test: requireTest, arg: 0 }),
  C(/(?<![\w.$])import\s*\(/, 'name', 'imports a module named at run time (import())', { arg: 0 }),
  C(
    /\bprocess\s*\.\s*(?:binding|_linkedBinding|dlopen)\s*\(|\bprocess\s*\[\s*['"`](?:binding|_linkedBinding|dlopen)/,
    'name',
    'loads native bindings (process.binding, process.dlopen)',
  ),
  C(
    /\b(?:module\.constructor|Module)\s*\.\s*_load\s*\(|\bprocess\.mainModule\b|\bmodule\.require\s*\(/,
    'name',
    "loads modules through Node's internals",
  ),
  // On the global object only: `this[key]` and `exports[name]` are everyday JavaScript.
  C(/\b(?:global|globalThis|window|self|Reflect)\s*\[/, 'name', 'looks up a name built at run time ([…])', { arg: 0 }),
  C(
    /\[\s*(?:(['"`])[^'"`]*\1\s*\+\s*)+(['"`])[^'"`]*\2\s*\]/,
    'name',
    'builds a member name from pieces ("ex" + "ec")',
  ),
  C(
    /\bBuffer\s*\.\s*from\s*\((?=[^)]*,\s*['"`](?:base64|base64url|hex)['"`])/,
    'decode',
    'decodes base64 or hex (Buffer.from)',
  ),
  C(/(?<![\w.$])atob\s*\(/, 'decode', 'decodes base64 (atob)'),
  C(
    /\bString\s*\.\s*from(?:CharCode|CodePoint)\s*\(/,
    'decode',
    'spells text from character codes (String.fromCharCode)',
  ),
  C(/(?<![\w.$])unescape\s*\(/, 'decode', 'decodes escaped text (unescape)'),
  C(/\.split\(\s*(['"`])\1\s*\)\s*\.reverse\(\)\s*\.join\(/, 'decode', 'reverses a string'),
  C(/\bzlib\s*\.\s*(?:inflate|gunzip|unzip|brotliDecompress|inflateRaw)\w*\s*\(/, 'decode', 'decompresses data (zlib)'),
];

const JVM_CHECKS: Check[] = [
  C(
    /\bEval\.(?:me|x|xy|xyz)\s*\(|(?<![\w.])evaluate\s*\(|\bGroovyShell\b|\bScriptEngine(?:Manager)?\b|\bToolBox\b|\.eval\s*\(|\bIMain\b/,
    'exec',
    'runs code built at run time (eval)',
  ),
  C(
    /\bClass\.forName\s*\(|\.getMethod\s*\(|\.getDeclaredMethod\s*\(|\.invoke\s*\(|\.invokeMethod\s*\(|\.\s*"\$|\.\s*&?\$\{/,
    'name',
    'calls a class or method named at run time (reflection)',
  ),
  C(
    /\bBase64\.getDecoder\b|\.decodeBase64\s*\(|\.decodeHex\s*\(|DatatypeConverter\.parse(?:Base64|HexBinary)|\bBase64\.decode\b/,
    'decode',
    'decodes base64 or hex',
  ),
  C(
    /\bnew\s+String\s*\(\s*(?:new\s+)?(?:byte|char)\b|\(char\)\s*\d+|\b\d+\.toChar\(\)/,
    'decode',
    'spells text from character codes',
  ),
  C(/\b(?:GZIPInputStream|InflaterInputStream|Inflater)\b/, 'decode', 'decompresses data'),
];

const CHECKS: Record<Lang, Check[]> = {
  python: [
    C(/\bos\.fork(?:pty)?\s*\(/, 'exec', 'forks the interpreter (os.fork): in a loop, a fork bomb'),
    C(
      /[(,]\s*(?:os\.(?:system|popen|remove|unlink|rmdir|removedirs|rename|exec\w*|spawn\w*)|subprocess\.(?:run|call|Popen|check_output|check_call|getoutput)|shutil\.(?:rmtree|move|copy\w*))\s*[,)]/,
      'name',
      'passes a function that runs commands or changes files as a value (map(os.system, …)); what it is called with is not read',
    ),
    C(
      /(?<!\bos)\.(?:unlink|rmdir|write_text|write_bytes|symlink_to|hardlink_to)\s*\(/,
      'name',
      'changes files through an object (Path.unlink(), write_text()); which files is not read',
    ),
    C(/(?<![\w.])(?:exec|eval)\s*\(/, 'exec', 'runs code built at run time (exec, eval)', { arg: 0 }),
    C(/(?<![\w.])compile\s*\(/, 'exec', 'compiles code built at run time (compile)', { arg: 0 }),
    C(/\b__import__\s*\(/, 'name', 'imports a module named at run time (__import__)', { arg: 0 }),
    C(/\bimport_module\s*\(/, 'name', 'imports a module named at run time (import_module)', { arg: 0 }),
    C(/(?<![\w.])getattr\s*\(/, 'name', 'looks up an attribute named at run time (getattr)', {
      arg: 1,
      test: getattrTest,
    }),
    C(/\b(?:globals|locals|vars)\s*\(\s*\)\s*\[/, 'name', 'looks up a name built at run time (globals()[…])', {
      arg: 0,
    }),
    C(
      /__builtins__|\b(?:builtins|os|sys|subprocess)\s*\.\s*__dict__|__getattribute__\s*\(|__subclasses__\s*\(|\bsys\.modules\s*\[/,
      'name',
      "reaches into the interpreter's internals",
    ),
    C(/\bctypes\b|\bcdll\b|\bCDLL\s*\(/, 'name', 'calls native code (ctypes)'),
    C(
      /\b(?:b64decode|b32decode|b16decode|b85decode|a85decode|decodebytes|decodestring|urlsafe_b64decode|standard_b64decode)\s*\(/,
      'decode',
      'decodes base64',
    ),
    C(/\bbytes\.fromhex\s*\(|\bunhexlify\s*\(|\ba2b_(?:hex|base64|uu|qp)\s*\(/, 'decode', 'decodes hex'),
    C(
      /\bcodecs\.decode\s*\(|\.decode\s*\(\s*['"](?:hex|base64|rot_?13|zlib|bz2|uu)(?:_codec)?['"]/,
      'decode',
      'decodes text (codecs, rot13)',
    ),
    C(/\b(?:zlib|gzip|bz2|lzma)\.decompress\s*\(/, 'decode', 'decompresses data'),
    C(
      /(?<![\w.])chr\s*\(\s*\d+\s*\)\s*\+|\+\s*chr\s*\(|\bjoin\s*\(\s*(?:map\s*\(\s*chr\b|\[?\s*chr\s*\()/,
      'decode',
      'spells text with chr()',
    ),
    C(/['"]\s*\)?\s*\[\s*::\s*-1\s*\]/, 'decode', 'reverses a string ([::-1])'),
  ],
  js: JS_CHECKS,
  ruby: [
    C(
      new RegExp(String.raw`${BARE}fork\b|\bProcess\.fork\b`),
      'exec',
      'forks the interpreter (fork): in a loop, a fork bomb',
    ),
    C(new RegExp(String.raw`${BARE}eval\b(?:\s*\(|\s+(?=['"%\w$@]))`), 'exec', 'runs code built at run time (eval)', {
      arg: 0,
    }),
    C(
      /\b(?:instance_eval|class_eval|module_eval|class_exec|instance_exec|binding\.eval)\b(?!\s*(?:\{|do\b))/,
      'exec',
      'runs code built at run time (instance_eval)',
    ),
    C(
      /(?:\.|(?<![\w.]))(?:send|public_send|__send__)\s*(?:\(|\s+(?=[:'"\w]))/,
      'name',
      'calls a method named at run time (send)',
      { arg: 0 },
    ),
    C(/\bconst_get\s*(?:\(|\s+(?=[:'"\w]))/, 'name', 'looks up a class named at run time (const_get)', { arg: 0 }),
    C(/\b(?:safe_)?constantize\b/, 'name', 'looks up a class named at run time (constantize)'),
    C(/(?<![\w.])method\s*\(/, 'name', 'calls a method named at run time (method)', { arg: 0 }),
    C(
      /(?<![\w.:])(?:require|load|require_relative)\s*(?:\(|\s+(?=[\w$@'"]))/,
      'name',
      'loads code named at run time (require)',
      { arg: 0 },
    ),
    C(/\bObjectSpace\b|\bFiddle\b|\bsyscall\b/, 'name', "reaches into Ruby's internals or native code"),
    C(
      /\b(?:Base64\.)?(?:decode64|strict_decode64|urlsafe_decode64)\b|\.unpack1?\s*\(?\s*['"](?:m|u|H)/,
      'decode',
      'decodes base64 or hex',
    ),
    C(/\.pack\s*\(?\s*['"](?:H|m|U\*|c\*|C\*)/, 'decode', 'packs bytes into text (pack)'),
    C(/\bZlib::Inflate\b|\bZlib\.inflate\b/, 'decode', 'decompresses data'),
    C(/\b\d+\.chr\b[\s\S]*\b\d+\.chr\b|\(\s*&:chr\s*\)/, 'decode', 'spells text from character codes (.chr)'),
    C(/['"]\s*\.reverse\b/, 'decode', 'reverses a string'),
  ],
  perl: [
    C(new RegExp(String.raw`${BARE}fork\b`), 'exec', 'forks the interpreter (fork): in a loop, a fork bomb'),
    C(
      new RegExp(String.raw`${BARE}eval\b(?!\s*\{)(?:\s*\(|\s+(?=['"$\w]))`),
      'exec',
      'runs code built at run time (eval)',
      { arg: 0 },
    ),
    C(
      /\bs([^\w\s{(<[])(?:\\.|(?!\1)[^\\])*\1(?:\\.|(?!\1)[^\\])*\1[a-z]*e[a-z]*e/,
      'exec',
      'evaluates a substitution as code (s///ee)',
    ),
    C(
      /&\{\s*["'$]|&\$\w+\s*\(|\*\{\s*["']|->can\s*\(\s*(?!['"]\w+['"]\s*\))|->\$\w+\s*\(|\bno\s+strict\s+['"]?refs/,
      'name',
      'calls a sub named at run time',
    ),
    C(/(?<![\w$@%&>:.])(?:require|do)\s+\$/, 'name', 'loads code named at run time'),
    C(/\bdecode_base64\s*\(|MIME::Base64|\bunpack\s*\(?\s*['"](?:m|u)/, 'decode', 'decodes base64'),
    C(/\bpack\s*\(?\s*['"](?:H|h|C\*|c\*|U\*|u|m)/, 'decode', 'packs bytes into text (pack)'),
    C(/\bchr\s*\(?\s*\d+\s*\)?\s*\.\s*chr\b|\bmap\s*\{?\s*chr\b/, 'decode', 'spells text from character codes (chr)'),
    C(/\b(?:tr|y)\/(?:A-Za-z\/N-ZA-Mn-za-m|a-zA-Z\/n-za-mN-ZA-M)\//, 'decode', 'decodes rot13'),
    C(/\breverse\s*\(?\s*['"]|\bscalar\s+reverse\b/, 'decode', 'reverses a string'),
    C(/Compress::Zlib|\b(?:uncompress|inflate|memGunzip)\s*\(/, 'decode', 'decompresses data'),
  ],
  php: [
    C(/(?<![\w$>:])(?:eval|assert)\s*\(/, 'exec', 'runs code built at run time (eval)', { arg: 0 }),
    C(/\bcreate_function\s*\(/, 'exec', 'builds a function from text (create_function)'),
    C(
      /\bpreg_replace\s*\(\s*(['"])([^\w\s\\])(?:(?!\2).)*\2[a-zA-Z]*e[a-zA-Z]*\1/,
      'exec',
      'evaluates a replacement as code (preg_replace /e)',
    ),
    C(/\bcall_user_func(?:_array)?\s*\(/, 'name', 'calls a function named at run time (call_user_func)', { arg: 0 }),
    C(
      /(['"])(?:system|exec|passthru|shell_exec|popen|proc_open|pcntl_exec|unlink|rmdir|file_put_contents)\1/,
      'name',
      "names a function that runs commands or changes files in a string (array_map('system', …))",
    ),
    C(/(?<![\w$>:])\$\w+\s*\(|\$\$\w+|\$\{\s*['"$]|\)\s*\(\s*['"$]/, 'name', 'calls a function named by a variable'),
    C(/\b(?:base64_decode|convert_uudecode)\s*\(/, 'decode', 'decodes base64'),
    C(/\b(?:hex2bin|str_rot13|strrev)\s*\(|\bpack\s*\(\s*['"]H/, 'decode', 'decodes hex, rot13 or reversed text'),
    C(/\b(?:gzinflate|gzuncompress|gzdecode|zlib_decode)\s*\(/, 'decode', 'decompresses data'),
    C(/\bchr\s*\(\s*\d+\s*\)\s*\./, 'decode', 'spells text from character codes (chr)'),
  ],
  awk: [C(/@load\b/, 'name', 'loads a native extension (@load)')],
  lua: [
    C(/(?<![\w.:])(?:load|loadstring)\s*\(?/, 'exec', 'runs code built at run time (load)', { arg: 0 }),
    C(/(?<![\w.:])(?:dofile|loadfile)\s*\(/, 'exec', 'runs a file named at run time', { arg: 0 }),
    C(/(?<![\w.:])require\s*\(?/, 'name', 'loads a module named at run time (require)', { arg: 0 }),
    C(/\b_G\s*\[|\b_ENV\s*\[/, 'name', 'looks up a name built at run time (_G[…])', { arg: 0 }),
    C(/\bpackage\.loadlib\s*\(|\bffi\.load\b|\bffi\.C\b/, 'name', 'calls native code'),
    C(/\bstring\.char\s*\(|\butf8\.char\s*\(/, 'decode', 'spells text from character codes (string.char)'),
    C(/:reverse\s*\(|\bstring\.reverse\s*\(/, 'decode', 'reverses a string'),
  ],
  julia: [
    C(
      /(?<![\w.])eval\s*\(|@eval\b|\bMeta\.parse\s*\(|\binclude_string\s*\(/,
      'exec',
      'runs code built at run time (eval, Meta.parse)',
    ),
    C(/\bgetfield\s*\(|\bgetproperty\s*\(|\bSymbol\s*\(/, 'name', 'looks up a name built at run time (Symbol)'),
    C(/\bccall\b|\bcglobal\b|@ccall\b/, 'name', 'calls native code (ccall)'),
    C(
      /\bbase64decode\s*\(|\bhex2bytes\s*\(|\bString\s*\(\s*(?:UInt8\s*)?\[|\bChar\s*\(\s*\d+/,
      'decode',
      'decodes bytes into text',
    ),
    C(/\bCodecZlib\b|\bZlib\./, 'decode', 'decompresses data'),
  ],
  elixir: [
    C(
      /\bCode\.(?:eval_string|eval_quoted|eval_file|compile_string|compile_quoted|string_to_quoted!?|require_file)\b\s*\(?/,
      'exec',
      'runs code built at run time (Code.eval_string)',
      { arg: 0 },
    ),
    C(/:erlang\.binary_to_term\b/, 'exec', 'unpacks terms, which can run code (binary_to_term)'),
    C(/(?<![\w.])apply\s*\(/, 'name', 'calls a function named at run time (apply)', { arg: 1 }),
    C(
      /\bString\.to_(?:existing_)?atom\s*\(|\bModule\.concat\s*\(|:erlang\.(?:list|binary)_to_atom\b|\bList\.to_atom\s*\(/,
      'name',
      'builds a module or function name at run time',
    ),
    C(/\bBase\.(?:url_)?decode(?:64|32|16)\b|:base64\.decode\b/, 'decode', 'decodes base64 or hex'),
    C(/:zlib\./, 'decode', 'decompresses data'),
  ],
  erlang: [
    C(
      /\berl_eval\b|\berl_scan\b|\berl_parse\b|\bbinary_to_term\s*\(/,
      'exec',
      'runs code built at run time (erl_eval)',
    ),
    C(
      /\b(?:list_to_atom|binary_to_atom|list_to_existing_atom)\s*\(|\b(?:erlang:)?apply\s*\(/,
      'name',
      'calls a function named at run time',
    ),
    C(/\bbase64:decode|\bbinary:decode_hex|\bzlib:/, 'decode', 'decodes or decompresses data'),
  ],
  groovy: JVM_CHECKS,
  scala: JVM_CHECKS,
  kotlin: JVM_CHECKS,
  raku: [
    C(/\bEVAL(?:FILE)?\b\s*\(?/, 'exec', 'runs code built at run time (EVAL)', { arg: 0 }),
    C(
      /::\(\s*['"$]|\.\s*"\$|\.\s*\$\w+\s*\(|\.\^find_method\b|\.&\$|::\{\s*['"$]/,
      'name',
      'calls a routine named at run time',
    ),
    C(/MIME::Base64|\.chrs?\b|\bchrs?\s*\(|\.flip\b/, 'decode', 'decodes or reverses text'),
  ],
  tcl: [
    C(/\b(?:eval|uplevel|subst)\s+[$[]|\binterp\s+eval\b/, 'exec', 'runs code built at run time (eval)'),
    // expect types text into the program it spawned: commands run there that are not read as commands here.
    C(/(?:^|[;\n[{]\s*)(?:exp_)?send\s+(?!-user\b)/, 'exec', 'types text into a program it started (expect send)'),
    C(/(?:^|[;\n[]\s*)\$\w+(?:\s|$)/, 'name', 'runs a command named by a variable'),
    C(
      /\bbinary\s+(?:decode|format)\b|\bformat\s+%c|\bencoding\s+convertfrom\b|\bzlib\s+(?:inflate|decompress|gunzip)\b/,
      'decode',
      'decodes bytes into text',
    ),
  ],
  r: [
    C(
      /(?<![\w.])evalq?\s*\(|\bparse\s*\(\s*text\s*=|(?<![\w.])source\s*\(\s*(?!['"])/,
      'exec',
      'runs code built at run time (eval(parse()))',
    ),
    C(
      /\bdo\.call\s*\(|(?<![\w.])get0?\s*\(|\bmatch\.fun\s*\(|\bgetFromNamespace\s*\(/,
      'name',
      'calls a function named at run time',
      { arg: 0 },
    ),
    C(/\bdyn\.load\s*\(|\.Call\s*\(|(?<![\w])\.C\s*\(|\.External\s*\(/, 'name', 'calls native code'),
    C(
      /\bbase64(?:enc::base64)?decode\s*\(|\bbase64_dec\s*\(|\brawToChar\s*\(|\bintToUtf8\s*\(|\bchartr\s*\(|\bmemDecompress\s*\(|\bhex2raw\b/,
      'decode',
      'decodes bytes into text',
    ),
  ],
  applescript: [
    C(/\brun script\b/i, 'exec', 'runs AppleScript built at run time (run script)'),
    C(/\bdo shell script\s+(?!")/i, 'exec', 'runs a shell command built at run time (do shell script)'),
    C(/\b(?:ASCII character|character id)\b/i, 'decode', 'spells text from character codes'),
  ],
};

interface Caps {
  processes: RegExp;
  files: RegExp;
  network: RegExp;
}

const JVM_CAPS: Caps = {
  processes: /\.execute\s*\(|\bRuntime\b|\bProcessBuilder\b|sys\.process|\.!!?|\bProcess\s*\(|\bexec\b|\bsystem\b/,
  files: /\b(?:File|Files|Paths|FileWriter|FileOutputStream|PrintWriter|RandomAccessFile)\b/,
  network: /\b(?:URL|URI|Socket|ServerSocket|HttpClient|HttpURLConnection|fromURL)\b/,
};

/** What code can reach: its modules and calls that run processes, touch files or use the network. */
const CAPS: Record<Lang, Caps> = {
  python: {
    processes:
      /\b(?:os|subprocess|pty|ctypes|commands|popen2|posix|nt|multiprocessing)\b|\b(?:system|popen|spawn[lv]?p?e?|exec[lv]p?e?|Popen|check_output|check_call|getoutput)\b|(?<![\w.])(?:exec|eval|compile)\s*\(|__import__|import_module|__builtins__|\bbuiltins\b/,
    files:
      /(?<![\w.])open\s*\(|\b(?:shutil|pathlib|tempfile|fileinput)\b|\b(?:remove|unlink|rmtree|removedirs|rename|chmod|chown|write_text|write_bytes)\b/,
    network:
      /\b(?:socket|urllib\d?|requests|httpx|http\.client|ftplib|smtplib|telnetlib|paramiko|aiohttp|websockets?|urlopen|xmlrpc)\b/,
  },
  js: {
    processes:
      /child_process|\b(?:spawn|spawnSync|execSync|execFile\w*|fork|exec|doShellScript)\b|\bprocess\s*\.\s*(?:binding|_linkedBinding|dlopen|kill|mainModule)|\bDeno\.(?:run|Command)|\bBun\.spawn|(?<![\w.$])eval\s*\(|\bFunction\s*\(|\bvm\b|worker_threads/,
    files:
      /\bfs\b|fs\/promises|\b(?:writeFile\w*|appendFile\w*|unlink\w*|rmSync|rmdir\w*|createWriteStream|readFile\w*)\b|\bDeno\.(?:write|remove|readTextFile)|\bBun\.(?:write|file)\b/,
    network: /\b(?:https?|net|dgram|tls|http2)\b|\bfetch\s*\(|XMLHttpRequest|WebSocket|axios|undici|node-fetch/,
  },
  ruby: {
    processes:
      /\b(?:system|exec|spawn|fork|syscall)\b|`|%x|\bIO\.popen|\b(?:Open3|Process|Kernel|PTY|Fiddle)\b|\b(?:eval|instance_eval|class_eval|module_eval)\b/,
    files: /\b(?:File|FileUtils|Dir|IO|Pathname)\b|(?<![\w.])open\s*[\s(]/,
    network: /\b(?:Net::\w+|TCPSocket|UDPSocket|Socket|URI|OpenURI|HTTParty|Faraday|RestClient)\b|open-uri/,
  },
  perl: {
    processes: /\b(?:system|exec|fork|kill|syscall|eval)\b|`|\bqx\b/,
    files: /\b(?:open|unlink|rmdir|rename|chmod|mkdir)\b|File::\w+/,
    network: /IO::Socket|\bSocket\b|LWP|HTTP::|Net::|\bsocket\b/,
  },
  php: {
    processes:
      /\b(?:system|exec|shell_exec|passthru|popen|proc_open|pcntl_exec|eval|assert|create_function|call_user_func\w*)\b|`/,
    files:
      /\b(?:fopen|file_put_contents|file_get_contents|unlink|rmdir|rename|copy|chmod|include|require|include_once|require_once|fwrite)\b/,
    network: /\b(?:fsockopen|pfsockopen|stream_socket_client|curl_\w+|socket_\w+|mail)\b|https?:\/\//,
  },
  awk: { processes: /\bsystem\s*\(|\|\s*getline|\|&?\s*"/, files: />>?\s*"/, network: /\/inet\// },
  lua: {
    processes:
      /\bos\.(?:execute|exit)|\bio\.popen|\b(?:load|loadstring|dofile|loadfile|require)\b|package\.loadlib|\bffi\b/,
    files: /\bio\.(?:open|lines|write|output)|\bos\.(?:remove|rename|tmpname)/,
    network: /\bsocket\b|\bhttp\b/,
  },
  julia: {
    processes: /\brun\s*\(|`|\bpipeline\b|\bccall\b|\bspawn\b|\beval\b|Meta\.parse|include_string/,
    files: /\b(?:open|write|rm|mv|cp|mkpath|touch|chmod)\s*\(/,
    network: /\b(?:download|Sockets|HTTP|connect|listen)\b/,
  },
  elixir: {
    processes: /System\.(?:cmd|shell)|:os\.cmd|Port\.open|:erlang\.open_port|Code\.eval|\bapply\s*\(/,
    files: /\bFile\.\w+/,
    network: /:gen_tcp|:gen_udp|:httpc|:ssl|HTTPoison|\bReq\.|Finch|Tesla|Mint/,
  },
  erlang: {
    processes: /os:cmd|open_port|erl_eval|\bapply\s*\(/,
    files: /\bfile:\w+/,
    network: /gen_tcp|gen_udp|httpc|ssl:|inets/,
  },
  groovy: JVM_CAPS,
  scala: JVM_CAPS,
  kotlin: JVM_CAPS,
  raku: {
    processes: /\b(?:run|shell|qx|QX|Proc|EVAL)\b/,
    files: /\b(?:spurt|unlink|rmdir|slurp|open|mkdir|rename|copy|move)\b|\.IO\b/,
    network: /IO::Socket|HTTP::|Cro::/,
  },
  tcl: {
    processes: /\b(?:exec|eval|uplevel|subst|interp)\b|open\s+"?\|/,
    files: /\bfile\s+(?:delete|rename|copy|mkdir|attributes)|\bopen\b/,
    network: /\b(?:socket|http::\w+)\b/,
  },
  r: {
    processes: /\b(?:system2?|shell|pipe|eval|do\.call|match\.fun|dyn\.load)\s*\(|\.Call\s*\(/,
    files: /\b(?:file\.remove|unlink|writeLines|write\.\w+|saveRDS|file\.rename|file\.copy|sink)\s*\(/,
    network: /\b(?:download\.file|url|socketConnection|httr|curl|RCurl|GET|POST)\b/,
  },
  applescript: {
    processes: /do shell script|doShellScript|NSTask|run script/i,
    files: /\b(?:delete|write|Finder)\b/i,
    network: /\bopen location\b|\bURL\b/i,
  },
};

/** A plain literal: a string written out whole (or a number, or a Ruby/Elixir symbol), nothing built. */
function isPlain(raw: string, lang: Lang): boolean {
  const t = raw.trim();
  if (/^\d+$/.test(t) || /^:\w+[?!]?$/.test(t)) return true;
  const lit = readString(t, 0, lang);
  return lit !== null && lit.end === t.length && lit.word.known;
}

/** The source text of the arguments after a match: a call's, an index's (`[…]`), or a bare call's to the end of its statement. */
function argsAfter(code: string, m: RegExpMatchArray, lang: Lang): { args: string[]; end: number } {
  const end = (m.index ?? 0) + m[0].length;
  const last = m[0].trimEnd().slice(-1);
  if (last === '[') {
    const close = matching(code, end - 1, lang);
    return { args: [code.slice(end, close)], end: close + 1 };
  }
  const call = splitArgs(code, end, lang, last === '(');
  return { args: call.args, end: call.end + 1 };
}

/** `\x72\x6d`, `\u0072`, `\162`: at least this many escapes that spell letters or digits hide a name. */
const MIN_LETTER_ESCAPES = 2;
const ESCAPE = /\\(?:x\{?([0-9a-fA-F]{2})\}?|u\{?([0-9a-fA-F]{4})\}?|([0-7]{3}))/g;
const LUA_ESCAPE = /\\(\d{1,3})/g;

function escapedText(code: string, lang: Lang): string | null {
  if (!(lang === 'lua' ? /\\\d/ : /\\[xu0-7]/).test(code)) return null;
  let letters = 0;
  const decode = (_m: string, hex?: string, uni?: string, oct?: string): string => {
    const n = hex ? parseInt(hex, 16) : uni ? parseInt(uni, 16) : parseInt(oct ?? '0', lang === 'lua' ? 10 : 8);
    const c = String.fromCodePoint(n);
    if (/[A-Za-z0-9_./]/.test(c)) letters += 1;
    return c;
  };
  const text =
    lang === 'lua'
      ? code.replace(LUA_ESCAPE, (m, d: string) => decode(m, undefined, undefined, d))
      : code.replace(ESCAPE, (m, h?: string, u?: string, o?: string) => decode(m, h, u, o));
  return letters >= MIN_LETTER_ESCAPES ? text : null;
}

/** Literal pieces joined by the language's concatenation (`"o"+"s"`, `'sys'.'tem'`, `chr(111)+chr(115)`), folded. */
const FOLDABLE =
  /(?:(['"])[^'"\\\n]*\1|chr\s*\(\s*\d+\s*\))(?:\s*(?:\+|\.\.?|~|<>)\s*(?:(['"])[^'"\\\n]*\2|chr\s*\(\s*\d+\s*\)))+/g;

/** Code inside code (a decoded payload) is read this deep. */
const MAX_DEPTH = 2;
/** Call sites of one kind looked at in one piece of code (each is read to its closing parenthesis). */
const MAX_MATCHES = 32;

type Reach = 'processes' | 'files' | 'the network';

/** Why `code` in `lang` is not fully read, and what it can reach; nothing when it is all written out. */
export function unreadCode(written: string, lang: Lang): Unread {
  // Under the modules' own names (`import os as o`, `const {execSync: x} = require(…)`): aliases.ts.
  const found = analyse(withModuleNames(written, lang), lang, 0);
  const reached = (['processes', 'files', 'the network'] as const).filter((r) => found.reach.has(r));
  const reaches =
    reached.length === 0
      ? null
      : reached.length === 1
        ? (reached[0] as string)
        : `${reached.slice(0, -1).join(', ')} and ${reached[reached.length - 1] as string}`;
  return { what: found.what, reaches, anything: found.anything };
}

function analyse(code: string, lang: Lang, depth: number): { what: string[]; reach: Set<Reach>; anything: boolean } {
  const what: string[] = [];
  const evidence: string[] = [code];
  const reach = new Set<Reach>();
  let anything = false;
  for (const check of CHECKS[lang]) {
    let looked = 0;
    for (const m of code.matchAll(check.re)) {
      // A flood of call sites: past the first ones, what they are given is not read, so they count as not read.
      if (++looked > MAX_MATCHES) {
        if (check.kind !== 'decode') anything = true;
        if (check.kind === 'exec') reach.add('processes');
        what.push(check.what);
        break;
      }
      const needsArgs = check.arg !== undefined || check.test !== undefined;
      const call = needsArgs || check.kind === 'decode' ? argsAfter(code, m, lang) : null;
      const args = call?.args ?? [];
      if (check.test && !check.test(args, lang)) continue;
      if (check.arg !== undefined) {
        const raw = args[check.arg];
        if (raw === undefined || isPlain(raw, lang)) continue;
        const value = evaluate(raw, lang);
        if (value.kind === 'string' && value.word.known) evidence.push(value.word.text);
        else if (check.kind !== 'decode') anything = true;
      } else if (check.kind === 'name') anything = true;
      if (check.kind === 'decode' && call && m[0].trimEnd().endsWith('(')) {
        const decoded = evaluate(code.slice(m.index, call.end), lang);
        if (decoded.kind === 'string' && decoded.word.known && decoded.word.text !== code) {
          evidence.push(decoded.word.text);
          if (depth < MAX_DEPTH) {
            const inner = analyse(decoded.word.text, lang, depth + 1);
            what.push(...inner.what);
            anything ||= inner.anything;
            for (const r of inner.reach) reach.add(r);
          }
        }
      }
      // Code run from text, or a name nobody can know, can do anything a process can.
      if (check.kind === 'exec') reach.add('processes');
      what.push(check.what);
      break;
    }
  }
  const escaped = escapedText(code, lang);
  if (escaped !== null) {
    what.push('spells names with escapes (\\x…, \\u…)');
    evidence.push(escaped);
  }
  if (what.length === 0) return { what, reach, anything: false };
  if (anything) reach.add('processes');
  for (const m of code.matchAll(FOLDABLE)) {
    const v = evaluate(m[0], lang);
    if (v.kind === 'string' && v.word.known) evidence.push(v.word.text);
  }
  const seen = evidence.join('\n');
  const caps = CAPS[lang];
  if (caps.processes.test(seen)) reach.add('processes');
  if (caps.files.test(seen)) reach.add('files');
  if (caps.network.test(seen)) reach.add('the network');
  return { what: [...new Set(what)], reach, anything };
}
