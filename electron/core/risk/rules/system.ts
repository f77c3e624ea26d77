// The machine itself: disks, services and what starts by itself (persistence), firewalls and the
// protections of macOS, accounts and kernel settings, root shells.
import { S } from '../types.ts';
import type { Finding } from '../types.ts';
import { finding, hasOption, operands, subcommand, text, type Rule, type RuleInput } from './util.ts';

const DISK_TOOLS =
  /^(mkfs(\.\w+)?|mke2fs|mkswap|mkdosfs|mkntfs|wipefs|fdisk|sfdisk|gdisk|sgdisk|cfdisk|parted|blkdiscard|badblocks|hdparm|zpool|lvremove|vgremove|pvremove|cryptsetup|newfs(_\w+)?|format)$/;

const disk: Rule = ({ prog, args }) => {
  const listing =
    hasOption(args, 'l', '--list') ||
    args.some((w) => w.text === 'print' || w.text === 'list' || w.text === 'status') ||
    (prog === 'hdparm' && !args.some((w) => /security-erase|--trim|-z/.test(w.text)));
  if (listing) return [finding('read-only', S.readOnly, `lists disks (${prog})`)];
  if (prog === 'badblocks' && !hasOption(args, 'w')) return [finding('disk', 25, 'reads a disk for bad blocks')];
  return [
    finding(
      'disk',
      S.catastrophic,
      `${prog} rewrites a disk or partition${
        operands(args).length
          ? ` (${operands(args)
              .map((w) => w.text)
              .join(' ')})`
          : ''
      }, destroying its data`,
    ),
  ];
};

const diskutil: Rule = ({ args }) => {
  const { sub } = subcommand(args);
  if (
    /^(erase\w*|partitiondisk|zerodisk|randomdisk|secureerase|reformat|splitpartition|mergepartitions|deletevolume|apfs)$/i.test(
      sub,
    )
  )
    return [finding('disk', S.catastrophic, `diskutil ${sub} erases a disk`)];
  if (/^(unmount\w*|eject|mount\w*)$/i.test(sub)) return [finding('disk', S.medium, `diskutil ${sub}`)];
  return [finding('read-only', S.readOnly, `diskutil ${sub}`)];
};

const mount: Rule = ({ prog, args }) =>
  operands(args).length === 0
    ? [finding('read-only', S.readOnly, 'lists mounts')]
    : [
        finding(
          'disk',
          S.notable,
          `${prog} ${operands(args)
            .map((w) => w.text)
            .join(' ')}`,
        ),
      ];

/** Attaching and detaching disks and images, swap: the machine's storage changes under running programs. */
const storage: Rule = ({ prog, args }) => {
  const sub = operands(args)[0]?.text ?? '';
  if (
    /^(info|status|list|dump|imageinfo|verify|pmap|help|-l)$/.test(sub) ||
    (prog === 'swapon' && (hasOption(args, 's', '--show') || args.length === 0))
  )
    return [finding('read-only', S.readOnly, `${prog} ${sub}`)];
  return [
    finding(
      'disk',
      prog === 'swapoff' ? S.notable : S.medium,
      `${prog} ${text(args)}: attaches, detaches or changes storage`,
    ),
  ];
};

const crontab: Rule = ({ args }) => {
  if (hasOption(args, 'r')) return [finding('system-config', S.severe, 'deletes all your scheduled cron jobs')];
  if (hasOption(args, 'l')) return [finding('read-only', S.readOnly, 'lists cron jobs')];
  return [finding('system-config', 55, 'replaces your scheduled cron jobs, which run by themselves')];
};

