// The machine: text tools that carry a script (awk, sed), remote shells and copies, the network, services and
// logs, keys and certificates, package managers' read forms, editors, archives, and programs that run other
// programs (watch, hyperfine, entr). Read forms are listed; forms that change the machine are either left out
// (unknown, never low) or listed where a rule judges them (systemctl start, brew install, kill). Options that run a
// program, load code or write a file are marked; ones that could and are rarely needed are left out.
import type { ShapeSource } from './spec.ts';

/** gawk, mawk and BWK awk. `-d`/`-p`/`-o` (dump or profile to a file) and mawk's `-W exec` are not listed. */
const AWK =
  '-F= --field-separator= -v= --assign= -f=load --file=load -e=code --source=code -i=load --include=load -l=load --load=load ' +
  '-b --characters-as-bytes -c --traditional -C --copyright -g --gen-pot -h --help -L=? --lint=? -M --bignum -N --use-lc-numeric -n ' +
  '--non-decimal-data -O --optimize -P --posix -r --re-interval -s --no-optimize -S --sandbox -t --lint-old -V --version';

/** GNU and BSD sed. The script (first operand, or `-e`) is read for `e` commands and `w` files (checks.ts). */
const SED: ShapeSource = {
  opts:
    '-n --quiet --silent -e=check:sed --expression=check:sed -f=load --file=load -i=? --in-place=? -I=? -E -r --regexp-extended -s --separate ' +
    '-z --null-data -u --unbuffered -l= --line-length= --posix --debug --sandbox -b --binary --follow-symlinks --help --version -a',
  firstOperand: { kind: 'check:sed', unless: ['-e', '--expression', '-f', '--file'] },
  // macOS sed takes `-i ''` (a suffix as the next word), GNU sed `-i` alone: the learner reads both.
  ambiguous: '-i',
};

const SIGNALS =
  '-TERM -KILL -INT -HUP -QUIT -USR1 -USR2 -STOP -CONT -ALRM -WINCH -SIGTERM -SIGKILL -SIGINT -SIGHUP -SIGQUIT -SIGUSR1 -SIGUSR2 -SIGSTOP -SIGCONT -SIGALRM -SIGWINCH';

/** ssh's options without port forwards (`-L -R -D`), agent and X11 forwarding (`-A -X -Y`), tunnels (`-w`) and PKCS#11 (`-I`). */
const SSH_OPTS =
  '-4 -6 -C -g -K -k -N -n -q -T -t -v -vv -vvv -o=check:ssh -i= -p= -l= -F=load -J= -c= -m= -b= -B= -E=write -O= -Q= -S= -W= -e= -a -x -V';

const RSYNC =
  '-e=shell --rsh=shell --rsync-path=shell ' +
  '-a --archive -v --verbose -z --compress -r --recursive -n --dry-run -h --human-readable -P --progress --partial --partial-dir= -u --update -c --checksum ' +
  '-l --links -L --copy-links --safe-links --copy-unsafe-links -k --copy-dirlinks -K --keep-dirlinks -H --hard-links -p --perms -E --executability ' +
  '--chmod= -A --acls -X --xattrs -o --owner -g --group -D --devices --specials -t --times -U --atimes -N --crtimes -O --omit-dir-times ' +
  '-J --omit-link-times --super --fake-super -S --sparse --preallocate -W --whole-file --no-whole-file -x --one-file-system -R --relative ' +
  '--no-relative --no-implied-dirs -b --backup --backup-dir= --suffix= -d --dirs --mkpath --existing --ignore-existing --remove-source-files ' +
  '--delete --delete-before --delete-during --delete-delay --delete-after --delete-excluded --delete-missing-args --ignore-errors --force ' +
  '--max-delete= --max-size= --min-size= --delay-updates -m --prune-empty-dirs --numeric-ids --usermap= --groupmap= --chown= --timeout= ' +
  '--contimeout= -I --ignore-times --size-only --modify-window= -T= --temp-dir= -y --fuzzy --compare-dest= --copy-dest= --link-dest= ' +
  '-C --cvs-exclude -f= --filter= -F --exclude= --exclude-from= --include= --include-from= --files-from= -0 --from0 -s --protect-args ' +
  '--secluded-args --trust-sender --address= --port= --sockopts= --blocking-io --stats -8 --8-bit-output -i --itemize-changes --out-format= ' +
  '--log-file=write --log-file-format= --password-file= --list-only --bwlimit= --stop-after= --stop-at= --write-batch=write ' +
  '--only-write-batch=write --read-batch= --protocol= --iconv= --checksum-choice= --cc= --compress-choice= --zc= --compress-level= --zl= ' +
  '--skip-compress= --info= --debug= --outbuf= --no-motd -4 --ipv4 -6 --ipv6 -q --quiet --inplace --append --append-verify --open-noatime ' +
  '--no-perms --no-owner --no-group --no-times --no-o --no-g --no-p --no-t --no-D --no-r --no-v --no-z --version --help';

/** `ip OBJECT [show|list|get …]`: any word that changes the setup is unknown. */
const IP_CHANGES = {
  match:
    /^(?!(add|del|delete|set|change|replace|flush|append|prepend|up|down|save|restore|exec|attach|detach|identify|test|update|reset)$)/,
  why: 'ip only shows; this word changes the network setup or runs something',
};
const IP_OBJECT: ShapeSource = {
  subOptional: true,
  operands: IP_CHANGES,
  subs: { 'show|list|ls|lst|sh|s': { operands: IP_CHANGES }, get: { operands: IP_CHANGES } },
};

