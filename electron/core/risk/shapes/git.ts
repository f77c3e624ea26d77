// git: the subcommands and options known to read, or to change only this repository's working state. Options
// that make git run a program (`-c core.fsmonitor=…`, `--upload-pack`, `rebase -x`, `bisect run`,
// `submodule foreach`, `diff --ext-diff`, `grep -O`, `--exec-path=…`, `init --template`) are either code-carrying
// kinds here or absent (unknown, so never low). Whether a write loses work is the rules' business (rules/git.ts).
import type { ShapeSource } from './spec.ts';

const PATHSPEC = '--pathspec-from-file= --pathspec-file-nul';
const DIFF_OUTPUT =
  '-p -u --patch -s --no-patch --raw --stat=? --numstat --shortstat --dirstat=? --compact-summary --summary --name-only --name-status --submodule=? ' +
  '--color=? --no-color --color-moved=? --color-words=? --word-diff=? --word-diff-regex= -w -b --ignore-all-space --ignore-space-change --ignore-space-at-eol ' +
  '--ignore-blank-lines --ignore-cr-at-eol -U= --unified= --inter-hunk-context= -W --function-context --minimal --patience --histogram --diff-algorithm= ' +
  '--anchored= --indent-heuristic --no-indent-heuristic -M=? --find-renames=? -C=? --find-copies=? --find-copies-harder -D --irreversible-delete -l= ' +
  '--diff-filter= -S= -G= --pickaxe-all --pickaxe-regex -O= -R --relative=? --no-relative -a --text --exit-code --quiet --no-ext-diff --no-textconv ' +
  '--abbrev=? --full-index --binary --src-prefix= --dst-prefix= --no-prefix --default-prefix --line-prefix= --ita-invisible-in-index -z --check ' +
  '--ws-error-highlight= --no-renames --rename-empty --no-rename-empty --output=write --output-indicator-new= --output-indicator-old= --output-indicator-context=';
const LOG_LIMITS =
  '-n= --max-count= --skip= --since= --after= --until= --before= --author= --committer= --grep= --all-match --invert-grep -i --regexp-ignore-case ' +
  '--basic-regexp -E --extended-regexp -F --fixed-strings -P --perl-regexp --merges --no-merges --min-parents= --max-parents= --first-parent --not --all ' +
  '--branches=? --tags=? --remotes=? --glob= --exclude= --reflog --alternate-refs --single-worktree --ignore-missing --bisect --stdin --cherry-mark ' +
  '--cherry-pick --left-only --right-only --cherry --walk-reflogs -g --merge --boundary --simplify-by-decoration --full-history --dense --sparse ' +
  '--simplify-merges --ancestry-path=? --date-order --author-date-order --topo-order --reverse --no-walk=? --do-walk --since-as-filter=';
const LOG_FORMAT =
  '--oneline --pretty=? --format= --abbrev-commit --no-abbrev-commit --encoding= --expand-tabs=? --no-expand-tabs --notes=? --no-notes --show-notes=? ' +
  '--relative-date --date= --parents --children --left-right --graph --show-linear-break=? --decorate=? --no-decorate --decorate-refs= ' +
  '--decorate-refs-exclude= --source --use-mailmap --mailmap --no-mailmap --full-diff --log-size -L= --follow --no-follow -m --cc -c --dd ' +
  '--remerge-diff --diff-merges= --no-diff-merges -t --clear-decorations';
const COMMIT_OPTS =
  '-a --all -p --patch -C= --reuse-message= -c= --reedit-message= --fixup= --squash= --reset-author --short --branch --porcelain --long -z --null ' +
  '-F= --file= --author= --date= -m= --message= -t= --template= -s --signoff --no-signoff --trailer= -n --no-verify --verify --allow-empty ' +
  '--allow-empty-message --cleanup= -e --edit --no-edit --amend --no-post-rewrite -i --include -o --only -u=? --untracked-files=? -v --verbose -q --quiet ' +
  '--dry-run --status --no-status -S=? --gpg-sign=? --no-gpg-sign';
