// Programs that change files, processes or the network, known option by option. Where the change lands
// (a project file, the home, a protected path) and what it loses is judged by the rules (rules/files.ts,
// archives.ts, network.ts, processes.ts); the table only says which words are known, and which values run
// something or name a file to write.
import type { ShapeSource } from './spec.ts';

const CP_MV_COMMON =
  '-f --force -i --interactive -n --no-clobber -v --verbose -b --backup=? -S= --suffix= -t= --target-directory= -T --no-target-directory -u --update=? --strip-trailing-slashes --debug --exchange';
const CURL =
  '-s --silent -S --show-error -f --fail --fail-with-body --fail-early -L --location --location-trusted -I --head -i --include -v --verbose -k --insecure ' +
  '-X= --request= -H= --header= -d= --data= --data-ascii= --data-binary= --data-raw= --data-urlencode= --json= -F= --form= --form-string= -G --get ' +
  '-u= --user= --oauth2-bearer= --basic --digest --ntlm --negotiate --anyauth -A= --user-agent= -e= --referer= -b= --cookie= -c=write --cookie-jar=write ' +
  '-o=write --output=write -O --remote-name --remote-name-all -J --remote-header-name --create-dirs --output-dir= --no-clobber -D=write --dump-header=write ' +
  '-w= --write-out= -m= --max-time= --connect-timeout= --retry= --retry-delay= --retry-max-time= --retry-all-errors --retry-connrefused -x= --proxy= ' +
  '--noproxy= --unix-socket= --abstract-unix-socket= --resolve= --connect-to= -4 --ipv4 -6 --ipv6 --compressed --http1.0 --http1.1 --http2 ' +
  '--http2-prior-knowledge --http3 -N --no-buffer -# --progress-bar --no-progress-meter -Z --parallel --parallel-max= -r= --range= -C= --continue-at= ' +
  '--limit-rate= -y= --speed-time= -Y= --speed-limit= --max-filesize= --max-redirs= --cacert= --capath= --cert= --key= --cert-type= --key-type= ' +
  '--tlsv1 --tlsv1.2 --tlsv1.3 --tls-max= --ssl-reqd --url= --url-query= -z= --time-cond= -R --remote-time --raw --tr-encoding --path-as-is --globoff -g ' +
  '--styled-output --no-styled-output -q --disable -M --manual -V --version -h --help --trace=write --trace-ascii=write --trace-time --stderr=write ' +
  '--etag-save=write --etag-compare= --expect100-timeout= --keepalive-time= --no-keepalive --no-sessionid --happy-eyeballs-timeout-ms= -T= --upload-file= ' +
  '-a --append -l --list-only -P= --ftp-port= --ftp-pasv --ftp-create-dirs --ignore-content-length --variable= --expand-url= --expand-data= --expand-header=';

