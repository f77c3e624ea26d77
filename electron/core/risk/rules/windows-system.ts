// Windows machine-wide: processes and power, disks and backups, scheduled tasks, Defender, the
// firewall, script policy, WSL, and PowerShell code run from text or a download. Cmdlets without a
// rule of their own are judged by their verb, which PowerShell keeps to a fixed, meaningful list.
import type { Word } from '../model.ts';
import { S } from '../types.ts';
import { finding, type Rule } from './util.ts';
import { judgeWindowsLine } from './windows.ts';
import { cmdSwitch, cmdValue, psFlag, psPositionals, psValue } from './windows-words.ts';

/** Processes whose loss takes down the desktop, the session, the agent or every tool of a kind. */
const VITAL_PROCESS =
  /^(explorer|winlogon|csrss|lsass|services|svchost|smss|wininit|dwm|system|node|python\d*|pythonw|java|javaw|dotnet|powershell|pwsh|cmd|code|claude|codex|gatehouse|ssh|sshd)(\.exe)?$/i;

const stopProcess: Rule = ({ prog, args }) => {
  const names =
    prog === 'taskkill'
      ? [cmdValue(args, 'im') ?? '']
      : (psValue(args, 'Name', 'ProcessName') ?? psPositionals(args, ['Id', 'InputObject'])[0]?.text ?? '').split(',');
  const ids = prog === 'taskkill' ? cmdValue(args, 'pid') : psValue(args, 'Id');
  const vital = names.find((n) => VITAL_PROCESS.test(n.trim()) || /[*?]/.test(n));
  const force = cmdSwitch(args, 'f') || psFlag(args, 'Force', 1);
  if (vital) return [finding('process', S.high, `${force ? 'force-' : ''}stops every ${vital} process (${prog})`)];
  return [
    finding(
      'process',
      S.medium,
      `${force ? 'force-' : ''}stops ${ids ? `process ${ids}` : names.filter(Boolean).join(', ') || 'a process'}`,
    ),
  ];
};

const power: Rule = ({ prog }) => [
  finding('process', S.critical, `${/restart/.test(prog) ? 'restarts' : 'shuts down'} the machine (${prog})`),
];

/** diskpart runs a disk script or an interactive session: either can erase disks. */
const diskpart: Rule = ({ args }) => [
  finding(
    'disk',
    S.critical,
    `diskpart ${cmdValue(args, 's') ? `runs the disk script ${cmdValue(args, 's')}` : 'edits disks and partitions'}, which can erase them`,
  ),
];

const schtasks: Rule = ({ args }) => {
  if (cmdSwitch(args, 'create', 'change'))
    return [
      finding(
        'system-config',
        S.severe - 5,
        `schedules ${cmdValue(args, 'tr') ?? 'a program'} to run by itself (persistence)`,
      ),
    ];
  if (cmdSwitch(args, 'delete', 'end'))
    return [
      finding(
        'system-config',
        S.notable,
        `${cmdSwitch(args, 'delete') ? 'deletes' : 'stops'} the scheduled task ${cmdValue(args, 'tn') ?? ''}`,
      ),
    ];
  if (cmdSwitch(args, 'run'))
    return [finding('system-config', S.medium, `runs the scheduled task ${cmdValue(args, 'tn') ?? ''}`)];
  return [finding('read-only', S.readOnly, 'lists scheduled tasks')];
};

/** Defender: turning protection off or exempting paths lets anything run unseen. */
const defender: Rule = ({ prog, args }) => {
  const disables = args.some((w, i) => /^-Disable\w+/i.test(w.text) && !/^\$?false$/i.test(args[i + 1]?.text ?? ''));
  const excludes = args.some((w) => /^-Exclusion\w+/i.test(w.text));
  if (disables || excludes)
    return [
      finding(
        'system-config',
        S.critical,
        `${prog} ${disables ? 'turns off antivirus protection' : 'exempts files or processes from the antivirus'}`,
      ),
    ];
  return [finding('system-config', S.notable, `${prog} changes antivirus settings`)];
};