const MERGE_OPTS =
  '--commit --no-commit --edit -e --no-edit --cleanup= --ff --no-ff --ff-only -S=? --gpg-sign=? --no-gpg-sign --log=? --no-log --signoff --no-signoff ' +
  '--stat -n --no-stat --squash --no-squash --verify --no-verify -s= --strategy= -X= --strategy-option= --verify-signatures --no-verify-signatures -q ' +
  '--quiet -v --verbose --progress --no-progress --autostash --no-autostash --allow-unrelated-histories -m= -F= --file= --into-name= --rerere-autoupdate ' +
  '--no-rerere-autoupdate --overwrite-ignore --abort --quit --continue';
const FETCH_OPTS =
  '--all -a --append --atomic --depth= --deepen= --shallow-since= --shallow-exclude= --unshallow --update-shallow --negotiation-tip= --negotiate-only ' +
  '--dry-run --porcelain --write-fetch-head --no-write-fetch-head -f --force -k --keep --multiple --auto-maintenance --no-auto-maintenance --auto-gc ' +
  '--no-auto-gc --write-commit-graph --no-write-commit-graph --prefetch -p --prune -P --prune-tags -n --no-tags --refetch --refmap= -t --tags ' +
  '--recurse-submodules=? --no-recurse-submodules -j= --jobs= --set-upstream -u=shell --upload-pack=shell -q --quiet -v --verbose --progress ' +
  '--no-progress -o= --server-option= --show-forced-updates --no-show-forced-updates -4 --ipv4 -6 --ipv6 --filter=';

/** For the learner: options that decide which program runs (a diff driver, a merge strategy's `git-merge-<name>`). */
const EXT_DIFF = '--ext-diff';
const STRATEGY = '-s --strategy';

