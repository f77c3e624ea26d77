// Python project tools beyond build.ts (which has python, pip, pytest, ruff, mypy, black): project and environment
// managers (uv, poetry, pipenv, hatch, pdm), test and coverage runners (tox, nox, coverage), linters and type
// checkers, web servers, and documentation and notebook tools. What is marked, or left out so that it stays unknown:
// - packages to install carry code for the rule learner (`operandsCarryCode: 'all'`); installs and publishing are
//   judged by rules/supply.ts and publish.ts;
// - code loaded first: `uv run --with`, `pylint --load-plugins` (`=load`), a config written in code from outside
//   the project (`=check:projectcode`);
// - what listens beyond this machine (`flask --host`, `gunicorn --bind`, `jupyter --ip`), runs a command in an
//   environment (`tox exec`) or pushes (`mkdocs gh-deploy`) is left out.
import type { ShapeSource } from './spec.ts';

const TOX =
  '-e= -p=? --parallel=? -r --recreate --notest -q -v -vv -vvv -c= --conf= --root= --workdir= --colored= --skip-missing-interpreters=? -m= --labels= -f= ' +
  '--factors= --skip-pkg-install --installpkg= --develop --result-json=write --exit-and-dump-after= --hashseed= --discover= --list-dependencies --no-list-dependencies ' +
  '--version -h --help -l --listenvs -a --listenvs-all --showconfig --runner= --no-recreate-pkg --parallel-live -o --parallel-no-spinner --no-provision';
const COVERAGE_REPORT =
  '--show-missing -m --skip-covered --skip-empty --fail-under= --precision= --format= --include= --omit= --data-file= --rcfile= -o=write -d= --directory= --title= -i --ignore-errors --contexts= --sort= --pretty-print --keep --append -a -q --quiet --no-skip-covered';
const MKDOCS =
  '--strict -s --clean -c --dirty -d= --site-dir= -f= --config-file= -t= --theme= -q --quiet -v --verbose --use-directory-urls --no-directory-urls --no-strict';