const netsh: Rule = ({ args }) => {
  const words = args.map((w) => w.text.toLowerCase()).join(' ');
  if (/\bstate off\b|\bopmode(=| )disable\b|set (all|domain|private|public|current)profiles? .*off/.test(words))
    return [finding('system-config', S.critical, 'turns the Windows firewall off')];
  if (/\b(show|dump)\b/.test(words)) return [finding('read-only', S.readOnly, `netsh ${words}`)];
  if (/\bfirewall\b.*\b(add|set|delete)\b|\bportproxy\b/.test(words))
    return [finding('system-config', S.high, `changes firewall rules (netsh ${words.slice(0, 50)})`)];
  return [finding('system-config', S.notable, `changes network settings (netsh ${words.slice(0, 50)})`)];
};

const firewallProfile: Rule = ({ args }) =>
  /^(false|0|\$false)$/i.test(psValue(args, 'Enabled') ?? '')
    ? [finding('system-config', S.critical, 'turns the Windows firewall off')]
    : [finding('system-config', S.high, 'changes the Windows firewall')];

/** Set-ExecutionPolicy: for this process only it is mild; machine-wide and unrestricted it lets any script run. */
const executionPolicy: Rule = ({ args }) => {
  const policy = (psValue(args, 'ExecutionPolicy') ?? psPositionals(args, ['Scope'])[0]?.text ?? '').toLowerCase();
  const scope = (psValue(args, 'Scope') ?? 'LocalMachine').toLowerCase();
  const loose = policy === 'unrestricted' || policy === 'bypass';
  if (scope === 'process')
    return [finding('system-config', S.medium, `lets scripts run in this PowerShell only (${policy})`)];
  if (loose)
    return [
      finding(
        'system-config',
        scope === 'currentuser' ? S.high : S.severe,
        `lets any script run ${scope === 'currentuser' ? 'for you' : 'machine-wide'} (${policy})`,
      ),
    ];
  return [finding('system-config', S.notable, `changes the script policy (${policy || 'unknown'}, ${scope})`)];
};

const wsl: Rule = (input) => {
  const { args } = input;
  const flag = args[0]?.text.toLowerCase() ?? '';
  if (/^--unregister$/.test(flag))
    return [
      finding('file-deletion', S.critical, `deletes the WSL distribution ${args[1]?.text ?? ''} and every file in it`),
    ];
  if (/^(-l|--list|--status|--version|-v|--help)$/.test(flag)) return [finding('read-only', S.readOnly, `wsl ${flag}`)];
  if (/^(--shutdown|--terminate|-t)$/.test(flag)) return [finding('process', S.medium, `stops WSL (${flag})`)];
  if (
    /^(--install|--import|--import-in-place|--set-default|--set-version|--update|--export|--mount|--unmount)$/.test(
      flag,
    )
  )
    return [finding('system-config', S.notable, `wsl ${flag} ${args[1]?.text ?? ''}`)];
  const at = args.findIndex((w) => /^(-e|--exec|--)$/.test(w.text));
  const rest =
    at >= 0
      ? args.slice(at + 1)
      : args.filter(
          (w, i) => !w.text.startsWith('-') && !/^(-d|--distribution|-u|--user|--cd)$/.test(args[i - 1]?.text ?? ''),
        );
  if (rest.length === 0)
    return [finding('remote-exec', S.medium, 'opens a Linux shell; what runs in it is not seen by Gatehouse')];
  return input.nested(rest, 'wsl');
};

const shadowCopies: Rule = ({ prog, args }) => {
  const words = args.map((w) => w.text.toLowerCase()).join(' ');
  if (/\bdelete\b|\bresize\b.*maxsize=\d+mb/.test(words))
    return [finding('file-deletion', S.catastrophic - 5, `${prog} deletes backups (shadow copies or system state)`)];
  return [finding('read-only', S.readOnly, `${prog} ${words}`)];
};

const cipher: Rule = ({ args }) => {
  if (args.some((w) => /^\/w(:|$)/i.test(w.text)))
    return [finding('disk', S.high, 'cipher /w overwrites free space, so deleted files can never be recovered')];
  if (cmdSwitch(args, 'e', 'd', 'r', 'k', 'x'))
    return [finding('permissions', S.notable, 'cipher encrypts, decrypts or exports keys')];
  return [finding('read-only', S.readOnly, 'cipher lists encryption state')];
};