export const FILE_SHAPES: Record<string, ShapeSource | string> = {
  rm: {
    flags: 'fiIrRdv',
    opts: '--force --interactive=? --one-file-system --preserve-root=? --recursive --dir --verbose',
    note: '`--no-preserve-root` is not listed',
  },
  rmdir: { flags: 'pv', opts: '--ignore-fail-on-non-empty --parents --verbose' },
  unlink: {},
  mkdir: { flags: 'pv', opts: '-m= --mode= --parents --verbose -Z --context=?' },
  touch: { flags: 'acfhm', opts: '-d= --date= -r= --reference= -t= --time= --no-create --no-dereference' },
  cp: {
    flags: 'aAbdfHilLnPprRsSTuvxX',
    opts: `${CP_MV_COMMON} --archive --attributes-only --copy-contents -d --dereference --link --no-dereference --preserve=? --no-preserve= --parents --recursive --reflink=? --remove-destination --sparse= --symbolic-link --one-file-system --keep-directory-symlink -Z --context=?`,
  },
  mv: { flags: 'bfinTuvZ', opts: CP_MV_COMMON },
  ln: {
    flags: 'bdfFinLPrsTv',
    opts: '-S= --suffix= -t= --target-directory= --backup=? --directory --force --interactive --logical --no-dereference --physical --relative --symbolic --no-target-directory --verbose',
  },
  chmod: {
    flags: 'cfvR',
    opts: '--changes --silent --quiet --verbose --no-preserve-root --preserve-root --reference= --recursive',
  },
  chown: {
    flags: 'cfvRhHLP',
    opts: '--changes --silent --quiet --verbose --dereference --no-dereference --from= --no-preserve-root --preserve-root --reference= --recursive',
  },
  install: {
    flags: 'bcCDdpsvT',
    opts: '-g= --group= -m= --mode= -o= --owner= -S= --suffix= -t= --target-directory= --strip-program=shell --backup=? --compare --directory --preserve-timestamps --strip --no-target-directory --verbose --preserve-context -Z --context=?',
  },
  mktemp: { flags: 'dquV', opts: '-p= --tmpdir=? -t --directory --dry-run --quiet --suffix=' },
  truncate: { flags: 'co', opts: '-r= --reference= -s= --size= --no-create --io-blocks' },
  tar: {
    bundledFirst: true,
    flags: 'cxtrudAzjJZavkpPhOmBSWiGKMR',
    opts:
      '-f= --file= -C= --directory= -T= --files-from= -X= --exclude-from= --exclude= --exclude-vcs --exclude-vcs-ignores --exclude-caches -b= --blocking-factor= ' +
      '--create --extract --get --list --append --update --delete --diff --compare --concatenate --gzip --gunzip --bzip2 --xz --zstd --lzip --lzma --lzop --compress ' +
      '--auto-compress -N= --newer= --newer-mtime= --after-date= --strip-components= --transform= --xform= --owner= --group= --mode= --mtime= --sort= --numeric-owner ' +
      '--no-same-owner --same-owner --no-same-permissions --same-permissions --preserve-permissions --keep-old-files --keep-newer-files --skip-old-files --overwrite ' +
      '--overwrite-dir --no-overwrite-dir --recursive-unlink --unlink-first --remove-files --verbose --totals=? --wildcards --no-wildcards --anchored --no-anchored ' +
      '--ignore-case --null --no-null --dereference --hard-dereference --one-file-system --absolute-names --show-transformed-names --warning= --format= -H= --label= ' +
      '-V= --occurrence=? --sparse --acls --xattrs --selinux --no-acls --no-xattrs --index-file=write --quoting-style= -L= --tape-length= ' +
      // What tar runs: a compressor, a program per file, an action at checkpoints.
      '-I=shell --use-compress-program=shell --to-command=shell --checkpoint=? --checkpoint-action=check:checkpoint --info-script=shell -F=shell --new-volume-script=shell --rsh-command=shell',
    note: '`--checkpoint-action` is not listed: `exec=` runs a command',
  },
  zip: {
    flags: 'rqvjmdgDTuFlXy0123456789o',
    opts: '-x= -i= -b= -n= -t= -tt= -P= --password= -e --encrypt -s= -sp -z --recurse-paths --quiet --exclude= --include= --symlinks -@ -TT=check:runs --unzip-command=check:runs',
    alters: '-TT',
    note: '`-T` tests with unzip; `-TT cmd` runs cmd',
  },
  unzip: { flags: 'lvtTzZcpfunoqjCaXVLM', opts: '-d= -x= -P= -qq -O= -I=' },
  gzip: {
    flags: 'cdfhklLnNqrtv123456789',
    opts: '-S= --suffix= --stdout --to-stdout --decompress --uncompress --force --keep --list --no-name --name --quiet --recursive --test --verbose --fast --best --rsyncable',
  },
  gunzip: {
    flags: 'cfhklLnNqrtv',
    opts: '-S= --suffix= --stdout --force --keep --list --quiet --recursive --test --verbose',
  },
  curl: { opts: CURL, note: 'where it sends and what it uploads is judged by rules/network.ts' },
  wget: {
    flags: 'qvnNcrkKpmESxbhH',
    opts: '-O=write --output-document=write -o=write --output-file=write -a=write --append-output=write -P= --directory-prefix= --quiet --verbose --no-verbose --timestamping --continue --recursive --level= -l= --no-parent --no-clobber -nc -nd -np -nH --convert-links --page-requisites --mirror --user-agent= -U= --header= --post-data= --post-file= --method= --body-data= --timeout= -T= --tries= -t= --wait= --limit-rate= --no-check-certificate --spider --server-response -S --show-progress --progress= --input-file= -i= --max-redirect= --user= --password= --ask-password --https-only -4 -6 -A= -R= --accept= --reject= -D= --domains= --content-disposition --restrict-file-names=',
  },
  ps: {
    flags: 'AaCcdefFgGHjlLMmNOopqrsSTtuUvVwxXyZ',
    opts: '-o= -O= -p= -q= -u= -U= -g= -G= -t= -C= --pid= --ppid= --sort= --forest --cols= --columns= --width= --no-headers --headers --format= --user= --group= -k= --context --cumulative --deselect',
    note: 'environment forms (`e`, `eww`) are judged as secret reads by the rules',
  },
  pgrep: {
    flags: 'lafnovcxiwrA',
    opts: '-d= --delimiter= -g= -G= -P= -s= -t= -u= -U= --full --list-name --list-full --newest --oldest --count --exact --ignore-case --parent= --uid= --euid= --pidfile= --ns= --nslist= --older= --runstates= --signal=',
  },
  pidof: { flags: 'sqcxzwo', opts: '-o=' },
  lsof: {
    flags: 'nPlRtVhUbwXxMKoOsQ',
    opts: '-i=? -a -c= -d= -D= -p= -u= -g= -r= -s=? -F= -T=? +c= +D= +d= -E -S= +L -L=? -z= -e= -k= +r= +w -w +m',
  },
  top: { flags: 'bcEeHiOSsn', opts: '-d= -n= -p= -u= -U= -o= -w= -1' },
  htop: {
    flags: 'CHMtu',
    opts: '-d= --delay= -p= --pid= -u= --user= -s= --sort-key= --tree --no-color --no-mouse --readonly',
  },
  free: {
    flags: 'bkmghltwv',
    opts: '--bytes --kilo --mega --giga --tera --peta --kibi --mebi --gibi --human --si --lohi --total --wide --committed -s= --seconds= -c= --count=',
  },
  kill: {
    flags: 'lL',
    numeric: true,
    opts: '-s= -n= --signal= -9 -15 -1 -2 -3 -TERM -KILL -INT -HUP -QUIT -USR1 -USR2 -STOP -CONT -SIGTERM -SIGKILL -SIGINT -SIGHUP',
    note: 'which process dies is judged by rules/processes.ts',
  },
  ping: { flags: 'nqvaAbBdDfLOrRU46', opts: '-c= -i= -w= -W= -s= -t= -I= -p= -Q= -S= -T= -M=' },
  dig: '+short +noall +answer +trace +nocmd +nostats +multiline +tcp -t= -x= -p= -4 -6 +search',
  nslookup: '-type= -query= -port= -timeout= -debug',
  host: { flags: 'aACdlrsTUvVw46', opts: '-c= -N= -R= -t= -W= -m=' },
  netstat: {
    flags: 'tulpnarsieWcgoM46vxbdm',
    opts: '--tcp --udp --listening --programs --numeric --all --route --statistics --interfaces --extend --wide --continuous -f= -p= -I=',
  },
  ss: {
    flags: 'tulpnaxsieomZNH46',
    opts: '--tcp --udp --listening --processes --numeric --all --unix --summary --info --extended --options --memory -f= --family= -A= --query=',
  },
  open: {
    flags: 'aRneFWgjhs',
    opts: '-a= -b= --args=argv --env= --stdin= --stdout=write --stderr=write',
    note: 'opening a file or URL with its default app',
  },
  'xdg-open': {},
  pbcopy: {},
  pbpaste: { opts: '-pboard= -Prefer=' },
};
