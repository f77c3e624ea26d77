// File deletion, overwriting and permissions, on hand-built segments: judged by where each target is.
import { describe, expect, it } from 'vitest';
import { PROJECT, testEngine } from '../../../../support/risk.ts';

const engine = testEngine();
const score = (cmd: string, cwd = PROJECT) => engine.assess(cmd, cwd);

describe('file deletion', () => {
  it.each([
    ['rm -rf /', 'critical'],
    ['rm -rf ~', 'critical'],
    ['rm -rf /home/dev', 'critical'],
    ['rm -rf /home/alice', 'critical'],
    ['rm -rf /etc', 'critical'],
    ['rm -rf ~/Documents', 'high'],
    ['rm -rf $DIR/', 'critical'],
    ['rm -rf $DIR', 'high'],
    ['rm -rf /home/dev/project', 'high'],
    ['rm -rf .git', 'high'],
    ['rm -rf build', 'medium'],
    ['rm notes.txt', 'medium'],
    ['rm -rf /tmp/cache', 'medium'],
    ['rm -f *.log', 'medium'],
    ['rm -rf *', 'high'],
    // `~user` is that user's home: the person's own, root's, or another's beside it.
    ['rm -rf ~dev', 'critical'],
    ['rm -rf ~alice', 'critical'],
    ['rm -rf ~dev/project/build', 'medium'],
    ['rm -rf ~+/build', 'medium'],
  ])('%s is %s', (cmd, level) => expect(score(cmd).level).toBe(level));

  it("reads ~user paths as that user's home", () => {
    expect(score('rm -rf ~alice').reasons[0]).toBe("deletes a user's home directory (/home/alice) recursively");
    expect(score('cat ~alice/.ssh/id_rsa').level).toBe('high');
    expect(score('echo alias >> ~dev/.bashrc').level).toBe('critical');
    expect(score('echo x > ~root/.profile').level).toBe('critical');
  });

  it('says where the target is', () => {
    expect(score('rm -rf /var/log').reasons[0]).toBe('deletes /var/log, a system location recursively');
    expect(score('rm -rf build').reasons[0]).toBe('deletes /home/dev/project/build, inside the project recursively');
  });

  it('judges a glob by the directory it empties', () => {
    expect(score('rm -rf *', '/home/dev').level).toBe('critical');
    expect(score('rm -rf *', '/').level).toBe('critical');
  });
});

describe('overwriting and permissions', () => {
  it.each([
    ['echo x > /etc/hosts', 'critical'],
    ['echo alias >> ~/.bashrc', 'critical'],
    ['cat key >> ~/.ssh/authorized_keys', 'critical'],
    ['dd if=/dev/zero of=/dev/sda', 'critical'],
    ['echo hi > out.txt', 'low'],
    ['echo hi > /tmp/out.txt', 'medium'],
    ['chmod -R 777 /', 'critical'],
    ['chmod +x scripts/build.sh', 'low'],
    ['chmod u+s /usr/local/bin/tool', 'critical'],
    ['chown -R nobody ~', 'critical'],
    ['truncate -s 0 /var/log/syslog', 'critical'],
    ['cp /dev/null ~/.zsh_history', 'high'],
  ])('%s is %s', (cmd, level) => expect(score(cmd).level).toBe(level));
});

describe('places that run by themselves, and outputs named by position', () => {
  it.each([
    // What runs when the person logs in, or what the shell's framework sources.
    ['cp x.desktop /home/dev/.config/autostart/', 'critical'],
    ['echo x > /home/dev/.config/systemd/user/x.service', 'critical'],
    ['cp x.plist /home/dev/Library/LaunchAgents/x.plist', 'critical'],
    ['cp x.zsh /home/dev/.oh-my-zsh/custom/x.zsh', 'critical'],
    // uniq's second operand and shuf's -o are written.
    ['uniq a.txt /home/dev/.bashrc', 'critical'],
    ['shuf -o /home/dev/.profile a.txt', 'critical'],
    ['uniq a.txt out.txt', 'low'],
    ['uniq -c a.txt', 'low'],
    // A clone's folder is written like any place.
    ['git clone https://example.com/r.git /home/dev/.oh-my-zsh/custom/plugins/r', 'critical'],
    ['git clone https://example.com/r.git .claude/r', 'critical'],
    ['git clone https://example.com/r.git /home/dev/src/r', 'medium'],
    ['git clone https://example.com/r.git vendor/r', 'low'],
    ['git clone --depth 1 -b main https://example.com/r.git', 'low'],
    // So is a worktree's (the repository's files, which the agent writes) and a new repository's.
    ['git worktree add ~/.claude/x', 'critical'],
    ['git worktree add /home/dev/.config/autostart', 'critical'],
    ['git worktree add ~/.local/bin', 'high'],
    ['git worktree add -b ~/.claude ../project/.git/hooks', 'critical'],
    ['git -C ../x worktree add --reason r ~/.bashrc', 'critical'],
    ['git init ~/.claude', 'critical'],
    ['git init --separate-git-dir=/home/dev/.ssh/g sub', 'critical'],
    // A template brings hooks, which run on later git commands: not on the table of known options.
    ['git init --template ./tpl sub', 'medium'],
    ['git init ~', 'high'],
    // git init in an existing folder outside the project makes it a repository: held. A worktree only ever fills a
    // new or empty folder, so in an ordinary place it replaces nothing.
    ['git init -b main ../newproj', 'medium'],
    ['git worktree add -b feat ../wt main', 'low'],
    ['git worktree add /tmp/wt', 'low'],
    ['git worktree add .worktrees/a', 'low'],
    // Relative to git -C's folder.
    ['git -C /home/dev clone /home/dev/project other', 'medium'],
    ['git -C /home/dev/.claude clone https://example.com/r.git', 'critical'],
    ['git -C /home/dev/.claude init', 'critical'],
    ['git worktree add ~/.ipython/profile_default/startup', 'critical'],
    ['git init', 'low'],
    ['git init sub', 'low'],
  ])('%s is %s', (cmd, level) => expect(score(cmd).level).toBe(level));
});

describe('making folders', () => {
  it.each([
    // An empty folder in an ordinary place holds nothing that runs and replaces nothing.
    ['mkdir -p ~/.local/state/tool/db', 'low'],
    ['mkdir -p /tmp/scratch', 'low'],
    ['mkdir ../sibling', 'low'],
    ['mkdir -p ~/projects/other/x', 'low'],
    ['mkdir -p /srv/data/x', 'critical'],
    // Not where it is guarded, not in the system's folders, not made writable by others.
    ['mkdir -p ~/.claude/hooks', 'medium'],
    ['mkdir -p .git/hooks', 'medium'],
    ['mkdir ~/.ssh/x', 'critical'],
    ['mkdir /etc/x', 'critical'],
    ['mkdir -m 777 ~/.local/share/drop', 'medium'],
    ['mkdir --mode=777 /tmp/drop', 'medium'],
    ['mkdir -p ~/.config/Gatehouse/x', 'critical'],
    ['mkdir "$D"', 'medium'],
    // touch makes a file, which something may later run: as before.
    ['touch ~/.local/state/tool/db', 'medium'],
  ])('%s is %s', (cmd, level) => expect(score(cmd).level).toBe(level));

  it('says the folder is empty and replaces nothing', () => {
    expect(score('mkdir -p /tmp/scratch').reasons[0]).toBe(
      'creates the folder /tmp/scratch, which is empty and replaces nothing',
    );
  });
});
