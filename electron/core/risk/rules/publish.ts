// Publishing: package registries, release tools, and GitHub. What is published reaches everyone who
// installs or clones it; withdrawing it breaks them. A dry run publishes nothing.
import type { Word } from '../model.ts';
import { S } from '../types.ts';
import type { Finding } from '../types.ts';
import {
  finding,
  hasOption,
  isDryRun,
  mentionsProduction,
  operands,
  optionValue,
  subcommand,
  type Rule,
  type RuleInput,
} from './util.ts';

/** How each tool publishes: the subcommand (or, for build tools, any task) that publishes, and those that withdraw. */
const PUBLISHERS: Record<string, { publish: RegExp; withdraw?: RegExp; anyTask?: boolean }> = {
  npm: { publish: /^(publish|dist-tag|owner|access)$/, withdraw: /^(unpublish|deprecate)$/ },
  yarn: { publish: /^(publish|npm)$/, withdraw: /^unpublish$/ },
  pnpm: { publish: /^publish$/, withdraw: /^unpublish$/ },
  bun: { publish: /^publish$/ },
  cargo: { publish: /^(publish|owner)$/, withdraw: /^yank$/ },
  gem: { publish: /^(push|owner)$/, withdraw: /^yank$/ },
  twine: { publish: /^upload$/ },
  poetry: { publish: /^publish$/ },
  flit: { publish: /^publish$/ },
  hatch: { publish: /^publish$/ },
  uv: { publish: /^publish$/ },
  pdm: { publish: /^publish$/ },
  rye: { publish: /^publish$/ },
  nuget: { publish: /^push$/, withdraw: /^delete$/ },
  vsce: { publish: /^publish$/, withdraw: /^unpublish$/ },
  ovsx: { publish: /^publish$/ },
  lerna: { publish: /^publish$/ },
  changeset: { publish: /^publish$/ },
  rush: { publish: /^publish$/ },
  pod: { publish: /^trunk$/ },
  expo: { publish: /^publish$/ },
  eas: { publish: /^(submit|update)$/ },
  mkdocs: { publish: /^gh-deploy$/ },
  goreleaser: { publish: /^(release)?$/ },
  jreleaser: { publish: /^(release|deploy|full-release|publish)$/ },
  mvn: { publish: /^(deploy|deploy:deploy|release:perform|nexus-staging:release|jreleaser:\w+)$/, anyTask: true },
  mvnw: { publish: /^(deploy|deploy:deploy|release:perform|nexus-staging:release)$/, anyTask: true },
  gradle: { publish: /^(:[\w:-]*:)?(publish\w*|upload\w*|release|closeAndReleaseRepository)$/, anyTask: true },
  gradlew: { publish: /^(:[\w:-]*:)?(publish\w*|upload\w*|release|closeAndReleaseRepository)$/, anyTask: true },
  sbt: { publish: /^(publish|publishSigned|release|sonatypeRelease|sonatypeBundleRelease)$/, anyTask: true },
};
/** Tools whose whole job is to publish a release. */
const RELEASERS = new Set(['semantic-release', 'release-it', 'np', 'auto']);

const publisher: Rule = ({ prog, args }) => {
  const spec = PUBLISHERS[prog];
  if (!spec) return [];
  const { sub, rest } = subcommand(args, [
    '--prefix',
    '-C',
    '--cwd',
    '--dir',
    '--filter',
    '-w',
    '--workspace',
    '-p',
    '--project',
    '-f',
    '--file',
    '-P',
    '-D',
    '-s',
    '--settings',
  ]);
  // `dotnet nuget push` and `yarn npm publish` name the action one word later.
  const action = (
    spec.anyTask
      ? operands(args, ['-P', '-D', '-s', '--settings', '-p', '-f', '--file', '-pl', '--projects']).map((w) => w.text)
      : [sub]
  ).concat(prog === 'yarn' && sub === 'npm' ? [operands(rest)[0]?.text ?? ''] : []);
  const withdraws = spec.withdraw && action.some((a) => spec.withdraw?.test(a));
  const publishes =
    action.some((a) => spec.publish.test(a)) &&
    !(prog === 'yarn' && sub === 'npm' && !/^publish$/.test(operands(rest)[0]?.text ?? ''));
  if (!withdraws && !publishes) return [];
  if (
    isDryRun(args) ||
    hasOption(args, null, '--snapshot', '--skip-publish', '--no-publish') ||
    args.some((w) => w.text === '--skip=publish')
  ) {
    return [
      finding(
        'build-test',
        S.lowWrite,
        `rehearses ${prog} ${action.find((a) => spec.publish.test(a)) ?? sub} (dry run): nothing leaves the machine`,
      ),
    ];
  }
  if (withdraws)
    return [
      finding(
        'publishing',
        S.critical,
        `withdraws a published package with ${prog} ${sub}, breaking everyone who depends on it`,
      ),
    ];
  return [
    finding(
      'publishing',
      S.high,
      `publishes with ${prog} ${action.find((a) => spec.publish.test(a)) ?? sub}, visible to everyone who installs it`,
    ),
  ];
};

const releaser: Rule = ({ prog, args }) =>
  isDryRun(args)
    ? [finding('build-test', S.lowWrite, `${prog} dry run: nothing leaves the machine`)]
    : [finding('publishing', S.high, `${prog} publishes a release (tags, packages, release notes)`)];

