// Every rule, by the program it judges. A program may have several; all of them run.
import type { Word } from '../model.ts';
import type { PathInfo } from '../paths.ts';
import { classifyPath, where } from '../paths.ts';
import { S } from '../types.ts';
import type { Finding } from '../types.ts';
import { AGENT_RULES } from './agents.ts';
import { ARCHIVE_RULES } from './archives.ts';
import { benign, runsByPath, runsScript } from './benign.ts';
import { CODE_RULES, interactiveShellInCode, interpreterCode, runsFetchedCode } from './code.ts';
import { DATA_RULES } from './data.ts';
import { FILE_RULES, overwrite } from './files.ts';
import { GIT_RULES } from './git.ts';
import { interactiveSession } from './interactive.ts';
import { INTERFACE_RULES } from './interfaces.ts';
import { CLOUD_RULES } from './cloud.ts';
import { CONTAINER_RULES } from './containers.ts';
import { MIGRATION_RULES } from './migrations.ts';
import { exposesEverywhere, NETWORK_RULES, outputInAddress } from './network.ts';
import { patchWrites } from './patches.ts';
import { PUBLISH_RULES } from './publish.ts';
import { scriptsRun } from './scripts.ts';
import { toolConfigs } from './tool-configs.ts';
import { SECRET_RULES, secretArguments } from './secrets.ts';
import { shapeVerdict, type ShapeVerdict } from './shapes.ts';
import { shapeOf } from '../shapes/index.ts';
import { SUPPLY_TABLES } from './supply.ts';
import { PROCESS_RULES } from './processes.ts';
import { diskRule, environmentChanges, isDiskTool, SYSTEM_RULES } from './system.ts';
import { codeInEnvironment } from './environment.ts';
import { finding, type Rule, type RuleInput } from './util.ts';
import { WINDOWS_FILE_RULES, WINDOWS_SHELL_RULES } from './windows.ts';
import { byVerb, isCmdlet, WINDOWS_SYSTEM_RULES } from './windows-system.ts';
import { windowsArgs } from './windows-words.ts';

const WINDOWS_TABLES: ReadonlyArray<Record<string, Rule>> = [
  WINDOWS_FILE_RULES,
  WINDOWS_SYSTEM_RULES,
  WINDOWS_SHELL_RULES,
];
const TABLES: ReadonlyArray<Record<string, Rule>> = [
  FILE_RULES,
  ARCHIVE_RULES,
  GIT_RULES,
  ...SUPPLY_TABLES,
  PUBLISH_RULES,
  NETWORK_RULES,
  CODE_RULES,
  SECRET_RULES,
  DATA_RULES,
  MIGRATION_RULES,
  CONTAINER_RULES,
  CLOUD_RULES,
  SYSTEM_RULES,
  PROCESS_RULES,
  INTERFACE_RULES,
  AGENT_RULES,
  ...WINDOWS_TABLES,
];
/** Rules that look at every segment, whatever its program. */
const EVERY_SEGMENT: readonly Rule[] = [
  secretArguments,
  runsFetchedCode,
  interpreterCode,
  interactiveShellInCode,
  interactiveSession,
  exposesEverywhere,
  outputInAddress,
  environmentChanges,
  codeInEnvironment,
  patchWrites,
  scriptsRun,
  toolConfigs,
];

const BY_PROGRAM = new Map<string, Rule[]>();
for (const table of TABLES) {
  for (const [prog, rule] of Object.entries(table)) BY_PROGRAM.set(prog, [...(BY_PROGRAM.get(prog) ?? []), rule]);
}
const WINDOWS_PROGRAMS = new Set(WINDOWS_TABLES.flatMap((t) => Object.keys(t)));
/**
 * A Windows path (`C:\…`, `%USERPROFILE%`, `$env:APPDATA`) somewhere in the text: bash would have eaten its backslashes.
 * A variable is three characters or more (`%TMP%`, `%APPDATA%`): `%H%s` and `%an%ae` are git's format placeholders.
 */