/** Invoke-Expression runs text as code; from a download it is remote code. */
const invokeExpression: Rule = ({ seg, args }) => {
  const text = `${seg.text} ${args.map((w) => w.text).join(' ')}`;
  if (
    /\b(irm|iwr|curl|wget|Invoke-RestMethod|Invoke-WebRequest|DownloadString|DownloadFile|Net\.WebClient|Start-BitsTransfer)\b/i.test(
      text,
    )
  ) {
    return [
      finding(
        'remote-code',
        S.catastrophic - 5,
        'runs code downloaded from the network without anyone reading it (Invoke-Expression)',
      ),
    ];
  }
  return [finding('remote-code', S.high, 'runs text as PowerShell code (Invoke-Expression), known only when it runs')];
};

/** Invoke-WebRequest/Invoke-RestMethod: a download, or data sent off the machine. */
const webRequest: Rule = ({ args }) => {
  const method = (psValue(args, 'Method') ?? '').toUpperCase();
  const upload = psValue(args, 'InFile');
  const uri =
    psValue(args, 'Uri') ??
    psPositionals(args, ['Method', 'Body', 'Headers', 'OutFile', 'InFile', 'ContentType', 'Credential', 'UserAgent'])[0]
      ?.text ??
    'the network';
  if (upload) return [finding('network-upload', S.high, `uploads ${upload} to ${uri}`)];
  if (method === 'DELETE') return [finding('network-upload', S.notable, `deletes a resource at ${uri} (HTTP DELETE)`)];
  if (/^(POST|PUT|PATCH)$/.test(method) || psValue(args, 'Body') !== null)
    return [finding('network-upload', S.notable, `sends data to ${uri}`)];
  return [finding('read-only', S.build, `downloads from ${uri}`)];
};

/** Services the machine's security rests on. */
const SECURITY_SERVICE = /^(WinDefend|WdNisSvc|Sense|MpsSvc|wscsvc|EventLog|BFE|SecurityHealthService|wuauserv)$/i;

/** sc.exe, the service controller (in PowerShell 5 `sc` is Set-Content: without a service verb it is judged as that). */
const serviceControl: Rule = (input) => {
  const { args } = input;
  const verb = (args[0]?.text ?? '').toLowerCase();
  const name = args[1]?.text ?? '';
  if (
    !/^(query\w*|start|stop|pause|continue|delete|create|config|description|failure\w*|qc|qdescription|sdset|sdshow|interrogate|control|enumdepend|privs|sidtype|triggerinfo|managedaccount)$/.test(
      verb,
    )
  )
    return [];
  if (/^(query\w*|qc|qdescription|sdshow|enumdepend|interrogate)$/.test(verb))
    return [finding('read-only', S.readOnly, `sc ${verb}`)];
  if (SECURITY_SERVICE.test(name) && verb !== 'start')
    return [finding('system-config', S.critical, `sc ${verb} ${name}: stops or changes a security service`)];
  if (verb === 'create' || verb === 'config' || verb === 'failure' || verb === 'sdset')
    return [
      finding(
        'system-config',
        S.severe - 5,
        `sc ${verb} ${name}: makes a program run as a service (persistence) or changes one`,
      ),
    ];
  if (verb === 'delete' || verb === 'stop') return [finding('system-config', S.high, `sc ${verb} ${name}`)];
  return [finding('system-config', S.notable, `sc ${verb} ${name}`)];
};

/** net.exe: accounts, groups, services, shares. */
const net: Rule = ({ args }) => {
  const words = args.map((w) => w.text.toLowerCase());
  const [area = '', name = ''] = words;
  const adds = words.some((w) => /^\/(add|delete|del)$/.test(w));
  if (/^(localgroup|group)$/.test(area) && adds)
    return [
      finding(
        'privilege',
        /admin/.test(name) ? S.critical : S.high,
        `net ${area} ${name}: changes who belongs to ${name}${/admin/.test(name) ? ', an administrators group' : ''}`,
      ),
    ];
  if (area === 'user' && (adds || words.length > 2))
    return [finding('system-config', S.high, `net user ${name}: creates, deletes or changes an account`)];
  if (area === 'stop')
    return [finding('system-config', SECURITY_SERVICE.test(name) ? S.critical : S.high, `net stop ${name}`)];
  if (/^(start|share|use)$/.test(area)) return [finding('system-config', S.notable, `net ${words.join(' ')}`)];
  return [finding('read-only', S.readOnly, `net ${words.join(' ')}`)];
};