/** Services: stopping them takes things down; enabling them makes a program start by itself (persistence). */
const services: Rule = ({ prog, args }) => {
  const { sub, rest } = subcommand(args, ['-H', '--host', '-M', '--machine']);
  const unit = operands(rest)[0]?.text ?? '';
  const user = hasOption(args, null, '--user');
  if (prog === 'systemctl') {
    if (/^(poweroff|reboot|halt|kexec|suspend|hibernate|hybrid-sleep|emergency|rescue|isolate|default)$/.test(sub))
      return [finding('process', S.critical, `systemctl ${sub} takes the machine down`)];
    if (/^(enable|link|preset|add-wants|add-requires)$/.test(sub))
      return [
        finding(
          'system-config',
          S.high,
          `makes ${unit} start by itself at every ${user ? 'login' : 'boot'} (systemctl ${sub})`,
        ),
      ];
    if (/^(stop|disable|mask|kill)$/.test(sub))
      return [finding('system-config', user ? S.notable : S.high, `${sub}s the service ${unit}`)];
    if (
      /^(start|restart|reload|unmask|daemon-reload|edit|set-property|revert|try-restart|reload-or-restart)$/.test(sub)
    )
      return [finding('system-config', user ? S.medium : S.notable, `${sub}s the service ${unit}`)];
    return [finding('read-only', S.readOnly, `systemctl ${sub} ${unit}`)];
  }
  if (prog === 'service') {
    const action = operands(args)[1]?.text ?? '';
    return /^(stop|restart)$/.test(action)
      ? [finding('system-config', S.high, `${action}s the service ${operands(args)[0]?.text ?? ''}`)]
      : [finding('system-config', action === 'status' ? S.readOnly : S.notable, `service ${text(args)}`)];
  }
  if (prog === 'launchctl') {
    if (/^(unload|remove|bootout|disable|kill)$/.test(sub))
      return [finding('system-config', S.high, `launchctl ${sub} ${unit}`)];
    if (/^(load|bootstrap|enable|submit)$/.test(sub))
      return [
        finding(
          'system-config',
          S.high,
          `makes ${operands(rest).at(-1)?.text ?? 'a program'} start by itself (launchctl ${sub})`,
        ),
      ];
    if (/^(kickstart|setenv|config|start|stop)$/.test(sub))
      return [finding('system-config', S.notable, `launchctl ${sub} ${unit}`)];
    return [finding('read-only', S.readOnly, `launchctl ${sub}`)];
  }
  if (prog === 'update-rc.d' || prog === 'chkconfig' || prog === 'rc-update')
    return [finding('system-config', S.high, `${prog} ${text(args)}: changes what starts at boot`)];
  return [];
};

const firewall: Rule = ({ prog, args }) => {
  const w = text(args);
  if (prog === 'ufw')
    return /\b(disable|reset)\b/.test(w)
      ? [finding('system-config', S.critical, `turns the firewall off (ufw ${w})`)]
      : /\bstatus\b/.test(w)
        ? [finding('read-only', S.readOnly, 'ufw status')]
        : [finding('system-config', S.notable, `ufw ${w}`)];
  if (prog === 'pfctl')
    return /(^|\s)-d\b/.test(w)
      ? [finding('system-config', S.critical, 'turns the firewall off (pfctl -d)')]
      : [finding('system-config', S.notable, `pfctl ${w}`)];
  if (prog === 'socketfilterfw')
    return /--setglobalstate\s+off|--setblockall\s+off|--add\b/.test(w)
      ? [finding('system-config', S.critical, `changes the macOS firewall (${w})`)]
      : [finding('read-only', S.readOnly, `socketfilterfw ${w}`)];
  if (/(^|\s)-(F|X|P|-flush|-delete-chain|-policy)\b/.test(w))
    return [finding('system-config', S.critical, `${prog} ${w}: removes firewall rules`)];
  if (/(^|\s)-(L|S|-list)\b/.test(w)) return [finding('read-only', S.readOnly, `${prog} ${w}`)];
  return [finding('system-config', S.high, `${prog} ${w}: changes firewall rules`)];
};