const WINDOWS_TEXT = /(^|[\s"'=])([A-Za-z]:\\|%[A-Za-z_]\w{2,}%|\$env:|\.\\)/i;

/** For a command written for cmd or PowerShell, its words as that shell splits them. */
function asWritten(input: RuleInput): RuleInput {
  const argv0 = input.seg.argv[0]?.text ?? '';
  const windows =
    WINDOWS_PROGRAMS.has(input.prog) ||
    isCmdlet(input.prog) ||
    /\.exe$/i.test(argv0) ||
    WINDOWS_TEXT.test(input.seg.text);
  const args = windows ? windowsArgs(input.seg, input.prog) : null;
  return args ? { ...input, args } : input;
}

/** Redirections: `>` truncates, `>>` appends, `<` reads; `/dev/tcp/…` is a network connection. */
function redirects(input: RuleInput): Finding[] {
  const found: Finding[] = [];
  for (const r of input.seg.redirects) {
    if (/^\d+$|^-$/.test(r.target.text) && /&/.test(r.op)) continue;
    if (/^\/dev\/(tcp|udp)\//.test(r.target.text)) {
      found.push(
        finding('remote-code', S.catastrophic, `connects ${r.op} ${r.target.text}: a shell wired to the network`),
      );
      continue;
    }
    if (r.op.includes('<')) {
      const info = classifyPath(r.target, input.ctx);
      if (info.kind === 'secret') found.push(finding('secrets', S.severe, `reads ${where(info)}`));
      if (info.kind === 'protected') found.push(finding('self-protection', S.catastrophic, `reads ${where(info)}`));
      continue;
    }
    found.push(overwrite(r.target, input, r.op.includes('>>')));
  }
  return found;
}

/** Any argument that points at Gatehouse's own files or the agents' hook settings, whatever the program. */
function touchesProtected(input: RuleInput): Finding[] {
  for (const w of input.args) {
    if (w.text.startsWith('-') && !w.text.includes('/')) continue;
    const candidate: Word = w.text.includes('=') ? { ...w, text: w.text.slice(w.text.indexOf('=') + 1) } : w;
    const info: PathInfo = classifyPath(candidate, input.ctx);
    if (info.kind === 'protected') return [finding('self-protection', S.catastrophic, `touches ${where(info)}`)];
  }
  if (input.seg.argv.some((w) => /GATEHOUSE_(TOKEN|SOCKET)/.test(w.text)))
    return [finding('self-protection', S.catastrophic, "uses Gatehouse's own session token or socket")];
  return [];
}

/** `tool --help`, `tool --version`, `tool help`: any program asked only about itself prints and exits. */
const ONLY_ABOUT_ITSELF = /^(--?help|-h|-\?|\/\?|--version|-V|version|help|--usage)$/;

/** Everything said about one segment (before privilege and remote adjustments). */
export function judge(written: RuleInput): Finding[] {
  const input = asWritten(written);
  const found = [...redirects(input), ...touchesProtected(input), ...EVERY_SEGMENT.flatMap((rule) => rule(input))];
  // Only a program Gatehouse knows is taken at its word: an unknown one may do anything with `--help`.
  const known =
    BY_PROGRAM.has(input.prog) ||
    shapeOf(input.prog) !== null ||
    WINDOWS_PROGRAMS.has(input.prog) ||
    isCmdlet(input.prog);
  if (known && input.args.length === 1 && ONLY_ABOUT_ITSELF.test(input.args[0]?.text ?? '')) {
    return [...found, finding('read-only', S.readOnly, `${input.prog} ${input.args[0]?.text} prints and exits`)];
  }
  const rules = BY_PROGRAM.get(input.prog) ?? [];
  const specific = rules.flatMap((rule) => rule(input));
  if (isDiskTool(input.prog)) specific.push(...diskRule(input));
  found.push(...specific);
  const shape = input.prog === '' || input.seg.argv.length === 0 ? null : shapeVerdict(input);
  if (shape) found.push(...shape.found);
  if (specific.length === 0) {
    const general = [
      ...runsScript(input),
      ...benign(input),
      ...runsByPath(input),
      ...(isCmdlet(input.prog) ? byVerb(input) : []),
    ];
    if (general.length) found.push(...general);
    // A program with rules that found nothing to say, read to its last word by its table: ordinary work.
    else if (rules.length && shape)
      found.push(
        finding('build-test', S.lowWrite, `${input.prog} ${input.args[0]?.text ?? ''}: nothing of concern`.trim()),
      );
    else if (input.seg.argv.length === 0)
      found.push(finding('read-only', S.none, 'runs no program, only its redirections'));
    // A program named only at run time has no name; the engine has already said what is known of it.
    else if (input.prog !== '' && !rules.length)
      found.push(finding('unknown-program', S.unknownProgram, `runs ${input.prog}, which Gatehouse has no rule for`));
  }
  return [...found, ...lowMustBeProven(input, shape, found)];
}

/**
 * Low is proven, never assumed: a segment the rules would rate low stays low only when its program has a shape
 * table and every word is on it. An unknown option or subcommand is medium and never allowed by a rule
 * (`unparsed`); a program with rules but no table is medium like any program Gatehouse has not read.
 */
function lowMustBeProven(input: RuleInput, shape: ShapeVerdict | null, found: readonly Finding[]): Finding[] {
  if (input.prog === '' || input.seg.argv.length === 0) return [];
  // cmd and PowerShell commands are judged by their own tables (windows*.ts: verbs, cmdlets, switches).
  if (WINDOWS_PROGRAMS.has(input.prog) || isCmdlet(input.prog)) return [];
  if (shape?.unproven) return [shape.unproven];
  if (shape) return [];
  if (found.some((f) => f.score >= S.medium)) return [];
  if (input.seg.argv[0]?.text.includes('/')) return []; // a script or program run by its path is judged as such (benign.ts)
  return [
    finding(
      'unknown-program',
      S.unknownProgram,
      `Gatehouse has no table of what ${input.prog} may safely do, so it cannot prove this only reads or builds`,
    ),
  ];
}