/** `dotnet nuget push`: the action sits one word deeper. */
const dotnet: Rule = ({ args }) => {
  const words = operands(args).map((w) => w.text);
  if (words[0] !== 'nuget') return [];
  if (words[1] === 'delete') return [finding('publishing', S.critical, 'withdraws a NuGet package')];
  return words[1] === 'push'
    ? [finding('publishing', S.high, 'publishes a NuGet package, visible to everyone who installs it')]
    : [];
};

/** GitHub verbs that only read, or only change this machine (`gh pr checkout`, `gh repo clone`). */
const GH_READS =
  /^(view|list|ls|status|diff|checks|browse|search|watch|download|logs?|get|clone|checkout|token-list|--help)$|^$/;

function ghApi(rest: readonly Word[]): Finding[] {
  const method = (optionValue(rest, 'X', '--method') ?? '').toUpperCase();
  const path =
    operands(rest, [
      '-X',
      '--method',
      '-f',
      '-F',
      '--field',
      '--raw-field',
      '-H',
      '--header',
      '--input',
      '-q',
      '--jq',
      '-t',
      '--template',
    ])[0]?.text ?? '';
  if (method === 'DELETE') return [finding('publishing', S.high, `deletes on GitHub (gh api ${path})`)];
  if (
    /^(POST|PUT|PATCH)$/.test(method) ||
    hasOption(rest, 'f', '--raw-field') ||
    hasOption(rest, 'F', '--field', '--input')
  )
    return [finding('publishing', S.medium + 5, `changes something on GitHub (gh api ${method || 'POST'} ${path})`)];
  return [finding('read-only', S.build, `reads from GitHub (gh api ${path})`)];
}

/** gh: most of it reads; some of it publishes, merges, exposes or deletes on GitHub. */
const gh: Rule = (input: RuleInput) => {
  const { args } = input;
  const { sub, rest } = subcommand(args, ['-R', '--repo']);
  const verb = operands(rest)[0]?.text ?? '';
  const found = ((): Finding[] => {
    if (sub === 'auth') {
      if (verb === 'token') return [finding('secrets', S.severe, 'prints your GitHub token')];
      if (/^(login|refresh|setup-git)$/.test(verb))
        return [finding('secrets', 35, `gh auth ${verb}: stores GitHub credentials on this machine`)];
      return [finding('read-only', S.build, `gh auth ${verb}`)];
    }
    if (sub === 'api') return ghApi(rest);
    if (verb === 'delete' || verb === 'delete-asset')
      return [finding('publishing', sub === 'repo' ? S.critical : S.high, `deletes on GitHub (gh ${sub} ${verb})`)];
    if (
      sub === 'repo' &&
      verb === 'edit' &&
      rest.some(
        (w) =>
          /^--visibility(=public)?$/.test(w.text) &&
          (w.text.endsWith('public') || rest[rest.indexOf(w) + 1]?.text === 'public'),
      )
    )
      return [finding('publishing', S.severe, 'makes the repository public')];
    if (sub === 'repo' && (verb === 'create' || verb === 'fork'))
      return [
        finding(
          'publishing',
          hasOption(rest, null, '--public') ? S.high : S.medium,
          `creates a ${hasOption(rest, null, '--public') ? 'public ' : ''}repository on GitHub`,
        ),
      ];
    if (sub === 'pr' && verb === 'merge')
      return [
        finding(
          'publishing',
          hasOption(rest, null, '--admin') ? S.high + 5 : S.notable,
          hasOption(rest, null, '--admin')
            ? 'merges with admin rights, bypassing review and branch protection'
            : 'merges a pull request into its base branch',
        ),
      ];
    if (sub === 'release' && /^(create|upload|edit)$/.test(verb))
      return [finding('publishing', 55, `publishes a GitHub release (gh release ${verb})`)];
    if (sub === 'gist' && verb === 'create')
      return [
        finding(
          'network-upload',
          hasOption(rest, 'p', '--public') ? S.high : 45,
          `uploads files to a ${hasOption(rest, 'p', '--public') ? 'public ' : ''}gist`,
        ),
      ];
    if (sub === 'secret' || sub === 'variable')
      return [finding('secrets', verb === 'list' ? S.medium : 55, `gh ${sub} ${verb}`)];
    if ((sub === 'ssh-key' || sub === 'gpg-key') && verb === 'add')
      return [finding('secrets', S.notable, `lets a new key act as you on GitHub (gh ${sub} add)`)];
    if (sub === 'extension' && /^(install|upgrade)$/.test(verb))
      return [finding('package-install', 35, 'installs a gh extension, code that runs as you')];
    if (
      (sub === 'workflow' && /^(run|enable|disable)$/.test(verb)) ||
      (sub === 'run' && /^(rerun|cancel|delete)$/.test(verb))
    )
      return [finding('publishing', S.notable, `gh ${sub} ${verb}: starts or changes CI/CD runs`)];
    if (GH_READS.test(verb) || sub === 'status' || sub === 'browse' || sub === 'search')
      return [finding('read-only', S.build, `reads from GitHub (gh ${sub} ${verb})`)];
    return [finding('publishing', S.medium, `changes something on GitHub (gh ${sub} ${verb})`)];
  })();
  const prod = mentionsProduction(input.seg);
  return prod
    ? found.map((f) =>
        f.score >= S.medium
          ? { ...f, score: Math.max(f.score + 15, S.high), reason: `${f.reason}, for production (${prod})` }
          : f,
      )
    : found;
};

export const PUBLISH_RULES: Record<string, Rule> = {
  ...Object.fromEntries(Object.keys(PUBLISHERS).map((p) => [p, publisher])),
  ...Object.fromEntries([...RELEASERS].map((p) => [p, releaser])),
  dotnet,
  gh,
};