/** openssl subcommands: single-dashed options; `-engine`, `-provider`, `-config` (load code) are not listed. */
const OPENSSL_DIGEST = {
  singleDash: true,
  opts: '-sha1 -sha224 -sha256 -sha384 -sha512 -sha3-256 -sha3-512 -md5 -blake2b512 -blake2s256 -r -hex -binary -c -out=write -list',
};
const OPENSSL_KEY = {
  singleDash: true,
  opts: '-in= -inform= -outform= -out=write -pubout -pubin -noout -text -check -modulus -passin= -passout= -des3 -aes256 -aes128 -traditional',
};

export const SYSTEM_SHAPES: Record<string, ShapeSource | string> = {
  awk: {
    opts: AWK,
    operandsCarryCode: 'first',
    note: 'the program is read by the language readers (parse/one-liners.ts) and the awk rule',
  },
  gawk: { opts: AWK, operandsCarryCode: 'first' },
  mawk: { opts: AWK, operandsCarryCode: 'first' },
  nawk: { opts: AWK, operandsCarryCode: 'first' },
  sed: SED,
  gsed: SED,

  // Programs that run another: their command is judged as what it is.
  watch: {
    flags: 'bcdeghtpwrf',
    opts: '-n= --interval= --differences=? --beep --color --no-color --errexit --chgexit --equexit= -q= --no-title --precise --no-wrap --no-linewrap --help --version',
    command: 'shell',
    note: '`-x` (exec, no shell) is not listed',
  },
  hyperfine: {
    opts:
      '-w= --warmup= -m= --min-runs= -M= --max-runs= -r= --runs= -p=shell --prepare=shell -c=shell --cleanup=shell -s=shell --setup=shell -P= --parameter-scan= ' +
      '-D= --parameter-step-size= -L= --parameter-list= -N -i --ignore-failure --style= --sort= -u= --time-unit= --export-asciidoc=write --export-csv=write ' +
      '--export-json=write --export-markdown=write --export-orgmode=write --show-output -n= --command-name= --input= --help --version',
    command: 'shell-each',
    note: '`--shell` (the program that runs each command) and `--output` (may be a file) are not listed',
  },
  entr: { flags: 'acdnprz', command: 'argv', note: '`-s` (the command is a shell line) is not listed' },
  watchexec: {
    opts:
      '-w= --watch= -W= --watch-non-recursive= -e= --exts= -f= --filter= -i= --ignore= -r --restart -c --clear=? -p --postpone -d= --delay= --debounce= ' +
      '-o= --on-busy-update= -s= --signal= --stop-signal= --stop-timeout= --no-vcs-ignore --no-project-ignore --no-global-ignore --no-default-ignore ' +
      '--no-discover-ignore -N --notify -q --quiet --project-origin= --workdir= -v -vv --timings --print-events --help --version',
    command: 'shell',
  },
  reflex: {
    opts: '-r= --regex= -R= --inverse-regex= -g= --glob= -G= --inverse-glob= -s --start-service -d= --decoration= -e --sequential -t= --shutdown-timeout= --only-files --only-dirs --all -v --verbose',
    command: 'argv',
  },
  screen: {
    flags: 'dDmRrqxUaAOiL',
    opts: '-ls -list -wipe -S= -t= -h= -T= -e= -p= -c=load -v --version',
    note: 'the command it starts is peeled by the parser (parse/wrappers.ts); `-X` (send a command) is not listed',
  },
  tmux: {
    opts: '-2 -u -v -V -L= -S= -f=load -C -c=shell',
    subs: {
      'ls|list-sessions': '',
      'list-windows|lsw': '-a -t=',
      'list-panes|lsp': '-a -s -t=',
      'list-clients|lsc': '-t=',
      'list-buffers|lsb': '',
      'list-keys|lsk': '-T= -N -a',
      'list-commands|lscm': '',
      'has-session|has': '-t=',
      'capture-pane|capturep': { flags: 'aepPqCJN', opts: '-b= -E= -S= -t=' },
      'show-options|show': { flags: 'AgHpqsvw', opts: '-t=' },
      'show-buffer|showb': '-b=',
      'attach-session|attach|a': { flags: 'dErx', opts: '-t= -c=' },
      'detach-client|detach': { flags: 'aP', opts: '-s= -t=' },
      'new-session|new': {
        flags: 'AdDEPX',
        opts: '-s= -n= -c= -x= -y= -t=',
        command: 'shell',
        note: '`-e VAR=value` (LD_PRELOAD…) is not listed',
      },
      'select-window|selectw': { flags: 'lnpT', opts: '-t=' },
      'switch-client|switchc': { flags: 'lnprEZ', opts: '-c= -t= -T=' },
    },
    note: '`-F` and `-f` formats can run `#(…)` commands; send-keys, run-shell and display-message are not listed',
  },
  script: {
    flags: 'aefqk',
    opts: '--append --return --flush --quiet --force -E= --echo= -m= --logging-format= -t --help --version',
    firstOperand: { kind: 'write' },
    maxOperands: 1,
    note: '`-c` is peeled by the parser; the file operand is written',
  },

  // Remote shells and copies.
  ssh: {
    opts: SSH_OPTS,
    stopAt: 'first-operand',
    operandsCarryCode: 'remote',
    note: 'the remote command is read by the parser (parse/remote.ts)',
  },
  scp: { flags: '346ABCOpqRrTv', opts: '-i= -P= -l= -o=check:ssh -F=load -J= -c= -S=shell -D=shell -X=' },
  sftp: {
    flags: '46ACNpqrv',
    opts: '-i= -P= -l= -o=check:ssh -F=load -J= -c= -B= -R= -S=shell -b=load',
    note: 'a batch file (`-b`) can run local commands (`!cmd`)',
  },
  'ssh-keyscan': { flags: '46cDHv', opts: '-f= -p= -T= -t=' },
  rsync: { opts: RSYNC, note: 'where it copies and what it deletes are judged by rules/network.ts' },

  // The network.
  nc: {
    flags: 'zvnuUl46DdhkNtCS',
    opts: '-w= -p= -s= -i= -q= -W= -T= -X= -x= -I= -O= -P= -G= -g=',
    note: '`-e`/`-c` (run a program) are not listed',
  },
  netcat: { flags: 'zvnuUl46DdhkNtCS', opts: '-w= -p= -s= -i= -q= -W= -T= -X= -x= -I= -O= -P= -G= -g=' },
  ncat: {
    flags: 'zvnul46Ck',
    opts: '-w= --wait= -p= --source-port= -s= --source= -i= --idle-timeout= --ssl --listen --keep-open --udp --verbose --nodns --send-only --recv-only --crlf --proxy= --proxy-type= -o=write --output=write --version',
  },
  telnet: { flags: '468EFKLacdfrx', opts: '-b= -e= -l= -n=write' },
  nmap: {
    opts: '-p= -sS -sT -sU -sV -sn -sP -sL -Pn -n -R -v -vv -d -O -A -T0 -T1 -T2 -T3 -T4 -T5 -F -r -6 -4 --open --top-ports= --reason --max-retries= --host-timeout= --min-rate= --max-rate= -oN=write -oX=write -oG=write -oA=write -iL= --exclude= -e= --version-light --traceroute --packet-trace',
    note: 'NSE scripts (`-sC`, `--script`) are not listed',
  },
  ip: {
    opts: '-4 -6 -0 -br -brief -c -color=? -s -stats -statistics -d -details -o -oneline -j -json -p -pretty -h -human -r -resolve -a -all -t -timestamp -f= -family= -V -Version',
    subs: {
      'address|addr|a|ad|addre|addres': IP_OBJECT,
      'link|l|li|lin': IP_OBJECT,
      'route|r|ro|rou|rout': IP_OBJECT,
      'neighbour|neighbor|neigh|n': IP_OBJECT,
      'rule|ru': IP_OBJECT,
      'maddress|maddr|m': IP_OBJECT,
      'tunnel|tun': IP_OBJECT,
      monitor: { operands: IP_CHANGES },
      netns: { subs: { 'list|ls|show': '', identify: '' } },
    },
  },
  ifconfig: {
    flags: 'aslvudLmC',
    maxOperands: 1,
    note: '`ifconfig eth0 down` and addresses are more than one operand',
  },
  route: {
    flags: 'nveFC',
    opts: '-A= -4 -6',
    subOptional: true,
    maxOperands: 0,
    subs: { get: { flags: 'nv', maxOperands: 1 }, 'print|show': { maxOperands: 1 } },
  },
  arp: { flags: 'anveH', opts: '-i= -A=', maxOperands: 1 },
  iptables: {
    flags: 'LSnvx',
    opts: '--list --list-rules --numeric --verbose --exact --line-numbers -t= --table= -w=? --wait=?',
    maxOperands: 1,
  },
  ip6tables: {
    flags: 'LSnvx',
    opts: '--list --list-rules --numeric --verbose --exact --line-numbers -t= --table= -w=? --wait=?',
    maxOperands: 1,
  },
  'iptables-save': { flags: 'c', opts: '-t= --table= --counters', maxOperands: 0 },
  nft: { flags: 'ansjcy', opts: '--handle --numeric --stateless --json --check', subs: { list: '' } },
  ufw: { subs: { status: '', app: { subs: { list: '' } }, version: '' } },
  traceroute: {
    flags: '46IUTdFnrAeV',
    opts: '-f= -g= -i= -m= -N= -p= -t= -s= -q= -w= -z= -M= -P= -O= --sport= --port= --mtu --back --fwmark=',
    maxOperands: 2,
  },
  traceroute6: { flags: 'dFIlnrUvT', opts: '-f= -g= -i= -m= -p= -q= -s= -w=', maxOperands: 2 },
  tracepath: { flags: 'nb46', opts: '-l= -m= -p=', maxOperands: 1 },
  mtr: {
    opts: '-r --report -w --report-wide -c= --report-cycles= -n --no-dns -b --show-ips -j --json -x --xml -C --csv -4 -6 -T --tcp -u --udp -P= --port= -i= --interval= -z --aslookup -s= --psize= -o= --order= -t --curses --version',
  },
  whois: { flags: 'HaArbBGdcIlLmMKQ', opts: '-h= -p= -i= -T= -s= -q= -t= -v= --verbose --help --version' },
  drill: { flags: 'DTtS46', opts: '-p= -k= -c=' },
  getent: '-s= --service= -i --no-idn',

  // Keys and certificates.
  openssl: {
    subs: {
      version: { singleDash: true, opts: '-a -v -b -o -f -p -d -e -c -r' },
      x509: {
        singleDash: true,
        opts: '-in= -inform= -outform= -noout -text -subject -issuer -dates -startdate -enddate -fingerprint -serial -hash -subject_hash -issuer_hash -email -purpose -pubkey -modulus -ocspid -ocsp_uri -nameopt= -certopt= -ext= -sha1 -sha256 -md5 -checkend= -out=write',
      },
      s_client: {
        singleDash: true,
        opts: '-connect= -servername= -noservername -showcerts -brief -verify_return_error -CAfile= -CApath= -tls1_2 -tls1_3 -alpn= -starttls= -port= -host= -state -debug -msg -quiet -no_ign_eof -ign_eof -verify= -status -prexit -crlf -4 -6',
      },
      rand: { singleDash: true, opts: '-hex -base64 -out=write', maxOperands: 1 },
      'dgst|sha1|sha256|sha512|md5|sha384|sha224': OPENSSL_DIGEST,
      base64: { singleDash: true, opts: '-d -e -A -in= -out=write' },
      enc: {
        singleDash: true,
        opts: '-d -e -a -A -base64 -in= -out=write -md= -pbkdf2 -iter= -salt -nosalt -k= -pass= -K= -iv= -p -P -aes* -chacha20 -des3 -none',
      },
      req: {
        singleDash: true,
        opts: '-new -x509 -nodes -noenc -newkey= -key= -keyout=write -out=write -subj= -days= -extensions= -addext= -sha256 -in= -noout -text -verify -batch -pubkey -reqexts= -keyform= -outform= -inform=',
      },
      'genrsa|genpkey': {
        singleDash: true,
        opts: '-out=write -aes256 -aes128 -des3 -passout= -algorithm= -pkeyopt= -outform=',
        maxOperands: 1,
      },
      'rsa|pkey|ec': OPENSSL_KEY,
      ecparam: { singleDash: true, opts: '-name= -genkey -out=write -list_curves -noout -text -param_out' },
      verify: {
        singleDash: true,
        opts: '-CAfile= -CApath= -untrusted= -verbose -purpose= -show_chain -partial_chain -crl_check',
      },
      crl: { singleDash: true, opts: '-in= -inform= -noout -text -out=write' },
      pkcs12: {
        singleDash: true,
        opts: '-in= -out=write -nodes -noenc -info -noout -passin= -passout= -export -inkey= -certfile= -name= -clcerts -nokeys -cacerts -legacy',
      },
      ciphers: { singleDash: true, opts: '-v -V -s -tls1_2 -tls1_3 -stdname' },
      list: {
        singleDash: true,
        opts: '-digest-commands -cipher-commands -public-key-algorithms -cipher-algorithms -digest-algorithms -commands -standard-commands',
      },
      prime: { singleDash: true, opts: '-hex -generate -bits= -safe -checks=' },
      passwd: { singleDash: true, opts: '-1 -5 -6 -apr1 -salt= -stdin -noverify' },
      errstr: '',
      speed: { singleDash: true, opts: '-seconds= -bytes= -multi= -evp=' },
      help: '',
    },
  },
  'ssh-keygen': {
    flags: 'lvqBLyeiHMz',
    opts: '-f=check:keygenfile -E= -t= -b= -C= -N= -P= -F= -p -o -a= -m= -c',
    note: '`-f` is a key written unless the command only prints one; `-R`, `-s`, `-Y`, `-D`, `-K`, `-A` are not listed',
  },
  'ssh-add': {
    flags: 'lLqcvKA',
    opts: '-E= -t= --apple-use-keychain --apple-load-keychain',
    note: '`-d`/`-D` (remove) and `-s`/`-e` (PKCS#11) are not listed',
  },
  gpg: {
    opts:
      '--list-keys -k --list-public-keys --list-secret-keys -K --list-sigs --check-sigs --list-signatures --check-signatures --fingerprint --verify ' +
      '--with-colons --keyid-format= --with-fingerprint --with-subkey-fingerprint --with-keygrip --batch --no-tty --quiet -q -v --verbose --version --help ' +
      '--list-packets --show-keys --import-options= --list-options= --verify-options= --list-config --armor -a --export --print-md= --status-fd= ' +
      '--with-validation --no-default-keyring --keyring=',
    note: '`--export-secret-keys`, `--decrypt`, `--recv-keys`, `--homedir` (loads gpg.conf) are not listed',
  },
  gpg2: {
    opts: '--list-keys -k --list-secret-keys -K --list-sigs --check-sigs --fingerprint --verify --with-colons --keyid-format= --batch --quiet --version',
  },
  mkcert: {
    singleDash: true,
    opts: '-cert-file=write -key-file=write -p12-file=write -client -ecdsa -pkcs12 -csr= -CAROOT -help -version',
    note: '`-install`/`-uninstall` (trust a root CA) are not listed',
  },

  // Services, logs, the scheduler.
  systemctl: {
    globals:
      '--user --system --no-pager -l --full --all -a --type= -t= --state= --no-legend --plain -q --quiet --lines= -n= -o= --output= -H= --host= -M= --machine= ' +
      '--value -p= --property= --failed --now --runtime -f --force --recursive -r --reverse --before --after --show-types --no-block --no-ask-password --timestamp= --version --help',
    subs: {
      'status|show|cat|help|list-units|list-unit-files|list-timers|list-sockets|list-dependencies|list-jobs|list-machines|list-automounts|list-paths':
        '',
      'is-active|is-enabled|is-failed|is-system-running|get-default': '',
      // Judged by rules/system.ts (services): stopping, starting, enabling, powering off.
      'start|stop|restart|reload|try-restart|reload-or-restart|try-reload-or-restart|enable|disable|mask|unmask|daemon-reload|kill|reset-failed|edit':
        '',
      'poweroff|reboot|halt|suspend|hibernate|hybrid-sleep|isolate|rescue|emergency|kexec': '',
    },
  },
  journalctl: {
    numeric: true,
    opts:
      '-u= --unit= --user-unit= -f --follow -n=? --lines=? --since= -S= --until= -U= -b=? --boot=? -p= --priority= --no-pager -o= --output= -r --reverse ' +
      '-k --dmesg -x --catalog -e --pager-end -a --all -q --quiet --no-hostname --utc -g= --grep= --case-sensitive=? -t= --identifier= --system --user -D= ' +
      '--directory= --file= -m --merge --list-boots --disk-usage -F= --field= -N --fields --output-fields= --facility= -T= --exclude-identifier= --no-full ' +
      '-l --full --cursor= --after-cursor= --show-cursor --header --verify --no-tail -M= --machine= --version --help',
    note: '`--vacuum-*`, `--rotate`, `--flush` are not listed',
  },
  launchctl: {
    subs: {
      'list|print|print-disabled|print-cache|blame|version|help|hostinfo|procinfo|managerpid|manageruid|managername|error|getenv|dumpstate|resolveport|examine':
        { flags: 'x' },
      // Judged by rules/system.ts (services).
      'load|unload|bootstrap|bootout|enable|disable|kickstart|kill|start|stop|remove|submit': {
        flags: 'wFkspS',
        opts: '-D=',
      },
    },
  },
  service: {
    opts: '--status-all --full-restart',
    note: '`service NAME ACTION`: the action is judged by rules/system.ts',
  },
  crontab: { opts: '-l -u= -T', maxOperands: 0, note: '`-e`, `-r` and installing a file are not listed' },
  // No command is listed (maxOperands), so for the learner every word from the command on carries code.
  sudo: {
    operandsCarryCode: 'program',
    opts: '-k -K -l -v -n -V -S -u= -g= -h= -U= --list --validate --reset-timestamp --remove-timestamp --non-interactive --version --help --user= --stdin --other-user=',
    maxOperands: 0,
    note: 'a command after sudo is peeled by the parser and judged as privileged',
  },
  timedatectl: {
    globals: '--no-pager -a --all -p= --property= --value -H= -M= --no-ask-password',
    subOptional: true,
    maxOperands: 0,
    subs: { 'status|show|list-timezones|timesync-status|show-timesync': '' },
  },
  hostnamectl: {
    globals: '--no-pager -H= -M= --static --transient --pretty --json=',
    subOptional: true,
    maxOperands: 0,
    subs: { 'status|hostname': '' },
  },
  loginctl: {
    globals: '--no-pager --no-legend -a --all -p= --property= --value',
    subs: {
      'list-sessions|list-users|list-seats|session-status|show-session|user-status|show-user|seat-status|show-seat': '',
    },
  },

  // Disks, devices, kernel, processes.
  fdisk: {
    opts: '-l --list -x --list-details -o= --output= -L=? --color=? -b= --sector-size=',
    note: 'writing partitions is judged by rules/system.ts (disk)',
  },
  lsblk: {
    flags: 'abdDfJlmnOpPrStTzAM',
    opts: '-o= --output= -e= --exclude= -I= --include= -x= --sort= -w= --width= --all --bytes --nodeps --discard --fs --json --list --perms --noheadings --output-all --paths --pairs --raw --scsi --tree --topology --zoned --ascii',
  },
  blkid: {
    flags: 'dhiklp',
    opts: '-o= --output= -s= --match-tag= -t= --match-token= -n= --match-types= -u= --usages= -L= --label= --uuid= --probe --info',
  },
  findmnt: {
    flags: 'AaDfklmnrsuUvJRbce',
    opts: '-o= --output= -t= --types= -O= --options= -S= --source= -T= --target= -N= --task= -F= --tab-file= -d= --direction= -w= --timeout= -M= --mountpoint= --json --list --raw --real --pseudo --submounts --poll=? --first-only --canonicalize --evaluate --kernel --fstab --mtab --verify --df --notruncate --all --ascii --bytes --noheadings --pairs --nofsroot',
  },
  mount: { opts: '-l -t= --types= -v --show-labels', note: 'with operands it mounts: rules/system.ts judges' },
  lsmod: {},
  modinfo: { flags: 'adlpn0', opts: '-F= --field= -k= -b=' },
  vmstat: {
    opts: '-a --active -f --forks -m --slabs -n --one-header -s --stats -d --disk -D --disk-sum -p= --partition= -S= --unit= -t --timestamp -w --wide -y --no-first -c= -C',
    maxOperands: 2,
  },
  vm_stat: { opts: '-c=', maxOperands: 1 },
  iostat: { flags: 'cdhkmNtTxyzsHCIKUl', opts: '-p=? -j= -o= -g= -w= --human --pretty --dec=' },
  mpstat: { flags: 'uTn', opts: '-A -I= -P= -o= --dec=', maxOperands: 2 },
  sar: {
    flags: 'ABbdFHhqRrSvWwyput',
    opts: '-I= -m= -n= -P= -u=? -f= -s= -e= -i= -o=write --dev= --fs= --iface= --human --pretty',
  },
  pidstat: { flags: 'dhHIlrRstuvw', opts: '-U=? -C= -G= -p= -T= -e=argv --dec= --human' },
  lscpu: {
    flags: 'abcJxyB',
    opts: '--all --online --offline --json --hex --physical --bytes -e=? --extended=? -p=? --parse=? -C=? --caches=? --output-all',
  },
  lsusb: { flags: 'vtV', opts: '-s= -d= -D= --verbose --tree' },
  lspci: { opts: '-m -mm -t -v -vv -vvv -n -nn -k -x -xxx -xxxx -b -D -P -PP -q -qq -M -s= -d= -i= -p= -A= -O=' },
  lshw: {
    singleDash: true,
    opts: '-short -businfo -json -xml -html -sanitize -numeric -quiet -notime -class= -C= -c= -disable= -enable= -version',
  },
  dmidecode: {
    flags: 'qu',
    opts: '-t= --type= -s= --string= --quiet --dump -d= --dev-mem= -H= --handle= --from-dump= --no-sysfs --oem-string=',
  },
  dmesg: {
    opts: '-T --ctime -H --human -w --follow -W --follow-new -l= --level= -f= --facility= -k --kernel -x --decode -L=? --color=? -r --raw -t --notime -u --userspace -d --show-delta -e --reltime -P --nopager -S --syslog --time-format= -s= --buffer-size= -F= --file= --since= --until= -J --json -p --force-prefix',
    note: '`-c`, `-C`, `-D`, `-E`, `-n` (clear, console) are not listed',
  },
  sysctl: {
    flags: 'anNebqAXhdo',
    opts: '--all --values --names --ignore --binary --quiet -r= --pattern=',
    operands: { match: /^[^=]+$/, why: 'sysctl KEY=VALUE changes a kernel setting' },
  },
  pkill: {
    flags: 'fxinovceAw',
    numeric: true,
    opts: `--full --exact --ignore-case --newest --oldest --echo --count -u= --euid= -U= --uid= -g= --pgroup= -G= --group= -P= --parent= -s= --session= -t= --terminal= --signal= --pidfile= -F= --ns= --nslist= --older= --runstates= -q= ${SIGNALS}`,
    note: 'which processes die is judged by rules/processes.ts',
  },
  killall: {
    flags: 'eIgiqrvwsZlVm',
    numeric: true,
    opts: `--exact --ignore-case --process-group --interactive --quiet --regexp --verbose --wait -s= --signal= -u= --user= -y= --younger-than= -o= --older-than= -n= -c= ${SIGNALS}`,
  },
  fuser: { flags: 'auvmMsw', opts: '-n= --namespace= --all --verbose --mount --ismountpoint --silent' },
  pstree: {
    flags: 'aAcCghlnNpsStTuUZ',
    opts: '--arguments --ascii --compact-not --show-parents --show-pids --numeric-sort --long --uid-changes --color=',
  },
  last: {
    flags: 'adFiRwx',
    numeric: true,
    opts: '-n= -f= -s= -t= --limit= --since= --until= --present= --time-format=',
  },

  // Package managers: what they only look at.
  brew: {
    globals: '--verbose -v -d --debug -q --quiet',
    subs: {
      '--prefix|--cellar|--repository|--repo|--cache|--caskroom': { maxOperands: 1 },
      'list|ls': '--versions --cask --casks --formula --formulae -1 -l -r -t --pinned --full-name --multiple',
      'info|abv': '--json=? --installed --cask --formula --analytics --days= --category= --github --fetch-manifest',
      'search|desc':
        '--cask --formula --desc --eval-all --search --name --fedora --debian --ubuntu --archlinux --macports --opensuse --repology',
      outdated: '--cask --formula --json=? --greedy --greedy-latest --greedy-auto-updates --fetch-HEAD -q --quiet',
      'deps|uses':
        '--tree --installed --include-build --include-test --include-optional --skip-recommended --direct --recursive --annotate --full-name --topological -1 --graph --dot --for-each --cask --formula --eval-all',
      'leaves|config|doctor|shellenv|tap-info|home|log|cat|commands|casks|formulae|missing|options|vendor-install':
        '--installed --json=? --list-checks --cask --formula -n= --oneline',
      services: { subs: { 'list|info': '--json --all' } },
      // Judged by rules/supply.ts: what they install, upgrade or remove.
      'install|reinstall|upgrade|uninstall|remove|rm|update|cleanup|autoremove|tap|untap|pin|unpin|link|unlink':
        '--cask --formula -f --force --dry-run -n --only-dependencies --build-from-source -s --HEAD --fetch-HEAD --ignore-dependencies --zap --greedy --prune= -q --quiet',
    },
  },
  apt: {
    opts: '-q -qq -y --no-install-recommends',
    subs: {
      list: '--installed --upgradable --all-versions -a --manual-installed',
      'search|show|policy|depends|rdepends|showsrc|changelog': '-a --all-versions --names-only --full',
    },
  },
  'apt-cache': {
    opts: '-q -n --names-only --full -i --installed --recurse',
    subs: { 'search|show|showpkg|policy|depends|rdepends|madison|pkgnames|stats|showsrc|dump|unmet': '' },
  },
  'apt-get': { opts: '-q -qq', subs: { 'check|changelog': '' }, note: 'installs and removals are not listed' },
  dnf: {
    opts: '-q -y -C --cacheonly',
    subs: {
      'list|info|search|provides|repolist|repoquery|check-update|history|deplist|whatprovides':
        '--installed --available --upgrades --all -q',
    },
  },
  yum: {
    opts: '-q -C --cacheonly',
    subs: {
      'list|info|search|provides|repolist|check-update|history|deplist|whatprovides':
        '--installed --available --all -q',
    },
  },
  pacman: {
    subs: {
      '-Q|-Qi|-Ql|-Qo|-Qs|-Qe|-Qm|-Qdt|-Qq|-Qqe|-Qk|-Ss|-Si|-Sl|-Sg|-F|-Fl|-Fs|-Fx': '-q --quiet -i -l -s -e -m -d -t',
    },
  },
  apk: {
    subs: {
      'info|search|list|policy|dot|stats':
        '-v -vv -q -a -e -L -R -r -d -s -w -x --installed --upgradable --available --exact --description',
    },
  },
  dpkg: {
    subs: {
      '-l|--list|-L|--listfiles|-S|--search|-s|--status|-p|--print-avail|--get-selections|--print-architecture|--print-foreign-architectures|-c|--contents|-I|--info|--compare-versions|--version|--help':
        '',
    },
  },
  'dpkg-query': {
    opts: '-W --show -f= --showformat= -l --list -L --listfiles -S --search -s --status -p --print-avail --admindir=',
  },
  rpm: {
    subs: {
      '-q|-qa|-qi|-ql|-qf|-qc|-qd|-qR|--query|-qai|-qip|-qlp|-V|--verify':
        '-a -i -l -f -c -d -R -p --requires --provides --whatprovides --whatrequires --qf= --queryformat= --last --changelog --scripts',
    },
  },
  snap: {
    subs: {
      'list|info|find|version|services|connections|interfaces|changes|warnings|known|aliases':
        '--all --color= --unicode= --abs-time --verbose',
    },
  },
  flatpak: {
    subs: {
      'list|info|search|remotes|remote-ls|history|ps|--version':
        '--app --runtime --columns= --user --system --show-details --updates',
    },
  },
  port: { subs: { 'installed|list|info|search|outdated|deps|rdeps|contents|provides|echo|version': '-q -v' } },
  defaults: {
    opts: '-currentHost -host=',
    subs: { 'read|read-type|domains|find': '' },
    note: 'writes and deletes are not listed',
  },

  // Clipboard, editors, pagers, manuals.
  xclip: {
    singleDash: true,
    opts: '-selection= -sel= -i -in -o -out -f -filter -t= -target= -l= -loops= -d= -display= -r -rmlastnl -silent -quiet -verbose -noutf8 -version -h -help -c',
  },
  xsel: {
    flags: 'aiopsbcdxknfvqz',
    opts: '--append --input --output --primary --secondary --clipboard --clear --delete --exchange --keep --nodetach --follow --verbose --quiet --trim --zeroflush -t= --timeout= --display= -w= --window= -l=write --logfile=write',
  },
  'wl-copy': {
    flags: 'ofcpn',
    opts: '--paste-once --foreground --clear --primary --trim-newline -t= --type= -s= --seat= --regular --sensitive -v --version -h --help',
  },
  'wl-paste': {
    flags: 'lpn',
    opts: '--list-types --primary --no-newline -t= --type= -s= --seat= -w=argv --watch=argv -v --version',
  },
  code: {
    opts: '-n --new-window -r --reuse-window -g --goto -d --diff -m --merge -w --wait -a --add --remove --locale= --profile= -v --version --status --list-extensions --show-versions --category= --disable-extensions --disable-extension= --verbose --log= --disable-gpu -s --prof-startup --help -h -',
    note: '`--install-extension`, `--uninstall-extension`, `--extensions-dir`, `--user-data-dir`, `tunnel`, `serve-web` are not listed',
  },
  cursor: {
    opts: '-n --new-window -r --reuse-window -g --goto -d --diff -m --merge -w --wait -a --add --remove --locale= --profile= -v --version --status --list-extensions --show-versions --disable-extensions --verbose --help -h -',
  },
  subl: {
    opts: '-n --new-window -a --add -w --wait -b --background -s --stay --safe-mode --project= -h --help -v --version --launch-or-new-window -',
  },
  vim: vimShape(false),
  vi: vimShape(false),
  view: vimShape(false),
  vimdiff: vimShape(false),
  nvim: vimShape(true),
  nano: {
    flags: 'BEilmnSwx$ILRvAcDFgjkKMNOPqtUWyZ0%_',
    opts: '--view --ignorercfiles --linenumbers --mouse --nowrap --softwrap --smarthome --tabstospaces --tabsize= -T= --syntax= -Y= --restricted --version --help',
    operands: { match: /^(?!\+)|^\+-?\d*(,-?\d+)?$/, why: 'nano takes `+LINE,COLUMN` only' },
    note: '`--rcfile` and `--speller` (run or load) are not listed',
  },
  emacs: {
    opts: '-nw --no-window-system -q --no-init-file -Q --quick --no-site-file --no-splash --debug-init --version --help -fs -fh -fw -mm',
    operands: { match: /^(?!\+)|^\+\d+(:\d+)?$/, why: 'emacs takes `+LINE` only' },
    note: '`--eval`, `-l`, `-f`, `--script`, `--batch` (run elisp) are not listed: no reader reads elisp',
  },
  micro: { singleDash: true, opts: '-version -help -debug -clean -parsecursor -startpos= -readonly -options' },
  hx: { opts: '--health --tutor -v --vsplit --hsplit -V --version -h --help' },
  helix: { opts: '--health --tutor -v --vsplit --hsplit -V --version -h --help' },
  man: {
    opts: '-a --all -k --apropos -f --whatis -w --where --path -W -S= -s= --sections= -M= --manpath= -L= --locale= -m= -K --global-apropos -i -I --regex --wildcard -E= --encoding= --nh --nj -7 -Z -l --local-file -c -d -D --warnings=? -R= -t -T=? -P=shell --pager=shell',
    note: '`-P`/`--pager` name a pager to run: read as that command; `-H` (a browser, glued) is not listed',
  },
  apropos: { flags: 'ewrald', opts: '-s= -m= -M= -L= -C= --exact --wildcard --regex --and --long' },
  whatis: { flags: 'dvrwl', opts: '-s= -m= -M= -L= -C= --regex --wildcard --long' },
  tldr: {
    opts: '-u --update -l --list -p= --platform= -L= --language= -r --render= -s --search= -v --version --clear-cache -1 --single-column -c --color -q --quiet --raw -o= --os=',
  },
  info: {
    opts: '-f= --file= -n= --node= -o=write --output=write -d= --directory= -a --all -k= --apropos= -w --where --vi-keys --subnodes',
  },

  // Archives and compressors (extracting and compressing in place are judged by rules/archives.ts).
  bzip2: {
    flags: 'cdfktvqzsL123456789',
    opts: '--decompress --compress --keep --force --test --stdout --quiet --verbose --small --fast --best',
  },
  bunzip2: { flags: 'cfktvqsL', opts: '--keep --force --test --stdout --quiet --verbose --small' },
  xz: {
    flags: 'zdtlkfcqvhHV0123456789e',
    opts: '-T= --threads= -F= --format= -C= --check= -S= --suffix= -M= --memlimit= --decompress --uncompress --compress --list --keep --force --stdout --to-stdout --test --quiet --verbose --extreme --fast --best',
  },
  unxz: { flags: 'tlkfcqvT', opts: '-T= --threads= --keep --force --stdout --list --test --quiet --verbose' },
  zstd: {
    flags: 'dzcfkqvlrt0123456789',
    numeric: true,
    opts: '-o=write -D= -T= --threads= --decompress --compress --keep --rm --force --stdout --quiet --verbose --list --test --ultra --long=? --fast=? --output-dir-flat= --output-dir-mirror= --exclude-compressed --no-progress --progress',
  },
  unzstd: { flags: 'cfkqvlt', opts: '-o=write --keep --rm --force --stdout --quiet --verbose --list --test' },
  '7z': sevenZipShape(),
  '7za': sevenZipShape(),
  '7zz': sevenZipShape(),
  dd: {
    opts: '--help --version',
    operands: {
      match: /^(if|of|bs|ibs|obs|cbs|count|skip|seek|iseek|oseek|status|conv|iflag|oflag)=/,
      why: 'dd takes only `name=value` operands it knows',
    },
    note: 'what it reads and writes is judged by rules/files.ts and the disk rule',
  },
  shred: {
    flags: 'fuvxz',
    opts: '-n= --iterations= -s= --size= --random-source= --force --remove=? --exact --zero --verbose',
  },
  patch: {
    flags: 'NREslftuZbcnT',
    opts: '-p= --strip= -i= --input= -d= --directory= -o=write --output=write -r=write --reject-file=write --backup -B= -z= --suffix= -V= --version-control= --forward --reverse --remove-empty-files --ignore-whitespace --silent --quiet --force --batch --unified --context --normal -F= --fuzz= --dry-run --verbose --binary --posix --no-backup-if-mismatch --backup-if-mismatch --merge=? -D= --ifdef=',
    maxOperands: 2,
    note: '`-e`/`--ed` (an ed script, which can run commands) is not listed',
  },
  // Gatehouse itself: only what reads (rules/agents.ts judges every other subcommand as the agent changing its own review).
  gatehouse: { subs: { score: '--json --jsonl --cwd=', doctor: '--json', 'version|help': '' } },
  osascript: {
    opts: '-e=code -s=',
    maxOperands: 0,
    note: 'the AppleScript is judged by rules/code.ts; a script file (`osascript x.scpt`) and `-l` (JavaScript) are not listed',
  },
};

