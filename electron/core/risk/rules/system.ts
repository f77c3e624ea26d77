// The machine itself: processes and power, disks, system configuration, root shells, and Gatehouse.
import { S } from '../types.ts';
import { finding, hasOption, operands, subcommand, text, type Rule } from './util.ts';

const kill: Rule = ({ prog, args }) => {
  const ops = operands(args, ['-s', '-n', '--signal', '-u', '-U', '-g', '-G', '-t']).map((w) => w.text);
  const nine = args.some((w) => /^-(9|KILL|SIGKILL|s\s*KILL)$/i.test(w.text)) || (args.some((w) => w.text === '-s') && args.some((w) => /^(9|KILL|SIGKILL)$/i.test(w.text)));
  if (prog === 'kill') {
    if (ops.some((p) => p === '1' || p === '-1')) return [finding('process', S.catastrophic, ops.includes('-1') ? 'kills every process you can reach' : 'kills init, taking the whole system down')];
    return [finding('process', nine ? 35 : 20, `${nine ? 'force-kills' : 'stops'} process ${ops.join(' ')}`)];
  }
  // pkill, killall: by name or pattern.
  const broad = ops.some((p) => /^(\.|\.\*|-1|\*|init|systemd|launchd|sshd|Finder|WindowServer|explorer|loginwindow)$/.test(p)) || hasOption(args, 'u') && !hasOption(args, 'f');
  return [finding('process', broad ? S.critical : nine ? 45 : S.notable, `${prog} ${nine ? '-9 ' : ''}kills every process matching ${ops.join(' ') || '(nothing)'}`)];
};

const power: Rule = ({ prog }) => [finding('process', S.critical, `${prog === 'shutdown' || prog === 'halt' || prog === 'poweroff' ? 'shuts down' : 'restarts'} the machine (${prog})`)];

const DISK_TOOLS = /^(mkfs(\.\w+)?|mke2fs|mkswap|mkdosfs|mkntfs|wipefs|fdisk|sfdisk|gdisk|sgdisk|cfdisk|parted|blkdiscard|badblocks|hdparm|zpool|lvremove|vgremove|pvremove|cryptsetup|newfs(_\w+)?|format)$/;

const disk: Rule = ({ prog, args }) => {
  const listing = hasOption(args, 'l', '--list') || args.some((w) => w.text === 'print' || w.text === 'list' || w.text === 'status') || (prog === 'hdparm' && !args.some((w) => /security-erase|--trim|-z/.test(w.text)));
  if (listing) return [finding('read-only', S.readOnly, `lists disks (${prog})`)];
  if (prog === 'badblocks' && !hasOption(args, 'w')) return [finding('disk', 25, 'reads a disk for bad blocks')];
  return [finding('disk', S.catastrophic, `${prog} rewrites a disk or partition${operands(args).length ? ` (${operands(args).map((w) => w.text).join(' ')})` : ''}, destroying its data`)];
};

const diskutil: Rule = ({ args }) => {
  const { sub } = subcommand(args);
  if (/^(erase\w*|partitiondisk|zerodisk|randomdisk|secureerase|reformat|splitpartition|mergepartitions|deletevolume|apfs)$/i.test(sub)) return [finding('disk', S.catastrophic, `diskutil ${sub} erases a disk`)];
  if (/^(unmount\w*|eject|mount\w*)$/i.test(sub)) return [finding('disk', S.medium, `diskutil ${sub}`)];
  return [finding('read-only', S.readOnly, `diskutil ${sub}`)];
};

const mount: Rule = ({ prog, args }) => (operands(args).length === 0 ? [finding('read-only', S.readOnly, 'lists mounts')] : [finding('disk', S.notable, `${prog} ${operands(args).map((w) => w.text).join(' ')}`)]);

const crontab: Rule = ({ args }) => {
  if (hasOption(args, 'r')) return [finding('system-config', S.severe, 'deletes all your scheduled cron jobs')];
  if (hasOption(args, 'l')) return [finding('read-only', S.readOnly, 'lists cron jobs')];
  return [finding('system-config', 55, 'replaces your scheduled cron jobs')];
};

