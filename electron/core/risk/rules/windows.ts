// Windows: cmd and PowerShell. Files and folders are judged like their POSIX counterparts (paths.ts maps
// `C:\Users\dev` to the home, `C:\Windows` to a system location); shells and elevation wrappers hand
// the command they run back to the engine.
import type { Word } from '../model.ts';
import { classifyPath, isDownloaded, where } from '../paths.ts';
import { S } from '../types.ts';
import type { Finding } from '../types.ts';
import { deletion, overwrite, target } from './files.ts';
import { finding, type Rule, type RuleInput } from './util.ts';
import { cmdSwitch, cmdValue, programBase, psFlag, psPositionals, psValue, windowsCommands } from './windows-words.ts';

const PATH_PARAMS = ['Path', 'LiteralPath', 'PSPath', 'LP', 'FilePath', 'Destination'];
/** Registry drives and hives, which are not files. */
const REGISTRY = /^(HK(LM|CU|CR|U|CC)|HKEY_\w+|Registry::)/i;

/** A path as PowerShell or cmd gives it: unknown when it holds a variable or a wildcard. */
const pathWord = (text: string): Word => ({ text, known: !/[$%*?`]/.test(text) });

function paths(args: readonly Word[], ...params: string[]): Word[] {
  const named = params.map((p) => psValue(args, p)).filter((v): v is string => v !== null);
  return named.length
    ? named.map(pathWord)
    : psPositionals(args, [
        ...PATH_PARAMS,
        'Filter',
        'Include',
        'Exclude',
        'Value',
        'Encoding',
        'ItemType',
        'Name',
        'Credential',
      ]).slice(0, 1);
}

/** Cmdlets that list items; piped into Remove-Item, their path is what gets deleted. */
const LISTS_ITEMS = /^(get-childitem|gci|ls|dir|get-item|gi)$/;

/** Remove-Item, ri, del, erase, rd, rmdir /s: deletion judged by where, recursion by `-Recurse` or `/s`. */
const removeItem: Rule = (input) => {
  const { args, seg } = input;
  let targets = psValue(args, 'Path', 'LiteralPath')
    ? paths(args, 'Path', 'LiteralPath')
    : psPositionals(args, ['Filter', 'Include', 'Exclude', 'Credential', 'Stream']);
  let recursive = psFlag(args, 'Recurse', 2) || cmdSwitch(args, 's');
  // `Get-ChildItem -Path X -Recurse | Remove-Item`: X's contents go.
  const from = seg.pipeFrom;
  if (targets.length === 0 && from && LISTS_ITEMS.test(programBase(from[0]?.text ?? ''))) {
    const listed = from.slice(1);
    targets = paths(listed, 'Path', 'LiteralPath');
    if (targets.length === 0) targets = [pathWord('.')];
    recursive ||= psFlag(listed, 'Recurse', 2);
  }
  const registry = targets.find((w) => REGISTRY.test(w.text));
  if (registry) return registryChange(registry.text, 'delete');
  return deletion(
    targets.map((w) => pathWord(w.text)),
    recursive,
    input,
  );
};

/** Set-Content, Out-File, Add-Content, Clear-Content, New-Item -Force, Copy-Item, Move-Item and cmd's copy/move. */
const writeItem: Rule = (input) => {
  const { prog, args } = input;
  if (/^(add-content|ac)$/.test(prog))
    return paths(args, 'Path', 'LiteralPath').map((w) => overwrite(w, input, 'append'));
  if (
    prog === 'sc' &&
    /^(query\w*|start|stop|pause|continue|delete|create|config|description|failure\w*|qc|qdescription|sdset|sdshow|interrogate|control|enumdepend|privs|sidtype|triggerinfo|managedaccount)$/i.test(
      args[0]?.text ?? '',
    )
  )
    return [];
  if (/^(set-content|sc|out-file|clear-content|clc)$/.test(prog))
    return paths(args, 'Path', 'LiteralPath', 'FilePath').map((w) => overwrite(w, input, 'truncate'));
  if (/^(new-item|ni)$/.test(prog)) {
    const item = paths(args, 'Path', 'Name')[0];
    if (!item) return [];
    if (REGISTRY.test(item.text)) return registryChange(item.text, 'add');
    const found = overwrite(item, input, psFlag(args, 'Force', 2) ? 'truncate' : 'copy', 'creates');
    return [
      found.category === 'file-overwrite' && !psFlag(args, 'Force', 2)
        ? { ...found, score: Math.min(found.score, S.medium) }
        : found,
    ];
  }
  // Copy-Item/Move-Item SRC DEST, copy/move/xcopy SRC DEST.
  const positional = psPositionals(args, ['Filter', 'Include', 'Exclude', 'Credential']);
  const dest = psValue(args, 'Destination') ?? positional[1]?.text;
  if (!dest) return [];
  const found = [overwrite(pathWord(dest), input, 'copy', 'copies into')];
  if (/^(move-item|mi|move|mv)$/.test(prog))
    found.push(
      ...deletion(positional.slice(0, 1), true, input, 'moves away').map((f) => ({
        ...f,
        score: Math.max(S.lowWrite, f.score - 10),
      })),
    );
  return found;
};

/** robocopy SRC DEST /MIR (or /PURGE) deletes in DEST whatever SRC lacks. */
const robocopy: Rule = (input) => {
  const [, dest] = psPositionals(input.args);
  if (!dest) return [];
  if (cmdSwitch(input.args, 'mir', 'purge'))
    return deletion([dest], true, input, 'mirrors over, deleting what the source lacks in,');
  return [overwrite(dest, input, 'copy', 'copies into')];
};

/** icacls and takeown: who may read, write or own files. */
const acl: Rule = (input) => {
  const { prog, args } = input;
  const file = psPositionals(args)[0];
  if (!file) return [];
  const changes =
    prog === 'takeown' ||
    cmdSwitch(args, 'grant', 'deny', 'remove', 'setowner', 'reset', 'inheritance', 'setintegritylevel', 'restore');
  if (!changes) return [finding('read-only', S.readOnly, `${prog} shows who may use ${file.text}`)];
  const info = target(file, input);
  const recursive = cmdSwitch(args, 't', 'r');
  const everyone = args.some(
    (w) =>
      /^(\*S-1-1-0|Everyone|Users|\*S-1-5-32-545|Authenticated Users|\*S-1-5-11):/i.test(w.text) ||
      /^Everyone:?$/i.test(w.text),
  );
  const place = where(info);
  if (info.kind === 'protected') return [finding('self-protection', S.catastrophic, `changes who may use ${place}`)];
  if (['root', 'system', 'home', 'user-home', 'secret'].includes(info.kind))
    return [
      finding(
        'permissions',
        recursive ? S.catastrophic : S.critical,
        `${prog} changes who may use or own ${place}${recursive ? ' recursively' : ''}`,
      ),
    ];
  const inProject = info.kind === 'project' || info.kind === 'project-root';
  return [
    finding(
      'permissions',
      everyone ? (inProject ? 35 : S.high) : inProject ? S.lowWrite : 45,
      `${prog} changes who may use ${place}${everyone ? ', for every user' : ''}`,
    ),
  ];
};

/** The registry: autostart keys, services and security settings are persistence or sabotage. */
function registryChange(key: string, action: 'add' | 'delete' | 'import'): Finding[] {
  const persistence =
    /\\(Run|RunOnce|RunServices|Winlogon|Image File Execution Options|Explorer\\Shell Folders|Active Setup|AppInit_DLLs|Userinit)(\\|$)/i.test(
      key,
    );
  const security = /\\(Services\\|Policies\\|Windows Defender|Defender|Lsa|SecurityProviders|Firewall)/i.test(key);
  const machine = /^(HKLM|HKEY_LOCAL_MACHINE|HKCR|HKEY_CLASSES_ROOT|HKU\b|HKEY_USERS)/i.test(key);
  if (security)
    return [
      finding(
        'system-config',
        S.critical,
        `${action === 'delete' ? 'deletes' : 'changes'} the registry key ${key}, which holds services or security settings`,
      ),
    ];
  if (persistence)
    return [finding('system-config', S.severe - 5, `makes a program start by itself through the registry (${key})`)];
  if (action === 'delete') return [finding('system-config', machine ? S.high : 45, `deletes the registry key ${key}`)];
  return [finding('system-config', machine ? S.high : S.notable, `changes the registry key ${key}`)];
}

const reg: Rule = ({ args }) => {
  const sub = args[0]?.text.toLowerCase() ?? '';
  const key = args[1]?.text ?? '';
  if (/^(query|export|compare)$/.test(sub))
    return [finding('read-only', S.readOnly, `reads the registry (reg ${sub})`)];
  if (sub === 'delete' || sub === 'unload') return registryChange(key, 'delete');
  if (sub === 'import' || sub === 'restore' || sub === 'load')
    return [finding('system-config', S.high, `reg ${sub} replaces registry keys from ${key}`)];
  return registryChange(key, 'add');
};

/** `Set-ItemProperty HKLM:\…`, `New-ItemProperty`, `Remove-ItemProperty`: the registry through PowerShell. */
const itemProperty: Rule = ({ prog, args }) => {
  const key = paths(args, 'Path', 'LiteralPath')[0]?.text ?? '';
  if (!REGISTRY.test(key))
    return [finding('file-overwrite', S.medium, `${prog} changes properties of ${key || 'an item'}`)];
  return registryChange(key, /^remove/.test(prog) ? 'delete' : 'add');
};

export const WINDOWS_FILE_RULES: Record<string, Rule> = {
  'remove-item': removeItem,
  ri: removeItem,
  del: removeItem,
  erase: removeItem,
  rd: removeItem,
  'clear-recyclebin': () => [
    finding('file-deletion', S.severe, 'empties the recycle bin, so what was deleted cannot be restored'),
  ],
  'set-content': writeItem,
  sc: writeItem,
  'add-content': writeItem,
  ac: writeItem,
  'out-file': writeItem,
  'clear-content': writeItem,
  clc: writeItem,
  'new-item': writeItem,
  ni: writeItem,
  'copy-item': writeItem,
  cpi: writeItem,
  copy: writeItem,
  xcopy: writeItem,
  'move-item': writeItem,
  mi: writeItem,
  move: writeItem,
  robocopy,
  icacls: acl,
  cacls: acl,
  takeown: acl,
  reg,
  'set-itemproperty': itemProperty,
  sp: itemProperty,
  'new-itemproperty': itemProperty,
  'remove-itemproperty': itemProperty,
  rp: itemProperty,
};

/** The commands in a cmd or PowerShell string, each judged by the engine. */
export function judgeWindowsLine(line: string, input: RuleInput, label: string, privileged = false): Finding[] {
  const found: Finding[] = [];
  for (const cmd of windowsCommands(line))
    found.push(...input.nested(cmd.argv, label, { privileged, pipeFrom: cmd.pipeFrom }));
  return found;
}

/** `gsudo x`, `sudo x` on Windows, `runas /user:Administrator x`: elevated, then judged as x. */
export const elevate: Rule = (input) => {
  const { prog, args } = input;
  if (prog === 'runas') {
    const user = cmdValue(args, 'user') ?? 'another user';
    const program = args.filter((w) => !w.text.startsWith('/')).at(-1);
    if (!program) return [finding('privilege', S.elevated, `runs a program as ${user}`)];
    return [
      finding('privilege', S.elevated, `runs as ${user} (runas)`),
      ...judgeWindowsLine(program.text, input, `runas ${user}`, true),
    ];
  }
  const at = args.findIndex((w) => !w.text.startsWith('-'));
  const rest = at < 0 ? [] : args.slice(at);
  if (rest.length === 0)
    return [
      finding('privilege', S.severe, `${prog} opens an elevated shell; what runs in it is not seen by Gatehouse`),
    ];
  return input.nested(rest, prog, { privileged: true });
};

/** `Start-Process X -ArgumentList … -Verb RunAs`: elevated when the verb says so. */
export const startProcess: Rule = (input) => {
  const { args } = input;
  const file =
    psValue(args, 'FilePath') ??
    psPositionals(args, [
      'ArgumentList',
      'Args',
      'Verb',
      'WorkingDirectory',
      'Credential',
      'RedirectStandardOutput',
      'RedirectStandardError',
      'RedirectStandardInput',
      'WindowStyle',
    ])[0]?.text;
  if (!file) return [];
  const runAs = /^runas$/i.test(psValue(args, 'Verb') ?? '') || psValue(args, 'Credential') !== null;
  const rest = (psValue(args, 'ArgumentList', 'Args') ?? '')
    .split(/\s*,\s*|\s+/)
    .filter(Boolean)
    .map((text): Word => ({ text, known: true }));
  const argv = [{ text: file, known: true }, ...rest];
  if (programBase(file) === 'powershell' || programBase(file) === 'pwsh' || programBase(file) === 'cmd') {
    if (rest.length === 0)
      return [
        finding(
          'privilege',
          runAs ? S.severe : S.medium,
          `starts ${file}${runAs ? ' as administrator; what runs in it is not seen by Gatehouse' : ''}`,
        ),
      ];
  }
  return input.nested(argv, `Start-Process${runAs ? ' -Verb RunAs' : ''}`, { privileged: runAs });
};

/** `cmd /c "…"`, `cmd /k …`: the string is judged as the commands it holds. */
export const cmd: Rule = (input) => {
  const at = input.args.findIndex((w) => /^\/[ck]$/i.test(w.text));
  if (at < 0 || at === input.args.length - 1)
    return [finding('unknown-program', S.medium, 'opens a cmd shell; what runs in it is not seen by Gatehouse')];
  return judgeWindowsLine(
    input.args
      .slice(at + 1)
      .map((w) => w.text)
      .join(' '),
    input,
    'cmd /c',
  );
};

/** PowerShell started with a command, a file or encoded text. */
export const powershell: Rule = (input) => {
  const { args, prog } = input;
  const encoded = psValue(args, 'EncodedCommand', 'enc', 'ec', 'e', 'en', 'encodedcommand');
  if (encoded !== null)
    return [finding('remote-code', S.critical, `${prog} runs encoded (hidden) commands: ${decodedPreview(encoded)}`)];
  const command = psValue(args, 'Command', 'c', 'com', 'comm', 'comma', 'comman');
  const file = psValue(args, 'File', 'f');
  const found: Finding[] = [];
  const policy = psValue(args, 'ExecutionPolicy', 'ex', 'ep', 'exec');
  if (policy && /^(bypass|unrestricted)$/i.test(policy))
    found.push(
      finding('system-config', S.medium, `runs PowerShell with script checks off (-ExecutionPolicy ${policy})`),
    );
  if (command !== null) return [...found, ...judgeWindowsLine(command, input, `${prog} -Command`)];
  if (file !== null) {
    const info = classifyPath(pathWord(file), input.ctx);
    const inProject = info.kind === 'project' || info.kind === 'project-root';
    const downloaded = isDownloaded(info.abs ?? file, input.ctx.home);
    // Gatehouse reads shell, JavaScript and Python scripts (rules/scripts.ts) but not PowerShell: a script it cannot
    // read is never low, even the project's own.
    const score = downloaded ? S.high : found.length && !inProject ? 55 : S.medium;
    return [
      ...found,
      finding(
        downloaded ? 'remote-code' : 'build-test',
        score,
        `runs the script ${file}${downloaded ? ', downloaded from somewhere' : inProject ? ', which Gatehouse cannot read (PowerShell)' : ', from outside the project'}${found.length && !inProject ? ' with script checks off' : ''}`,
      ),
    ];
  }
  const positional = psPositionals(args, [
    'ExecutionPolicy',
    'ex',
    'ep',
    'WindowStyle',
    'Version',
    'InputFormat',
    'OutputFormat',
    'ConfigurationName',
    'WorkingDirectory',
  ]);
  if (positional.length) return [...found, ...judgeWindowsLine(positional.map((w) => w.text).join(' '), input, prog)];
  return [...found, finding('unknown-program', S.medium, `opens ${prog}; what runs in it is not seen by Gatehouse`)];
};

export const WINDOWS_SHELL_RULES: Record<string, Rule> = {
  cmd,
  powershell,
  pwsh: powershell,
  powershell_ise: powershell,
  gsudo: elevate,
  runas: elevate,
  'start-process': startProcess,
  saps: startProcess,
};

/** What a PowerShell `-EncodedCommand` says (UTF-16LE base64), shortened for a reason. */
function decodedPreview(encoded: string): string {
  const text = Buffer.from(encoded, 'base64')
    .toString('utf16le')
    .replace(/[^\x20-\x7e]/g, '');
  return text ? `"${text.slice(0, 60)}"` : 'text that does not decode';
}