/** vim and its names: `-c`/`--cmd` Ex commands are judged (checks.ts); sessions, vimrcs and scripts load code. */
function vimShape(nvim: boolean): ShapeSource {
  return {
    // nvim's `-l` runs a Lua script: only vim's (lisp mode) is listed.
    flags: `RnbMmNCdyZAHFpoOhgfDLV${nvim ? '' : 'lx'}`,
    opts: `-c=check:excommand --cmd=check:excommand -S=load -u=load -U=load -i=write -t= -q= -T= -r -w=write -W=write --noplugin --not-a-term --ttyfail --nofork --version --help${nvim ? ' --headless --clean' : ''}`,
    numeric: true,
    operands: { match: /^(?!\+)|^\+(\d*|\/[^|]*)$/, why: 'vim runs a `+command` as an editor command' },
    note: '`-e`/`-E`/`-s` (commands from stdin or a file) and `--remote*` are not listed',
  };
}

/** 7-Zip: `l` lists and `t` tests read; `x`/`e` extract (rules/archives.ts judges); switches are glued (`-oDIR`, `-pPASS`). */
function sevenZipShape(): ShapeSource {
  const switches = {
    singleDash: true,
    opts: '-slt -ba -r -y -bd -bb* -bs* -p* -t* -scs* -sccUTF-8 -x* -i* -o* -aoa -aos -aou -aot -spf -snl -sni -mmt* -an',
  };
  return {
    subs: { l: switches, t: switches, x: switches, e: switches, 'h|i|b': { singleDash: true, opts: '-scrc* -ba' } },
  };
}