const accounts: Rule = ({ prog, args }) => {
  if (prog === 'passwd' && operands(args).length === 0 && !hasOption(args, 'S'))
    return [finding('system-config', S.notable, 'changes your password')];
  if (prog === 'visudo' || prog === 'vipw' || prog === 'vigr')
    return [finding('privilege', S.critical, `${prog} edits who may become root`)];
  if (prog === 'newgrp' || prog === 'sg')
    return [finding('privilege', 35, `${prog} ${text(args)}: this shell takes on another group's rights`)];
  const admin = args.some((w) => /^(sudo|wheel|admin|root|docker)$/.test(w.text));
  return [
    finding(
      'system-config',
      /del/.test(prog) || admin ? S.critical : S.high,
      `${prog} ${text(args)}: changes user accounts${admin ? ', granting admin rights' : ''}`,
    ),
  ];
};

const sysctl: Rule = ({ args }) =>
  hasOption(args, 'w', '--write') || hasOption(args, 'p', '--load') || args.some((w) => w.text.includes('='))
    ? [finding('system-config', S.high, `changes kernel settings (sysctl ${text(args)})`)]
    : [finding('read-only', S.readOnly, 'reads kernel settings')];

/** macOS settings that turn a protection off (download quarantine, Gatekeeper, firewall, screen lock, updates). */
const PROTECTION_OFF =
  /LSQuarantine\s+-bool\s+(false|no|0)|GKAutoRearm\s+-bool\s+(false|no|0)|com\.apple\.alf\s+globalstate\s+-int\s+0|askForPassword\s+-int\s+0|AutomaticCheckEnabled\s+-bool\s+(false|no)|com\.apple\.security|assessment/i;

const configTools: Rule = ({ prog, args }) => {
  const w = text(args);
  if (prog === 'defaults') {
    if (/^(read|domains|find|export|read-type)\b/.test(w)) return [finding('read-only', S.readOnly, `defaults ${w}`)];
    if (PROTECTION_OFF.test(w))
      return [finding('system-config', S.critical, `turns off a macOS protection (defaults ${w.slice(0, 60)})`)];
    return [finding('system-config', /^delete\b/.test(w) ? S.notable : S.medium, `defaults ${w}`)];
  }
  if (prog === 'csrutil' || prog === 'spctl')
    return /\b(disable|--master-disable|--global-disable|--add|--remove|--disable)\b/.test(w)
      ? [finding('system-config', S.critical, `${prog} ${w}: turns off system protection`)]
      : [finding('read-only', S.readOnly, `${prog} ${w}`)];
  if (
    prog === 'nvram' ||
    prog === 'bcdedit' ||
    prog === 'efibootmgr' ||
    prog === 'grub-install' ||
    prog === 'update-grub'
  )
    return /^(-p|-l|-v)?$/.test(w)
      ? [finding('read-only', S.readOnly, `${prog} ${w}`)]
      : [finding('system-config', S.critical, `${prog} ${w}: changes how the machine boots`)];
  if (prog === 'xattr') {
    if (/com\.apple\.quarantine/.test(w) && hasOption(args, 'd'))
      return [
        finding(
          'system-config',
          55,
          `removes the download quarantine from ${operands(args).at(-1)?.text ?? 'a file'}, so Gatekeeper will not check it`,
        ),
      ];
    return hasOption(args, 'c') || hasOption(args, 'd') || hasOption(args, 'w')
      ? [finding('file-overwrite', S.medium, `xattr ${w}`)]
      : [finding('read-only', S.readOnly, `xattr ${w}`)];
  }
  if (prog === 'setenforce')
    return /^(0|permissive)$/i.test(w)
      ? [finding('system-config', S.critical, 'turns SELinux enforcement off')]
      : [finding('system-config', S.medium, `setenforce ${w}`)];
  if (prog === 'aa-disable' || prog === 'aa-complain' || prog === 'aa-teardown')
    return [finding('system-config', S.critical, `${prog} turns AppArmor protection off`)];
  if (prog === 'softwareupdate') {
    if (hasOption(args, 'l', '--list', '--history')) return [finding('read-only', S.readOnly, 'lists system updates')];
    return [
      finding(
        hasOption(args, 'R', '--restart') ? 'process' : 'system-config',
        hasOption(args, 'R', '--restart') ? S.critical : 55,
        `installs system updates${hasOption(args, 'R', '--restart') ? ' and restarts the machine' : ''}`,
      ),
    ];
  }
  if (prog === 'mkcert')
    return args.some((a) => /^-(install|uninstall)$/.test(a.text))
      ? [
          finding(
            'system-config',
            S.high,
            'adds a certificate authority every browser and tool on this machine will trust',
          ),
        ]
      : [finding('build-test', S.lowWrite, `mkcert ${w}`)];
  if (prog === 'tccutil')
    return [finding('system-config', S.high, `tccutil ${w}: changes which apps may use the camera, disk or screen`)];
  if (/^(status|show|list-[\w-]+|get\w*|-s|--status)?(\s|$)/.test(w) && !/\bset/.test(w))
    return [finding('read-only', S.readOnly, `${prog} ${w}`)];
  return [finding('system-config', S.notable, `${prog} ${w}`)];
};

