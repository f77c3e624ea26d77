// What comes in through package tools, on hand-built segments: installs, toolchains and caches; tools run from a
// registry or as a Python module judged as themselves.
import { describe, expect, it } from 'vitest';
import { PROJECT, testEngine } from '../../../../support/risk.ts';

const engine = testEngine({
  git: { branch: 'feature/x', changedFiles: 0, changedLines: 0, untrackedFiles: 0, stashes: 0 },
});
const score = (cmd: string) => engine.assess(cmd, PROJECT);

describe('installing', () => {
  it.each([
    ['npm install', 'medium'],
    ['yarn', 'medium'],
    ['npm ci --ignore-scripts', 'low'],
    ['pip install -e .', 'medium'],
    ['uv pip install -r requirements.txt', 'medium'],
    ['cargo install ripgrep', 'medium'],
    ['npm install -g pnpm', 'medium'],
    ['brew install jq', 'medium'],
    ['sudo: apt-get install -y jq', 'high'],
    ['npm uninstall lodash', 'medium'],
    ['npm audit fix --force', 'medium'],
    ['npm audit', 'low'],
    ['npm cache clean --force', 'medium'],
    ['pip cache purge', 'medium'],
    ['go clean -modcache', 'medium'],
    ['go mod tidy', 'medium'],
    ['go get -u ./...', 'medium'],
    ['go build ./...', 'low'],
    // A module at a version comes from the network, not the project.
    ['go run github.com/example/tool@latest', 'medium'],
    ['go run golang.org/x/tools/cmd/stringer@v0.20.0 -type=Kind', 'medium'],
    ['go run ./cmd/tool', 'low'],
    ['go run .', 'low'],
    // A tap is a source of formulas (Ruby every install from it runs); --with fetches more packages.
    ['brew tap someone/tools', 'medium'],
    ['uvx --with requests ruff check', 'medium'],
    ['uvx ruff check', 'low'],
    ['nvm install 22', 'medium'],
    ['rustup update', 'medium'],
    ['npm version patch', 'medium'],
    ['npm login', 'medium'],
    ['npm config set registry https://registry.npmjs.org/', 'medium'],
    ['npm ls', 'low'],
    ['npm run build', 'low'],
    ['pod install', 'medium'],
    ['dotnet add package Serilog', 'medium'],
    ['dotnet tool install -g dotnet-ef', 'medium'],
    ['mix deps.get', 'medium'],
    ['dotnet build', 'low'],
    ['pip config set global.index-url https://pypi.example.com/simple', 'medium'],
    ['code --install-extension ms-python.python', 'medium'],
    ['code .', 'low'],
  ])('%s is %s', (cmd, level) => expect(score(cmd).level).toBe(level));
});

describe('tools run from a registry or as a module are judged as themselves', () => {
  it.each([
    ['npx eslint . --fix', 'low'],
    ['npx tsc --noEmit', 'low'],
    ['npx -y prettier@3 --check .', 'low'],
    ['pnpm dlx vitest run', 'low'],
    ['npx cowsay hi', 'medium'],
    ['npx semantic-release --no-ci', 'high'],
    ['npx lerna publish from-package --yes', 'high'],
    ['npx rimraf /home/dev', 'critical'],
    ['npx rimraf dist', 'medium'],
    ['python -m pytest -q', 'low'],
    // A module neither the project's own (read as its script) nor known is not proven low.
    ['python -m mypackage.cli --help', 'medium'],
    ['python -m smtpd -n -c DebuggingServer', 'medium'],
    ['python -m timeit "import os"', 'medium'],
    ['python -m unittest discover', 'low'],
    ['python -m venv .venv', 'low'],
    ['python -m zipfile -l x.zip', 'low'],
    ['python -m zipfile -e x.zip build/', 'low'],
    ['python -m zipfile -e evil.zip /home/dev', 'high'],
    ['python -m tarfile -e x.tar /', 'critical'],
    ['python -m json.tool in.json', 'low'],
    ['python -m json.tool in.json /home/dev/.bashrc', 'critical'],
    ['python -m twine upload dist/*', 'high'],
    ['python3 -m pip install requests', 'medium'],
    ['python3 -m http.server 8000', 'medium'],
    ['python3 -m http.server 8000 --bind 0.0.0.0', 'high'],
    ['python3 -m http.server --bind 127.0.0.1', 'low'],
  ])('%s is %s', (cmd, level) => expect(score(cmd).level).toBe(level));

  it('says an unknown registry tool is downloaded and run', () => {
    expect(score('npx cowsay hi').reasons.join(' ')).toContain('downloads and runs cowsay');
  });
});