const services: Rule = ({ prog, args }) => {
  const { sub, rest } = subcommand(args, ['-H', '--host', '-M', '--machine']);
  const unit = operands(rest)[0]?.text ?? '';
  if (prog === 'systemctl') {
    if (/^(poweroff|reboot|halt|kexec|suspend|hibernate|hybrid-sleep|emergency|rescue|isolate|default)$/.test(sub)) return [finding('process', S.critical, `systemctl ${sub} takes the machine down`)];
    if (/^(stop|disable|mask|kill)$/.test(sub)) return [finding('system-config', hasOption(args, null, '--user') ? S.notable : S.high, `${sub}s the service ${unit}`)];
    if (/^(start|restart|reload|enable|unmask|daemon-reload|edit|set-property|link|revert)$/.test(sub)) return [finding('system-config', hasOption(args, null, '--user') ? S.medium : S.notable, `${sub}s the service ${unit}`)];
    return [finding('read-only', S.readOnly, `systemctl ${sub} ${unit}`)];
  }
  if (prog === 'service') {
    const action = operands(args)[1]?.text ?? '';
    return /^(stop|restart)$/.test(action) ? [finding('system-config', S.high, `${action}s the service ${operands(args)[0]?.text ?? ''}`)] : [finding('system-config', action === 'status' ? S.readOnly : S.notable, `service ${text(args)}`)];
  }
  if (prog === 'launchctl') {
    if (/^(unload|remove|bootout|disable|kill)$/.test(sub)) return [finding('system-config', S.high, `launchctl ${sub} ${unit}`)];
    if (/^(load|bootstrap|enable|kickstart|setenv|config)$/.test(sub)) return [finding('system-config', S.notable, `launchctl ${sub} ${unit}`)];
    return [finding('read-only', S.readOnly, `launchctl ${sub}`)];
  }
  return [];
};

const firewall: Rule = ({ prog, args }) => {
  const w = text(args);
  if (prog === 'ufw') return /\b(disable|reset)\b/.test(w) ? [finding('system-config', S.critical, `turns the firewall off (ufw ${w})`)] : /\bstatus\b/.test(w) ? [finding('read-only', S.readOnly, 'ufw status')] : [finding('system-config', S.notable, `ufw ${w}`)];
  if (prog === 'pfctl') return /(^|\s)-d\b/.test(w) ? [finding('system-config', S.critical, 'turns the firewall off (pfctl -d)')] : [finding('system-config', S.notable, `pfctl ${w}`)];
  if (/(^|\s)-(F|X|P|-flush|-delete-chain|-policy)\b/.test(w)) return [finding('system-config', S.critical, `${prog} ${w}: removes firewall rules`)];
  if (/(^|\s)-(L|S|-list)\b/.test(w)) return [finding('read-only', S.readOnly, `${prog} ${w}`)];
  return [finding('system-config', S.high, `${prog} ${w}: changes firewall rules`)];
};

const accounts: Rule = ({ prog, args }) => {
  if (prog === 'passwd' && operands(args).length === 0 && !hasOption(args, 'S')) return [finding('system-config', S.notable, 'changes your password')];
  if (prog === 'visudo' || prog === 'vipw' || prog === 'vigr') return [finding('privilege', S.critical, `${prog} edits who may become root`)];
  return [finding('system-config', /del/.test(prog) ? S.critical : S.high, `${prog} ${text(args)}: changes user accounts`)];
};

const sysctl: Rule = ({ args }) => (hasOption(args, 'w', '--write') || hasOption(args, 'p', '--load') || args.some((w) => w.text.includes('=')) ? [finding('system-config', S.high, `changes kernel settings (sysctl ${text(args)})`)] : [finding('read-only', S.readOnly, 'reads kernel settings')]);

const configTools: Rule = ({ prog, args }) => {
  const w = text(args);
  if (prog === 'defaults') return /^(read|domains|find|export)\b/.test(w) ? [finding('read-only', S.readOnly, `defaults ${w}`)] : [finding('system-config', /^delete\b/.test(w) ? S.notable : S.medium, `defaults ${w}`)];
  if (prog === 'csrutil' || prog === 'spctl') return /\b(disable|--master-disable|--global-disable)\b/.test(w) ? [finding('system-config', S.critical, `${prog} ${w}: turns off system protection`)] : [finding('read-only', S.readOnly, `${prog} ${w}`)];
  if (prog === 'nvram' || prog === 'bcdedit' || prog === 'efibootmgr' || prog === 'grub-install' || prog === 'update-grub') return /^(-p|-l|-v)?$/.test(w) ? [finding('read-only', S.readOnly, `${prog} ${w}`)] : [finding('system-config', S.critical, `${prog} ${w}: changes how the machine boots`)];
  return [finding('system-config', S.notable, `${prog} ${w}`)];
};