/** `ip`: addresses, links and routes; showing them reads, changing them changes the machine's network. */
const ip: Rule = ({ args }) => {
  const words = operands(args).map((w) => w.text);
  if (words.some((w) => /^(add|del|delete|set|change|replace|flush|append|prepend|up|down)$/.test(w)))
    return [finding('system-config', S.notable, `ip ${words.join(' ')}: changes the network setup`)];
  return [finding('read-only', S.readOnly, `ip ${words.join(' ')}`)];
};

/** journalctl reads logs; vacuuming deletes them (the record of what happened: high), rotating or flushing moves them. */
const journalctl: Rule = ({ args }) =>
  args.some((w) => /^--vacuum-/.test(w.text))
    ? [finding('file-deletion', S.high, `journalctl ${text(args)}: deletes the system logs, the record of what ran`)]
    : args.some((w) => /^--(rotate|flush|relinquish-var|setup-keys)/.test(w.text))
      ? [finding('file-deletion', S.notable, `journalctl ${text(args)}: moves or rotates system logs`)]
      : [finding('read-only', S.readOnly, 'journalctl reads logs')];

/** `sudo -i`, `sudo su`, `su`: an open-ended root shell, whose commands Gatehouse will not see. */
const rootShell: Rule = ({ prog, args, seg }) => {
  if (
    prog === 'su' ||
    (seg.privileged && ['bash', 'sh', 'zsh', 'fish', 'su'].includes(prog) && operands(args).length === 0)
  ) {
    return [finding('privilege', S.severe, 'opens a root shell; what runs in it is not seen by Gatehouse')];
  }
  if (prog === 'sudo' || prog === 'doas') {
    if (hasOption(args, 'i', '--login') || hasOption(args, 's', '--shell'))
      return [finding('privilege', S.severe, 'opens a root shell; what runs in it is not seen by Gatehouse')];
    if (hasOption(args, 'k', '--reset-timestamp') || hasOption(args, 'K', '--remove-timestamp'))
      return [finding('read-only', S.readOnly, 'sudo -k: gives up cached root rights')];
    if (
      hasOption(args, 'v', '--validate') ||
      hasOption(args, 'l', '--list') ||
      hasOption(args, 'n', '--non-interactive')
    )
      return [finding('privilege', S.medium, `sudo ${text(args)}: checks or refreshes root rights`)];
    return [finding('privilege', S.elevated, `sudo ${text(args)}`)];
  }
  return [];
};