/**
 * Windows programs that fetch or run code for whoever asks (known as living-off-the-land binaries):
 * downloading with certutil or bitsadmin, running script from a URL with mshta, regsvr32 or rundll32.
 */
const fetchesOrRunsCode: Rule = ({ prog, args }) => {
  const words = args.map((w) => w.text);
  const url = words.find((w) => /^(\/i:)?https?:|javascript:|vbscript:/i.test(w));
  if (prog === 'certutil') {
    if (words.some((w) => /^[-/]urlcache$/i.test(w)))
      return [finding('remote-code', S.high, 'downloads a file with certutil, a way malware fetches its payload')];
    if (words.some((w) => /^[-/]decode(hex)?$/i.test(w)))
      return [finding('remote-code', 45, 'decodes a file with certutil')];
    if (words.some((w) => /^[-/](addstore|delstore|A)$/.test(w)) && words.some((w) => /^(root|CA|-t)$/i.test(w)))
      return [finding('system-config', S.high, 'changes which certificate authorities this machine trusts')];
    return [finding('read-only', S.build, `certutil ${words.join(' ').slice(0, 40)}`)];
  }
  if (prog === 'bitsadmin')
    return words.some((w) => /^\/(transfer|addfile|setnotifycmdline)$/i.test(w))
      ? [finding('remote-code', S.high, 'downloads or schedules a program with bitsadmin')]
      : [finding('read-only', S.build, 'bitsadmin lists jobs')];
  if (url) return [finding('remote-code', S.catastrophic - 5, `${prog} runs script from ${url.slice(0, 60)}`)];
  return [finding('remote-code', S.high, `${prog} runs code from ${words[0] ?? 'a file'} outside any review`)];
};

const localAccounts: Rule = ({ prog, args }) => {
  const admin = args.some((w) => /^administrators$/i.test(w.text));
  return [
    finding(
      'privilege',
      admin ? S.critical : S.high,
      `${prog} changes local accounts${admin ? ', adding an administrator' : ''}`,
    ),
  ];
};

/** PowerShell's approved verbs (`Get-Verb`): those that only look, those that destroy or stop, and the rest, which change things. */
const READ_VERBS =
  /^(get|select|sort|measure|where|format|test|find|compare|show|search|resolve|read|write|convertto|convertfrom|join|split|out|group|trace|wait|confirm|debug|tee|foreach|use|enter|exit|push|pop|watch|receive|assert|checkpoint|ping)$/;
const DESTROY_VERBS =
  /^(remove|clear|stop|disable|uninstall|unregister|reset|revoke|dismount|block|suspend|disconnect|restart|initialize|lock|deny|unpublish)$/;
const CHANGE_VERBS =
  /^(set|new|add|enable|install|register|start|update|invoke|import|export|publish|send|move|rename|copy|save|restore|grant|protect|unprotect|approve|deploy|build|complete|expand|compress|mount|edit|open|close|sync|request|submit|connect|redo|undo|optimize|repair|limit|merge|backup|skip|switch|step|unblock|unlock|resume)$/;

/** A cmdlet without a rule of its own: its verb says what kind of thing it does. */
export const byVerb: Rule = ({ prog }) => {
  const [verb = '', noun = ''] = prog.split('-');
  if (/^(format-volume|clear-disk|initialize-disk|remove-partition|clear-partition)$/.test(prog))
    return [finding('disk', S.catastrophic, `${prog} erases a disk`)];
  if (READ_VERBS.test(verb)) return [finding('read-only', S.readOnly, `${prog} only reads`)];
  if (DESTROY_VERBS.test(verb))
    return [
      finding(
        'system-config',
        45,
        `${prog} ${verb === 'stop' || verb === 'restart' ? 'stops' : 'removes or disables'} ${noun}`,
      ),
    ];
  return [finding('system-config', S.medium, `${prog} changes ${noun || 'something'} on this machine`)];
};