/** `sudo -i`, `sudo su`, `su`: an open-ended root shell, whose commands Gatehouse will not see. */
const rootShell: Rule = ({ prog, args, seg }) => {
  if (prog === 'su' || (seg.privileged && ['bash', 'sh', 'zsh', 'fish', 'su'].includes(prog) && operands(args).length === 0)) {
    return [finding('privilege', S.severe, 'opens a root shell; what runs in it is not seen by Gatehouse')];
  }
  if (prog === 'sudo' || prog === 'doas') {
    if (hasOption(args, 'i', '--login') || hasOption(args, 's', '--shell')) return [finding('privilege', S.severe, 'opens a root shell; what runs in it is not seen by Gatehouse')];
    if (hasOption(args, 'v', '--validate') || hasOption(args, 'l', '--list') || hasOption(args, 'k', '--reset-timestamp') || hasOption(args, 'n', '--non-interactive')) return [finding('privilege', 25, `sudo ${text(args)}: checks or refreshes root rights`)];
    return [finding('privilege', S.notable, `sudo ${text(args)}`)];
  }
  return [];
};

/** The agent talking to Gatehouse itself, or stopping it. */
const selfProtection: Rule = ({ prog, args }) => {
  if (prog === 'gatehouse') {
    const { sub } = subcommand(args);
    if (sub === 'score' || sub === 'doctor' || sub === '--version' || sub === 'help' || sub === '') return [finding('read-only', S.readOnly, `gatehouse ${sub}`)];
    return [finding('self-protection', S.catastrophic, `runs gatehouse ${sub}: an agent deciding or changing its own review`)];
  }
  if (/^(pkill|killall)$/.test(prog) && args.some((w) => /gatehouse/i.test(w.text))) return [finding('self-protection', S.catastrophic, 'stops Gatehouse')];
  return [];
};

/**
 * A fork bomb, judged on what runs (text that merely spells one is harmless): a function that calls
 * itself more than once (`:(){ :|:& };:`, `bomb() { bomb | bomb & }; bomb`), and is called.
 */
export function forkBomb(segments: ReadonlyArray<{ argv: readonly string[]; via: readonly string[] }>): boolean {
  const selfCalls = new Map<string, number>();
  const called = new Set<string>();
  for (const s of segments) {
    const name = s.argv[0];
    if (name === undefined) continue;
    if (s.via.includes(`function ${name}`)) selfCalls.set(name, (selfCalls.get(name) ?? 0) + 1);
    else called.add(name);
  }
  return [...selfCalls].some(([name, n]) => n >= 2 && called.has(name));
}

export const SYSTEM_RULES: Record<string, Rule> = {
  kill,
  pkill: (i) => [...selfProtection(i), ...kill(i)],
  killall: (i) => [...selfProtection(i), ...kill(i)],
  shutdown: power,
  reboot: power,
  halt: power,
  poweroff: power,
  init: (i) => (/^[06]$/.test(operands(i.args)[0]?.text ?? '') ? power(i) : []),
  telinit: (i) => (/^[06]$/.test(operands(i.args)[0]?.text ?? '') ? power(i) : []),
  diskutil,
  mount,
  umount: mount,
  crontab,
  systemctl: services,
  service: services,
  launchctl: services,
  iptables: firewall,
  ip6tables: firewall,
  nft: firewall,
  ufw: firewall,
  pfctl: firewall,
  'firewall-cmd': firewall,
  useradd: accounts,
  userdel: accounts,
  usermod: accounts,
  adduser: accounts,
  deluser: accounts,
  groupadd: accounts,
  groupdel: accounts,
  passwd: accounts,
  chpasswd: accounts,
  visudo: accounts,
  vipw: accounts,
  vigr: accounts,
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
  su: rootShell,
  sudo: rootShell,
  doas: rootShell,
  bash: rootShell,
  sh: rootShell,
  zsh: rootShell,
  fish: rootShell,
  gatehouse: selfProtection,
};

export function isDiskTool(prog: string): boolean {
  return DISK_TOOLS.test(prog);
}

export const diskRule = disk;