export const PYTHON_SHAPES: Record<string, ShapeSource | string> = {
  uv: {
    globals:
      '-q --quiet -v --verbose --color= --no-color --offline --no-cache -n --cache-dir= --python= -p= --directory= --project= --config-file= --no-config --native-tls --no-progress --frozen --locked --all-extras --extra= --no-dev --dev --group= --only-group= --all-groups --no-sync --index= --index-url= --default-index= --extra-index-url= --preview --managed-python --no-managed-python --no-python-downloads -h --help -V --version',
    subOptional: true,
    maxOperands: 0,
    subs: {
      // For the learner: each package named is fetched and built (its build hooks run).
      'sync|add|remove': {
        operandsCarryCode: 'all',
        alters: '--rev --tag --branch --editable',
        opts: '--upgrade -U --upgrade-package= -P= --dry-run --inexact --exact --no-install-project --no-install-workspace --all-packages --package= --optional= --rev= --tag= --branch= --editable --raw --bounds= --script= --no-editable --compile-bytecode --reinstall',
      },
      lock: '--check --check-exists --upgrade -U --upgrade-package= -P= --dry-run --script=',
      tree: '--depth= -d= --invert --outdated --universal --package= --prune= --no-dedupe --script= --show-sizes',
      pip: {
        subs: {
          'install|uninstall|sync|compile': {
            operandsCarryCode: 'all',
            alters: '-r --requirement -e --editable -c --constraint',
            opts: '-r= --requirement= -e= --editable= -c= --constraint= --system --break-system-packages --target= --prefix= --upgrade -U --upgrade-package= -P= --no-deps --dry-run -o=write --output-file=write --universal --generate-hashes --reinstall --strict --no-header --all-extras --extra=',
          },
          'list|show|freeze|check|tree':
            '--format= --outdated --editable -e --exclude-editable --strict --files -f --system --depth= -d= --invert --show-version-specifiers',
        },
      },
      python: {
        subs: {
          'list|find|dir':
            '--only-installed --only-downloads --all-versions --all-platforms --show-urls --system --bin',
          'install|pin': '--reinstall -r --force -f --global --resolved --no-project',
        },
      },
      // `uv run CMD`: CMD is judged as its own command; `--with` installs packages from the registry first.
      run: {
        opts: '--with=load --with-requirements=load --with-editable=load --isolated --no-project --package= --all-packages --module -m --script -s --env-file= --no-env-file --exact --no-editable',
        command: 'argv',
      },
      venv: '--seed --prompt= --system-site-packages --relocatable --allow-existing --clear --no-project',
      init: '--lib --app --package --no-package --name= --vcs= --build-backend= --bare --no-readme --script --no-workspace --author-from=',
      build: '--wheel --sdist -o= --out-dir= --package= --all-packages --no-build-isolation --build-constraint= -b=',
      export:
        '--format= -o=write --output-file=write --no-hashes --no-header --no-emit-project --no-emit-workspace --script= --all-packages --package=',
      'version|help': '--short --output-format= --bump= --dry-run',
      cache: { subs: { dir: '' } },
      tool: { subs: { 'list|dir': '--show-paths --show-version-specifiers --show-with --bin' } },
    },
    note: '`uv run` is read by the parser as the command it runs; `uv publish` is judged by the publishing rules',
  },
  poetry: {
    globals:
      '-q --quiet -v -vv -vvv --verbose -n --no-interaction --ansi --no-ansi --no-plugins --no-cache -C= --directory= -P= --project= -h --help -V --version',
    subs: {
      'install|add|remove|update|lock|sync': {
        operandsCarryCode: 'all',
        opts: '--with= --without= --only= --only-root --no-root --no-directory --sync --dry-run --extras= -E= --all-extras --all-groups --compile --group= -G= --dev -D --editable -e --allow-prereleases --source= --python= --platform= --lock --markers= --optional=? --regenerate --no-update',
      },
      show: '--tree --latest -l --outdated -o --only= --with= --without= --top-level -T --all -a --why --no-dev',
      check: '--lock --strict',
      build: '-f= --format= -o= --output= --clean --config-settings=',
      env: { subs: { 'info|list': '-p --path -e --executable --full-path' } },
      config: { maxOperands: 1, opts: '--list --local' },
      version: '-s --short --dry-run --next-phase',
      'about|help|list': '',
      export:
        '-f= --format= -o=write --output=write --without-hashes --without-urls --with= --only= --without= --extras= -E= --all-extras --all-groups',
      'init|new':
        '--name= --description= --author= --python= --dependency= --dev-dependency= --license= -l= --src --readme= --flat',
    },
    note: '`poetry run` is read by the parser; `poetry publish` is judged by the publishing rules; `poetry shell` starts a shell',
  },
  pipenv: {
    globals: '--python= --site-packages --clear -q --quiet -v --verbose -h --help --version',
    subOptional: true,
    maxOperands: 0,
    opts: '--venv --where --py --envs --support',
    subs: {
      'install|uninstall|lock|sync|update|upgrade|clean': {
        operandsCarryCode: 'all',
        opts: '--dev -d --categories= --deploy --system --ignore-pipfile --skip-lock --pre --extra-pip-args= --dry-run --outdated --all --all-dev -r= --requirements=',
      },
      'graph|check|verify|requirements|scripts|audit':
        '--json --json-tree --reverse --bare --hash --exclude-markers --dev --dev-only --categories= --output= --quiet --ignore= -i=',
    },
  },
  hatch: {
    globals:
      '-e= --env= -p= --project= -v --verbose -q --quiet --color --no-color --interactive --no-interactive --data-dir= --cache-dir= --version -h --help',
    subs: {
      build: '-t= --target= -c --clean --hooks-only --no-hooks --ext',
      version: '',
      status: '',
      env: { subs: { 'show|find': '--ascii --json --internal -i' } },
      fmt: '--check --linter -l --formatter -f --sync --preview --diff',
      test: '--cover -c --cover-quiet --all -a --parallel -p --randomize -r --retries= --retry-delay= --python= -py= --include= -i= --exclude= -x= --show -s',
      clean: '-t= --target= --hooks-only --no-hooks --ext',
      project: { subs: { metadata: '' } },
      dep: {
        subs: {
          show: { subs: { 'table|requirements': '--ascii --project-only -p --environment-only -e --features= --all' } },
          hash: '',
        },
      },
      config: { subs: { 'show|find': '-a --all' } },
      python: { subs: { 'show|find': '--ascii -p --parent' } },
    },
  },
  pdm: {
    globals:
      '-v --verbose -q --quiet -g --global -p= --project= -h --help -V --version -I --ignore-python -c= --config=',
    subs: {
      'install|add|remove|update|lock|sync':
        '-d --dev -G= --group= --prod --production --no-default --frozen-lockfile --no-lock --dry-run --no-self --no-editable --no-isolation --check --update-reuse --update-eager --update-all -u --unconstrained --pre --prerelease --save-compatible --save-wildcard --save-exact --save-minimum --clean --only-keep --fail-fast -x --skip=',
      'list|show|info|outdated':
        '--graph --tree --json --fields= --sort= --reverse -r --csv --markdown --freeze --include= --exclude= --resolve --packages --where --python --env --version --keywords --name --summary --platform',
      build: '--no-sdist --no-wheel -d= --dest= --no-clean --skip=',
      venv: { subs: { list: '' } },
      config: { maxOperands: 1, opts: '-l --local' },
    },
  },
  tox: {
    subOptional: true,
    maxOperands: 0,
    opts: TOX,
    subs: { 'run|r|run-parallel|p|list|l|config|c|depends|de': TOX },
    note: '`tox exec` (a command in an environment) is left out',
  },
  nox: '-s= --session= --sessions= -e= -k= -t= --tags= -l --list --list-sessions -R --reuse-existing-virtualenvs -r --reuse-venv= --no-reuse-existing-virtualenvs --no-install --install-only -x --stop-on-first-error --no-stop-on-first-error --error-on-missing-interpreters --error-on-external-run -p= --python= --force-python= --envdir= --report=write --non-interactive --nocolor --forcecolor --verbose -v --version --json -h --help --default-venv-backend= -db= --download-python= -f=check:projectcode --noxfile=check:projectcode',
  coverage: {
    subs: {
      run: {
        opts: '--branch --source= --omit= --include= --parallel-mode -p --concurrency= --context= --data-file= --rcfile= --append -a --timid -L --pylib --debug= -m=argv --module=argv',
        stopAt: 'first-operand',
        note: '`-m`: the module runs as its own command would (judged as that)',
      },
      'report|html|xml|json|lcov|combine|erase|debug|annotate': COVERAGE_REPORT,
    },
  },
  isort:
    '--check-only --check -c --diff --profile= -l= --line-length= --line-width= --skip= -s= --skip-glob= --extend-skip= --extend-skip-glob= --settings-path= --settings-file= --sp= -q --quiet -v --verbose --atomic --float-to-top --force-single-line-imports --sl --src= --src-path= --virtual-env= --conda-env= --python-version= --py= --gitignore --skip-gitignore --filter-files --color --show-files --show-config --jobs= -j= --dont-follow-links --only-modified -V --version -h --help --stdout --ca --combine-as --ff --trailing-comma --tc --multi-line= -m= --known-first-party= -o= --known-third-party= -p= --resolve-all-configs --overwrite-in-place --force-sort-within-sections --fss --lines-after-imports= --order-by-type --ensure-newline-before-comments --use-parentheses',
  flake8:
    '--select= --ignore= --extend-select= --extend-ignore= --max-line-length= --max-complexity= --exclude= --extend-exclude= --filename= --per-file-ignores= --count --show-source --statistics --format= --output-file=write --tee --config= --append-config= --isolated --exit-zero -j= --jobs= -q --quiet -v --verbose --version -h --help --benchmark --bug-report --color= --max-doc-length= --hang-closing --indent-size= --doctests --disable-noqa --builtins= --stdin-display-name= --require-plugins= --enable-extensions=',
  pylint:
    '--rcfile= --disable= -d= --enable= -e= --output-format= -f= --output=write --reports= -r= --score= -s= --fail-under= --fail-on= --errors-only -E --jobs= -j= --ignore= --ignore-patterns= --ignore-paths= --recursive= --max-line-length= --py-version= --exit-zero --verbose -v --version --help -h --generate-rcfile --generate-toml-config --list-msgs --list-msgs-enabled --list-checkers --list-extensions --list-groups --help-msg= --persistent= --clear-cache-post-run= --source-roots= --msg-template= --good-names= --ignored-modules= --limit-inference-results= --load-plugins=load',
  pyright:
    '--project= -p= --outputjson --pythonpath= --pythonplatform= --pythonversion= --level= --lib --skipunannotated --stats --verbose --version --watch -w --warnings --verifytypes= --ignoreexternal --createstub= --dependencies --threads=? -t= --typeshedpath= --venvpath= -v= --help -h --writebaseline',
  basedpyright:
    '--project= -p= --outputjson --pythonpath= --pythonplatform= --pythonversion= --level= --lib --skipunannotated --stats --verbose --version --watch -w --warnings --verifytypes= --ignoreexternal --createstub= --dependencies --threads=? -t= --typeshedpath= --venvpath= -v= --help -h --writebaseline --baselinefile=',
  flask: {
    globals: '--app= -A= --debug --no-debug -e= --env-file= --version --help',
    subs: {
      run: '--port= -p= --reload --no-reload --debugger --no-debugger --with-threads --without-threads --extra-files= --exclude-patterns=',
      routes: '--sort= -s= --all-methods',
    },
    note: '`--host` (listening beyond this machine) and `flask shell` are left out',
  },
  uvicorn: {
    opts: '--reload --port= --workers= --log-level= --reload-dir= --factory --app-dir= --env-file= --proxy-headers --no-proxy-headers --no-access-log --access-log --root-path= --lifespan= --loop= --http= --ws= --timeout-keep-alive= --reload-include= --reload-exclude= --reload-delay= --limit-concurrency= --interface= --use-colors --no-use-colors --server-header --no-server-header --date-header --no-date-header --version --help',
    maxOperands: 1,
    note: '`--host` and `--log-config` (a config that can name classes to load) are left out',
  },
  gunicorn: {
    opts: '-w= --workers= --reload --timeout= -t= -k= --worker-class= --threads= --log-level= --access-logfile= --error-logfile= --chdir= --preload --graceful-timeout= --keep-alive= --max-requests= --max-requests-jitter= --name= -n= --capture-output --check-config --print-config -v --version -h --help -c=check:projectcode --config=check:projectcode',
    maxOperands: 1,
    note: '`-b`/`--bind` (listening beyond this machine) is left out',
  },
  mkdocs: {
    subs: {
      build: MKDOCS,
      serve: `${MKDOCS} --livereload --no-livereload --watch= -w= --watch-theme -o --open`,
      'get-deps': '-f= --config-file= -p= --projects-file=',
      new: '',
    },
    globals: '-V --version -h --help',
    note: '`mkdocs gh-deploy` pushes to GitHub: left out',
  },
  'sphinx-build': {
    opts: '-b= -M= -a -E -j= -q -Q -n -N -T -v -W --keep-going -c= -d= -t= -D= -A= -C -P --color --no-color -w=write --builder= --jobs= --fresh-env --write-all --nitpicky --fail-on-warning --show-traceback --quiet --silent --verbose --doctree-dir= --conf-dir= --isolated --tag= --define= --html-define= --no-color --warning-file=write --exception-on-warning --version -h --help',
  },
  jupyter: {
    subs: {
      nbconvert:
        '--to= --execute --output= --output-dir= --inplace --stdout --no-input --no-prompt --clear-output --template= --allow-errors --ExecutePreprocessor.timeout= --ExecutePreprocessor.kernel_name=',
      kernelspec: { subs: { list: '--json' } },
      'lab|notebook': '--no-browser --port= --notebook-dir= --ServerApp.root_dir=',
    },
    opts: '--version --paths --json',
    subOptional: true,
    maxOperands: 0,
    note: '`--ip` (listening beyond this machine) is left out',
  },
};
