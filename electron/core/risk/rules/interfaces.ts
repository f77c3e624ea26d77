// Small programs whose ordinary forms only show something (`ifconfig`, `ip addr`, `less f`, `tmux ls`) and whose
// other forms cut the machine off, run a shell, type into another terminal or hand out rights (`setcap`).
import { S } from '../types.ts';
import { finding, hasOption, operands, text, type Rule } from './util.ts';

/** `ip` objects and the verbs that change them (`ip link set eth0 down`, `ip route flush all`). */
const IP_CHANGES = /^(add|del|delete|change|replace|set|flush|append|prepend|restore|save)$/;

/** `ifconfig` shows; `ifconfig eth0 down`, `ifconfig eth0 10.0.0.2`, `ifconfig eth0 mtu 1` change the interface. */
const ifconfig: Rule = ({ args }) => {
  const ops = operands(args);
  if (ops.length <= 1) return [];
  return [
    finding(
      'system-config',
      S.high,
      `ifconfig ${text(ops)}: changes a network interface, which can cut this machine off the network`,
    ),
  ];
};

/** `ip addr show`, `ip route` show; `ip link set … down`, `ip route del default`, `ip addr flush` change them. */
const ip: Rule = ({ args }) => {
  const ops = operands(args, ['-n', '-netns', '-f', '-family', '-b', '-batch']);
  const verb = ops[1]?.text ?? '';
  if (!IP_CHANGES.test(verb)) return [];
  return [finding('system-config', S.high, `ip ${text(ops)}: changes network interfaces, addresses or routes`)];
};

/** `less +!cmd f`, `more '+!cmd'`: a command less runs at start; `!` in one runs a shell. */
const pager: Rule = ({ prog, args, shell }) => {
  const start = args.find((w) => w.text.startsWith('+') && /!/.test(w.text));
  if (!start) return [];
  const cmd = start.text.slice(start.text.indexOf('!') + 1);
  return [
    finding('remote-code', S.high, `${prog} ${start.text}: runs a shell command when it starts`),
    ...shell(cmd, `${prog} +!`),
  ];
};

/**
 * `tmux send-keys -t pane 'cmd' Enter`, `screen -X stuff 'cmd\n'`: types a command into another terminal, whose shell
 * may not be one Gatehouse gates. Judged as the command typed, and never below high.
 */
const typesInto: Rule = ({ prog, args, shell }) => {
  const words = args.map((w) => w.text);
  const at = prog === 'tmux' ? words.findIndex((w) => w === 'send-keys' || w === 'send') : words.indexOf('stuff');
  if (at < 0) return [];
  const keys = operands(args.slice(at + 1), ['-t', '-N'])
    .map((w) => w.text)
    .filter((w) => !/^(Enter|C-m|KPEnter)$/.test(w));
  const typed = keys.join(' ').replace(/\\n|\\r/g, '\n');
  return [
    finding(
      'remote-code',
      S.high,
      `${prog} types \`${typed.slice(0, 60)}\` into another terminal, where Gatehouse may not see it run`,
    ),
    ...shell(typed, `${prog} ${words[at]}`),
  ];
};

/** `setcap cap_setuid+ep /usr/bin/python3`: gives a program rights its user does not have. */
const setcap: Rule = ({ args }) => {
  const ops = operands(args);
  if (ops.length < 2 || args.some((w) => w.text === '-v')) return [];
  return [
    finding('privilege', S.severe, `setcap ${text(ops)}: gives a program capabilities (rights) beyond its user's`),
  ];
};

/** What `open` and `xdg-open` show without running anything: a web page, or a document of a kind no default app runs. */
const SHOWN_URL = /^https?:\/\//i;
const DOCUMENT =
  /\.(html?|pdf|png|jpe?g|gif|svg|webp|ico|bmp|tiff?|md|markdown|txt|log|csv|tsv|json|ya?ml|toml|xml|mp4|mov|webm|mp3|wav|m4a)$/i;

/**
 * `open` (macOS) and `xdg-open` hand what they are given to its default app, and that app may run it: `open x.app`,
 * `open run.command`, `open -a Terminal x.sh`, `xdg-open x.desktop` start programs. Low is a web page, a document
 * of a kind that is only shown, or a folder named as one (`open .`, `open docs/`, never `open X.app/`), in the default app; anything else, a chosen app
 * (`-a`, `-b`) for anything but a web page, arguments or environment for the app, or an app alone, starts a program.
 */
const opener: Rule = (input) => {
  const { args, prog } = input;
  const ops = operands(args, ['-a', '-b', '--env', '--stdin', '--stdout', '--stderr']);
  const chosenApp = hasOption(args, 'a') || hasOption(args, 'b');
  const shown = (t: string) =>
    SHOWN_URL.test(t) || (!chosenApp && (DOCUMENT.test(t) || t === '.' || t === '..' || /(^|\/)[^./]+\/$/.test(t)));
  if (ops.length > 0 && ops.every((w) => w.known && shown(w.text)) && !hasOption(args, null, '--args', '--env'))
    return [];
  // A script the app runs (`open x.command`, `open -a Terminal x.sh`) is read like `sh x.sh`.
  const scripts = ops.filter((w) => w.known && /\.(command|sh|bash|zsh|tool)$/.test(w.text));
  return [
    ...scripts.flatMap((w) => input.nested([{ text: 'sh', known: true }, w], prog)),
    finding(
      'unknown-program',
      S.medium,
      `${prog} ${text(args).slice(0, 60)}: hands it to an app, which may run it (an app, a script, a launcher file)`,
    ),
  ];
};

export const INTERFACE_RULES: Record<string, Rule> = {
  open: opener,
  'xdg-open': opener,
  ifconfig,
  ip,
  less: pager,
  more: pager,
  most: pager,
  tmux: typesInto,
  screen: typesInto,
  setcap,
};