/** A PowerShell cmdlet name: an approved verb, a dash, a noun. */
export function isCmdlet(prog: string): boolean {
  const m = /^([a-z]+)-[a-z][a-z0-9]*$/.exec(prog);
  return m !== null && [READ_VERBS, DESTROY_VERBS, CHANGE_VERBS].some((re) => re.test(m[1] ?? ''));
}

export const WINDOWS_SYSTEM_RULES: Record<string, Rule> = {
  'stop-process': stopProcess,
  spps: stopProcess,
  taskkill: stopProcess,
  'stop-computer': power,
  'restart-computer': power,
  diskpart,
  schtasks,
  'register-scheduledtask': () => [
    finding('system-config', S.severe - 5, 'schedules a program to run by itself (persistence)'),
  ],
  'set-mppreference': defender,
  'add-mppreference': defender,
  netsh,
  'set-netfirewallprofile': firewallProfile,
  'set-executionpolicy': executionPolicy,
  wsl,
  vssadmin: shadowCopies,
  wbadmin: shadowCopies,
  wmic: (input) =>
    /shadowcopy/i.test(input.args.map((w: Word) => w.text).join(' '))
      ? shadowCopies(input)
      : [
          finding(
            'system-config',
            S.notable,
            `wmic ${input.args
              .map((w: Word) => w.text)
              .join(' ')
              .slice(0, 50)}`,
          ),
        ],
  cipher,
  iex: invokeExpression,
  'invoke-expression': invokeExpression,
  irm: webRequest,
  iwr: webRequest,
  'invoke-webrequest': webRequest,
  'invoke-restmethod': webRequest,
  certutil: fetchesOrRunsCode,
  bitsadmin: fetchesOrRunsCode,
  mshta: fetchesOrRunsCode,
  regsvr32: fetchesOrRunsCode,
  rundll32: fetchesOrRunsCode,
  wscript: fetchesOrRunsCode,
  cscript: fetchesOrRunsCode,
  sc: serviceControl,
  net,
  net1: net,
  'new-localuser': localAccounts,
  'add-localgroupmember': localAccounts,
  'remove-localuser': localAccounts,
  'enable-localuser': localAccounts,
  'invoke-command': (input) => {
    const script = psValue(input.args, 'ScriptBlock');
    const host = psValue(input.args, 'ComputerName', 'cn') ?? 'this machine';
    return [
      finding('remote-exec', S.notable, `runs a script block on ${host}`),
      ...(script ? judgeWindowsLine(script.replace(/^\{|\}$/g, ''), input, 'Invoke-Command') : []),
    ];
  },
  'enter-pssession': () => [
    finding(
      'remote-exec',
      35,
      'opens a PowerShell session on another machine; what runs there is not seen by Gatehouse',
    ),
  ],
  'publish-module': () => [finding('publishing', S.high, 'publishes a PowerShell module to a gallery')],
  'publish-script': () => [finding('publishing', S.high, 'publishes a PowerShell script to a gallery')],
  'install-module': ({ args }) => [
    finding(
      'package-install',
      /allusers/i.test(psValue(args, 'Scope') ?? '') ? S.notable : S.medium,
      'installs a PowerShell module; its code runs with your rights',
    ),
  ],
  tasklist: () => [finding('read-only', S.readOnly, 'lists processes')],
  findstr: () => [finding('read-only', S.readOnly, 'findstr only reads')],
  systeminfo: () => [finding('read-only', S.readOnly, 'systeminfo only reads')],
  ipconfig: ({ args }) =>
    cmdSwitch(args, 'release', 'renew', 'flushdns')
      ? [finding('system-config', S.medium, 'changes network addresses or caches')]
      : [finding('read-only', S.readOnly, 'ipconfig only reads')],
  ver: () => [finding('read-only', S.readOnly, 'ver only reads')],
  where: () => [finding('read-only', S.readOnly, 'where only reads')],
};