export const GIT_SHAPES: Record<string, ShapeSource | string> = {
  git: {
    // Before the subcommand: where and how git runs. `-c`/`--config-env` set configuration, judged key by key.
    opts:
      '--exec-path=?check:gitexecpath -C= -c=check:gitconfig --config-env=check:gitconfig --no-pager -P --paginate -p --git-dir= --work-tree= --bare --no-replace-objects ' +
      '--literal-pathspecs --glob-pathspecs --noglob-pathspecs --icase-pathspecs --no-optional-locks --no-advice --namespace= --html-path --man-path --info-path',
    subs: {
      status:
        '-s --short -b --branch --show-stash --porcelain=? --long -v --verbose -u=? --untracked-files=? --ignore-submodules=? --ignored=? -z --column=? --no-column --ahead-behind --no-ahead-behind --renames --no-renames --find-renames=?',
      diff: {
        alters: EXT_DIFF,
        opts: `${DIFF_OUTPUT} --cached --staged --merge-base --no-index -1 -2 -3 --base --ours --theirs -0`,
        note: 'prints differences',
      },
      'diff-tree|diff-index|diff-files': `${DIFF_OUTPUT} -r --root --cached -m -c --cc --stdin --no-commit-id -v --always --merge-base`,
      log: { alters: EXT_DIFF, opts: `${LOG_LIMITS} ${LOG_FORMAT} ${DIFF_OUTPUT}`, numeric: true },
      whatchanged: { opts: `${LOG_LIMITS} ${LOG_FORMAT} ${DIFF_OUTPUT}`, numeric: true },
      show: { alters: EXT_DIFF, opts: `${LOG_FORMAT} ${DIFF_OUTPUT} -s --no-patch`, numeric: true },
      // Its `-n` is `--numbered`, not log's `-n N`: listed after the log limits, so it wins.
      shortlog: {
        opts: `${LOG_LIMITS} -n --numbered -s --summary -e --email --format= --group= -c --committer -w=? --date=`,
        numeric: true,
      },
      'rev-list': {
        opts: `${LOG_LIMITS} ${LOG_FORMAT} --count --objects --objects-edge --in-commit-order --quiet --header --timestamp --max-age= --min-age= --left-right`,
        numeric: true,
      },
      blame:
        '-b --root --show-stats -f --show-name -n --show-number -s -e --show-email -w -M=? -C=? -L= -l -t -S= -p --porcelain --line-porcelain --incremental --encoding= --contents= --date= --progress --no-progress --reverse= --first-parent --color-lines --color-by-age --abbrev= --ignore-rev= --ignore-revs-file=',
      annotate:
        '-b --root --show-stats -L= -l -t -S= -p --porcelain --incremental --encoding= --contents= --date= -M=? -C=?',
      grep: '--cached --untracked --no-index --no-exclude-standard --exclude-standard --recurse-submodules -a --text --textconv --no-textconv -i --ignore-case -I --max-depth= -r --recursive --no-recursive -w --word-regexp -v --invert-match -h -H --full-name -E --extended-regexp -G --basic-regexp -P --perl-regexp -F --fixed-strings -n --line-number --column -l --files-with-matches --name-only -L --files-without-match -z --null -o --only-matching -c --count --color=? --no-color --break --heading -p --show-function -A= -B= -C= --after-context= --before-context= --context= -W --function-context -m= --max-count= --threads= -f= -e= --and --or --not --all-match -q --quiet',
      'ls-files':
        '-c --cached -d --deleted -m --modified -o --others -i --ignored -s --stage -u --unmerged -k --killed -z -t -v -f --directory --no-empty-directory --eol --deduplicate -x= --exclude= -X= --exclude-from= --exclude-per-directory= --exclude-standard --error-unmatch --with-tree= --full-name --recurse-submodules --abbrev=? --format= --sparse',
      // The index's entries and bits (`--chmod=+x`); `--fsmonitor`, `--index-info` and `--cacheinfo` are not listed.
      'update-index':
        '--chmod= --add --remove --force-remove --refresh --really-refresh -q --ignore-missing --ignore-submodules --unmerged --assume-unchanged --no-assume-unchanged --skip-worktree --no-skip-worktree --info-only --again -g --unresolve --verbose -z --stdin',
      // git-secrets (awslabs): scanning and listing; `--install`, `--register-aws`, `--add` change hooks or configuration.
      secrets: '--scan -r --recursive --cached --no-index --untracked --scan-history --list',
      'ls-tree':
        '-d -r -t -l --long -z --name-only --name-status --object-only --full-name --full-tree --abbrev=? --format=',
      'ls-remote':
        '-h --heads -b --branches -t --tags --refs -q --quiet --exit-code --get-url --sort= --symref -o= --server-option=',
      'rev-parse':
        '--parseopt --sq-quote --keep-dashdash --stop-at-non-option --stuck-long --revs-only --no-revs --flags --no-flags --default= --prefix= --verify -q --quiet --sq --short=? --not --abbrev-ref=? --symbolic --symbolic-full-name --all --branches=? --tags=? --remotes=? --glob= --exclude= --disambiguate= --local-env-vars --path-format= --git-dir --git-common-dir --resolve-git-dir= --git-path= --show-toplevel --show-superproject-working-tree --shared-index-path --absolute-git-dir --is-inside-git-dir --is-inside-work-tree --is-bare-repository --is-shallow-repository --show-cdup --show-prefix --show-object-format=? --show-ref-format --since= --after= --until= --before=',
      describe:
        '--dirty=? --broken=? --all --tags --contains --abbrev= --candidates= --exact-match --debug --long --match= --exclude= --always --first-parent',
      'cat-file':
        '-t -s -e -p --textconv --filters --path= --batch=? --batch-check=? --batch-command=? --batch-all-objects --buffer --unordered --allow-unknown-type --follow-symlinks -Z',
      'show-ref':
        '--head --branches --heads --tags -d --dereference -s --hash=? --abbrev=? --verify --exists -q --quiet --exclude-existing=?',
      'for-each-ref':
        '--count= --shell --perl --python --tcl --sort= --format= --color=? --points-at= --merged=? --no-merged=? --contains=? --no-contains=? --ignore-case --omit-empty --exclude= --stdin',
      'merge-base': '-a --all --octopus --independent --is-ancestor --fork-point',
      'name-rev': '--tags --refs= --exclude= --all --annotate-stdin --name-only --no-undefined --always',
      'count-objects': '-v --verbose -H --human-readable',
      'check-ignore': '-q --quiet -v --verbose --stdin -z -n --non-matching --no-index',
      'check-attr': '-a --all --cached --stdin -z --source=',
      'range-diff': `${DIFF_OUTPUT} --creation-factor= --no-dual-color --left-only --right-only`,
      cherry: '-v --abbrev=?',
      'show-branch':
        '-r --remotes -a --all --current --topo-order --date-order --sparse --more= --list --merge-base --independent --no-name --sha1-name --topics -g --reflog=? --color=? --no-color',
      'verify-commit|verify-tag': '-v --verbose --raw',
      fsck: '--unreachable --dangling --no-dangling --root --tags --cache --no-reflogs --full --no-full --connectivity-only --strict --verbose --lost-found --name-objects --progress --no-progress',
      var: '-l',
      version: '--build-options',
      help: '-a --all -g --guides -c --config --user-interfaces --developer-interfaces -i --info -m --man -w --web --no-external-commands --no-aliases',
      // Local writes: they change the repository, which is the agent's job; what they could lose is judged by the rules.
      add: `-n --dry-run -v --verbose -f --force -i --interactive -p --patch -e --edit -u --update -A --all --no-all --ignore-removal --no-ignore-removal -N --intent-to-add --refresh --ignore-errors --ignore-missing --no-warn-embedded-repo --renormalize --chmod= --sparse ${PATHSPEC}`,
      commit: COMMIT_OPTS,
      restore: `-s= --source= -p --patch -W --worktree -S --staged -q --quiet --progress --no-progress --ours --theirs -m --merge --conflict= --ignore-unmerged --ignore-skip-worktree-bits --recurse-submodules --no-recurse-submodules --overlay --no-overlay ${PATHSPEC}`,
      checkout: `-q --quiet --progress --no-progress -f --force --ours --theirs -b= -B= -t --track=? --no-track --guess --no-guess -l -d --detach --orphan= --ignore-skip-worktree-bits -m --merge --conflict= -p --patch --ignore-other-worktrees --overwrite-ignore --no-overwrite-ignore --recurse-submodules --no-recurse-submodules --overlay --no-overlay ${PATHSPEC}`,
      switch:
        '-c= --create= -C= --force-create= -d --detach --guess --no-guess -f --force --discard-changes -m --merge --conflict= -q --quiet --progress --no-progress -t --track=? --no-track --orphan= --ignore-other-worktrees --recurse-submodules --no-recurse-submodules',
      branch:
        '-d --delete -D -f --force -m --move -M -c --copy -C --color=? --no-color -i --ignore-case --omit-empty --column=? --no-column -r --remotes -a --all -l --list --show-current -v -vv --verbose -q --quiet --abbrev=? --no-abbrev -t --track=? --no-track -u= --set-upstream-to= --unset-upstream --contains=? --no-contains=? --merged=? --no-merged=? --sort= --points-at= --format= --create-reflog',
      merge: { opts: MERGE_OPTS, alters: STRATEGY },
      // `-i` hands the todo list to the editor; a strategy is a program (`git-merge-<name>`) found on PATH.
      rebase: {
        alters: `-i --interactive ${STRATEGY}`,
        opts: '--onto= --keep-base --continue --skip --abort --quit --edit-todo --show-current-patch -m --merge -s= --strategy= -X= --strategy-option= -S=? --gpg-sign=? --no-gpg-sign -q --quiet -v --verbose --stat -n --no-stat --no-verify --verify -C= --no-ff --force-rebase -f --fork-point --no-fork-point --ignore-whitespace --whitespace= --committer-date-is-author-date --ignore-date --reset-author-date --signoff -i --interactive -r --rebase-merges=? --no-rebase-merges -x=shell --exec=shell --root --autosquash --no-autosquash --autostash --no-autostash --reschedule-failed-exec --no-reschedule-failed-exec --update-refs --no-update-refs --empty= --keep-empty --no-keep-empty --apply',
      },
      'cherry-pick':
        '--edit -e --cleanup= -x -r -m= --mainline= -n --no-commit -s --signoff -S=? --gpg-sign=? --no-gpg-sign --ff --allow-empty --allow-empty-message --empty= --keep-redundant-commits --strategy= -X= --strategy-option= --rerere-autoupdate --no-rerere-autoupdate --continue --skip --quit --abort',
      revert:
        '--edit -e --no-edit --cleanup= -m= --mainline= -n --no-commit -S=? --gpg-sign=? --no-gpg-sign -s --signoff --strategy= -X= --strategy-option= --rerere-autoupdate --no-rerere-autoupdate --reference --continue --skip --quit --abort',
      reset: `--soft --mixed --hard --merge --keep -q --quiet --no-quiet -p --patch -N --intent-to-add --recurse-submodules --no-recurse-submodules --no-refresh --refresh ${PATHSPEC}`,
      stash: {
        opts: '-p --patch -S --staged -k --keep-index --no-keep-index -u --include-untracked --no-include-untracked -a --all -q --quiet -m= --message= --pathspec-from-file= --pathspec-file-nul',
        subOptional: true,
        subs: {
          'push|save':
            '-p --patch -S --staged -k --keep-index --no-keep-index -u --include-untracked --no-include-untracked -a --all -q --quiet -m= --message= --pathspec-from-file= --pathspec-file-nul',
          list: `${LOG_FORMAT} ${LOG_LIMITS}`,
          show: `${DIFF_OUTPUT} -u --include-untracked --only-untracked`,
          'pop|apply': '--index -q --quiet',
          drop: '-q --quiet',
          clear: '',
          branch: '',
          create: '',
          store: '-m= --message= -q --quiet',
        },
      },
      tag: '-a --annotate -s --sign -u= --local-user= -f --force -d --delete -v --verify -n=? -l --list --sort= --color=? -i --ignore-case --omit-empty --column=? --no-column --contains=? --no-contains=? --merged=? --no-merged=? --points-at= -m= --message= -F= --file= -e --edit --cleanup= --create-reflog --format=',
      mv: '-f --force -k -n --dry-run -v --verbose',
      rm: `-f --force -n --dry-run -r --cached --ignore-unmatch --sparse -q --quiet ${PATHSPEC}`,
      clean: '-d -f --force -i --interactive -n --dry-run -q --quiet -e= --exclude= -x -X',
      init: '-q --quiet --bare --object-format= --ref-format= --separate-git-dir= -b= --initial-branch= --shared=?',
      clone:
        '-l --local --no-hardlinks -s --shared --reference= --reference-if-able= --dissociate -q --quiet -v --verbose --progress --server-option= -n --no-checkout --reject-shallow --no-reject-shallow --bare --sparse --filter= --also-filter-submodules --mirror -o= --origin= -b= --branch= --revision= -u=shell --upload-pack=shell -c=check:gitconfig --config=check:gitconfig --depth= --shallow-since= --shallow-exclude= --single-branch --no-single-branch --no-tags --tags --recurse-submodules=? --shallow-submodules --no-shallow-submodules --remote-submodules --no-remote-submodules --separate-git-dir= --ref-format= -j= --jobs= --bundle-uri=',
      fetch: FETCH_OPTS,
      pull: { opts: `${FETCH_OPTS} ${MERGE_OPTS} -r --rebase=? --no-rebase`, alters: STRATEGY },
      push: '--all --branches --prune --mirror -n --dry-run --porcelain --delete -d --tags --follow-tags --no-follow-tags --signed=? --no-signed --atomic --no-atomic -o= --push-option= --repo= -f --force --force-with-lease=? --no-force-with-lease --force-if-includes --no-force-if-includes -u --set-upstream -q --quiet -v --verbose --progress --no-progress --recurse-submodules= --no-recurse-submodules --verify --no-verify -4 --ipv4 -6 --ipv6 --receive-pack=shell --exec=shell',
      remote: {
        opts: '-v --verbose',
        subOptional: true,
        subs: {
          add: '-t= -m= -f --tags --no-tags --mirror=?',
          'rename|remove|rm': '--progress --no-progress',
          'set-head': '-a --auto -d --delete',
          'set-branches': '--add',
          'get-url': '--push --all',
          'set-url': '--push --add --delete',
          show: '-n',
          prune: '-n --dry-run',
          update: '-p --prune',
        },
      },
      worktree: {
        subs: {
          add: '-f --force --detach --checkout --no-checkout --lock --reason= --orphan -q --quiet --track --no-track --guess-remote --no-guess-remote -b= -B=',
          list: '--porcelain -v --verbose --expire= -z',
          'lock|unlock': '--reason=',
          move: '-f --force',
          prune: '-n --dry-run -v --verbose --expire=',
          remove: '-f --force',
          repair: '',
        },
      },
      // For the learner: the key and value set are code (a pager, a hook path), unless an option makes it a read.
      config: {
        operandsCarryCode: 'all',
        reads: '--get --get-all --get-regexp --get-urlmatch --get-color --get-colorbool --list -l',
        alters: '-e --edit --add --replace-all --unset --unset-all --rename-section --remove-section',
        opts: '--global --system --local --worktree -f= --file= --blob= --get --get-all --get-regexp --get-urlmatch --replace-all --add --unset --unset-all -l --list --fixed-value --type= --no-type --bool --int --bool-or-int --path --expiry-date -z --null --name-only --show-origin --show-scope --get-colorbool --get-color --default= --includes --no-includes',
      },
      reflog: {
        subOptional: true,
        numeric: true,
        opts: `${LOG_FORMAT} ${LOG_LIMITS}`,
        subs: {
          show: { opts: `${LOG_FORMAT} ${LOG_LIMITS}`, numeric: true },
          list: '',
          exists: '',
          expire:
            '--expire= --expire-unreachable= --rewrite --updateref --stale-fix -n --dry-run --verbose --all --single-worktree',
          delete: '--rewrite --updateref -n --dry-run --verbose',
        },
      },
      bisect: {
        subs: {
          start: '--term-new= --term-bad= --term-old= --term-good= --no-checkout --first-parent',
          'bad|good|new|old|skip|reset|log|terms|visualize|view|help': '--term-good --term-bad',
          replay: '',
          // `git bisect run cmd…` runs cmd at every step: the rest is a command.
          run: { command: 'argv' },
        },
      },
      submodule: {
        opts: '-q --quiet --cached --recursive',
        subOptional: true,
        subs: {
          status: '--cached --recursive',
          summary: '--cached --files -n= --summary-limit=',
          init: '',
          deinit: '-f --force --all',
          update:
            '--init --remote -N --no-fetch --no-recommend-shallow --recommend-shallow -f --force --checkout --rebase --merge --reference= --ref-format= --depth= --recursive -j= --jobs= --single-branch --no-single-branch --filter=',
          sync: '--recursive',
          add: '-b= -f --force --name= --reference= --depth=',
          'set-branch': '-b= --branch= -d --default',
          'set-url': '',
          absorbgitdirs: '',
          // `git submodule foreach 'cmd'`: cmd is a shell command run in every submodule.
          foreach: { opts: '--recursive', command: 'shell' },
        },
      },
      // difftool runs the diff tool configured (or `-x`/`--extcmd`) on each file.
      difftool: {
        alters: '-t --tool',
        opts: `${DIFF_OUTPUT} --cached --staged -d --dir-diff -y --no-prompt --prompt --symlinks --no-symlinks -t= --tool= --tool-help -g --gui --no-gui --trust-exit-code --no-trust-exit-code -x=shell --extcmd=shell`,
      },
      apply:
        '--stat --numstat --summary --check --index --intent-to-add -N --3way -3 --ours --theirs --union --build-fake-ancestor= -R --reverse --reject -z -p= -C= --unidiff-zero --apply --no-add --allow-binary-replacement --binary --exclude= --include= --ignore-space-change --ignore-whitespace --whitespace= --inaccurate-eof -v --verbose -q --quiet --recount --directory= --unsafe-paths --allow-empty --cached',
      am: '-s --signoff -k --keep --keep-non-patch --keep-cr --no-keep-cr -c --scissors --no-scissors --quoted-cr= -m --message-id --no-message-id -q --quiet -u --utf8 --no-utf8 -3 --3way --no-3way --rerere-autoupdate --no-rerere-autoupdate --ignore-space-change --ignore-whitespace --whitespace= -C= -p= --directory= --exclude= --include= --reject --patch-format= -i --interactive --committer-date-is-author-date --ignore-date --skip -S=? --gpg-sign=? --no-gpg-sign --continue -r --resolved --resolvemsg= --abort --quit --retry --show-current-patch=? --allow-empty --empty=',
      'format-patch': {
        opts: `${DIFF_OUTPUT} -o= --output-directory= --stdout -n --numbered -N --no-numbered --start-number= --numbered-files -k --keep-subject -s --signoff --cover-letter --no-cover-letter --subject-prefix= --rfc=? -v= --reroll-count= --to= --cc= --from=? --in-reply-to= --attach=? --inline=? --thread=? --no-thread --signature= --no-signature --base= --suffix= -q --quiet --zero-commit --progress --interdiff= --range-diff=`,
        numeric: true,
      },
      archive:
        '--format= -l --list -v --verbose --prefix= --add-file= --add-virtual-file= -o=write --output=write --worktree-attributes --mtime= -0 -1 -2 -3 -4 -5 -6 -7 -8 -9',
      gc: '--aggressive --auto --detach --no-detach --cruft --no-cruft --max-cruft-size= --prune=? --no-prune -q --quiet --force --keep-largest-pack',
      prune: '-n --dry-run -v --verbose --progress --expire=',
      'sparse-checkout': {
        subs: {
          list: '',
          init: '--cone --no-cone --sparse-index --no-sparse-index',
          set: '--cone --no-cone --sparse-index --no-sparse-index --skip-checks --stdin',
          add: '--skip-checks --stdin',
          reapply: '--cone --no-cone',
          disable: '',
          check: '',
        },
      },
      'symbolic-ref': { opts: '-q --quiet --short --no-recurse -d --delete -m=', maxOperands: 1 },
      lfs: {
        subs: {
          'ls-files':
            '-l --long -s --size -d --debug -a --all --deleted -I= --include= -X= --exclude= -n --name-only --json',
          status: '--porcelain --json',
          pull: '-I= --include= -X= --exclude=',
          fetch: '-a --all -I= --include= -X= --exclude= -r --recent -p --prune --refetch --dry-run --json',
          checkout: '--to= --base --ours --theirs',
          track: '-v --verbose -d --dry-run --filename -l --lockable --not-lockable --no-excluded --no-modify-attrs',
          untrack: '',
          env: '',
          version: '',
          logs: '',
          pointer: '--file= --pointer= --stdin --check --strict',
          locks: '-i= --id= -p= --path= -l --local --cached --verify --limit= --json',
        },
      },
    },
  },
};