/** Variables that change what every later program loads or records (set with `export`, `set`, `unset` or before a command). */
const ENVIRONMENT_HOOKS: Array<[RegExp, number, string]> = [
  [
    /^(LD_PRELOAD|LD_AUDIT|DYLD_INSERT_LIBRARIES|DYLD_LIBRARY_PATH)=/,
    S.high,
    'loads a library into every program it starts',
  ],
  [
    /^(HISTFILE=(\/dev\/null)?|HISTSIZE=0|HISTFILESIZE=0|HISTCONTROL=ignore\w*)$|^HISTFILE$/,
    S.notable,
    'stops the shell from recording its history',
  ],
  [
    /^PATH=["']?(\/tmp|\/var\/tmp|\/dev\/shm|\/private\/tmp)(\/|:|$)/,
    S.notable,
    'puts a temporary folder first in PATH, ahead of the real programs',
  ],
  [/^PROMPT_COMMAND=/, S.notable, 'runs a command before every prompt'],
];

export function environmentChanges(input: RuleInput): Finding[] {
  const { prog, args, seg } = input;
  const words = [
    ...seg.assignments,
    ...(/^(export|declare|typeset|set|unset|setenv|local)$/.test(prog) ? args.map((w) => w.text) : []),
  ];
  if (prog === 'set' && args.some((w, i) => w.text === '+o' && args[i + 1]?.text === 'history')) words.push('HISTFILE');
  const found: Finding[] = [];
  for (const w of words) {
    const hit = ENVIRONMENT_HOOKS.find(([re]) => re.test(w));
    if (hit && (prog !== 'unset' || /^HIST/.test(w))) found.push(finding('system-config', hit[1], `${w}: ${hit[2]}`));
  }
  return found;
}

/** Kernel modules and extensions: code loaded into the kernel can do anything. */
const kernelModule: Rule = ({ prog, args }) => {
  const unloads =
    /^(rmmod|kextunload)$/.test(prog) ||
    hasOption(args, 'r', '--remove') ||
    /^unload$/.test(operands(args)[0]?.text ?? '');
  if (hasOption(args, 'n', '--dry-run') || /^(show|list|inspect|print-diagnostics)/.test(operands(args)[0]?.text ?? ''))
    return [finding('read-only', S.readOnly, `${prog} ${text(args)}`)];
  return unloads
    ? [finding('system-config', 45, `${prog} unloads a kernel module`)]
    : [
        finding(
          'system-config',
          S.high + 5,
          `${prog} loads code into the kernel (${operands(args).at(-1)?.text ?? ''})`,
        ),
      ];
};

/** Time Machine: deleting snapshots or backups, or turning backups off. */
const tmutil: Rule = ({ args }) => {
  const verb = operands(args)[0]?.text ?? '';
  if (/^(delete\w*|disable|thinlocalsnapshots|removeexclusion|disablelocal)$/i.test(verb))
    return [finding('file-deletion', S.high + 5, `tmutil ${verb}: deletes or turns off backups`)];
  if (/^(list\w*|status|latestbackup|machinedirectory|destinationinfo|isexcluded|compare|version)$/i.test(verb))
    return [finding('read-only', S.readOnly, `tmutil ${verb}`)];
  return [finding('system-config', S.notable, `tmutil ${verb}`)];
};

/** `alias x='…'`: the alias runs its text later, in this shell; it is judged as that text. */
const alias: Rule = (input) =>
  input.args.flatMap((w) => {
    const m = /^([^=\s]+)=(.+)$/s.exec(w.text);
    return m
      ? input.nested(
          (m[2] ?? '')
            .split(/\s+/)
            .filter(Boolean)
            .map((text) => ({ text, known: !/[$`*?]/.test(text) })),
          `alias ${m[1]}`,
        )
      : [];
  });

/** `at`, `batch`: a command runs later, by itself. */
const later: Rule = ({ args }) =>
  hasOption(args, 'l') || hasOption(args, 'r') || hasOption(args, 'd')
    ? [finding('system-config', S.medium, `at ${text(args)}`)]
    : [finding('system-config', S.notable, 'schedules a command to run later, by itself')];

/** Tools whose purpose is taking saved passwords, hashes or a process's memory (where logins live). */
const dumpsCredentials: Rule = ({ prog }) => [
  finding('secrets', S.severe, `runs ${prog}, a tool that dumps saved passwords, password hashes or process memory`),
];

/** macOS `systemsetup`: reading is fine; turning on remote login or changing the machine's setup is not. */
const systemsetup: Rule = ({ args }) => {
  const first = args[0]?.text ?? '';
  if (/^-get/i.test(first)) return [finding('read-only', S.readOnly, `systemsetup ${first}`)];
  return [
    finding(
      'system-config',
      /remotelogin|remoteappleevents/i.test(first) ? S.high : S.notable,
      `systemsetup ${text(args).slice(0, 50)}: changes the machine's setup${/remotelogin|remoteappleevents/i.test(first) ? ', letting others log in to it' : ''}`,
    ),
  ];
};

export const SYSTEM_RULES: Record<string, Rule> = {
  ...Object.fromEntries(
    [
      'mimikatz',
      'procdump',
      'procdump64',
      'lazagne',
      'secretsdump',
      'secretsdump.py',
      'pypykatz',
      'cmdkey',
      'vaultcmd',
    ].map((p) => [p, dumpsCredentials]),
  ),
  systemsetup,
  diskutil,
  mount,
  umount: mount,
  udisksctl: storage,
  hdiutil: storage,
  swapoff: storage,
  swapon: storage,
  losetup: storage,
  crontab,
  at: later,
  batch: later,
  alias,
  systemctl: services,
  service: services,
  launchctl: services,
  'update-rc.d': services,
  chkconfig: services,
  'rc-update': services,
  iptables: firewall,
  ip6tables: firewall,
  nft: firewall,
  ufw: firewall,
  pfctl: firewall,
  'firewall-cmd': firewall,
  socketfilterfw: firewall,
  useradd: accounts,
  userdel: accounts,
  usermod: accounts,
  adduser: accounts,
  deluser: accounts,
  groupadd: accounts,
  groupdel: accounts,
  gpasswd: accounts,
  passwd: accounts,
  chpasswd: accounts,
  visudo: accounts,
  vipw: accounts,
  vigr: accounts,
  newgrp: accounts,
  sg: accounts,
  dscl: accounts,
  sysadminctl: accounts,
  sysctl,
  defaults: configTools,
  csrutil: configTools,
  spctl: configTools,
  nvram: configTools,
  bcdedit: configTools,
  efibootmgr: configTools,
  'grub-install': configTools,
  'update-grub': configTools,
  hostnamectl: configTools,
  timedatectl: configTools,
  'update-alternatives': configTools,
  scutil: configTools,
  networksetup: configTools,
  xattr: configTools,
  tccutil: configTools,
  ip,
  journalctl,
  insmod: kernelModule,
  modprobe: kernelModule,
  rmmod: kernelModule,
  kextload: kernelModule,
  kextunload: kernelModule,
  kmutil: kernelModule,
  tmutil,
  setenforce: configTools,
  softwareupdate: configTools,
  mkcert: configTools,
  'update-ca-certificates': () => [
    finding('system-config', S.high, 'changes which certificate authorities this machine trusts'),
  ],
  'update-ca-trust': () => [
    finding('system-config', S.high, 'changes which certificate authorities this machine trusts'),
  ],
  'aa-disable': configTools,
  'aa-complain': configTools,
  'aa-teardown': configTools,
  direnv: ({ args }) =>
    /^(allow|permit|grant)$/.test(operands(args)[0]?.text ?? '')
      ? [finding('system-config', S.medium, "direnv allow: trusts this folder's .envrc to run on every cd")]
      : [],
  su: rootShell,
  sudo: rootShell,
  doas: rootShell,
  bash: rootShell,
  sh: rootShell,
  zsh: rootShell,
  fish: rootShell,
};

export function isDiskTool(prog: string): boolean {
  return DISK_TOOLS.test(prog);
}

export const diskRule = disk;
