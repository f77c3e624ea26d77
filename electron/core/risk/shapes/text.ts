// Programs that read files and text and print. Their options that write a file (`sort -o`, `find -fprint`) or run
// a program (`rg --pre`, `find -exec`, `less` with `LESSOPEN` is the environment's, not an option) are marked;
// anything not listed (`find -fls`? listed; `grep --pre`? not an option) is unknown and never low.
import type { ShapeSource } from './spec.ts';

const GREP =
  '-E --extended-regexp -F --fixed-strings -G --basic-regexp -P --perl-regexp -e= --regexp= -f= --file= -i -y --ignore-case --no-ignore-case -v ' +
  '--invert-match -w --word-regexp -x --line-regexp -c --count --color=? --colour=? -L --files-without-match -l --files-with-matches -m= --max-count= ' +
  '-o --only-matching -q --quiet --silent -s --no-messages -b --byte-offset -H --with-filename -h --no-filename --label= -n --line-number -T ' +
  '--initial-tab -Z --null -z --null-data -A= --after-context= -B= --before-context= -C= --context= --group-separator= --no-group-separator -a ' +
  '--text --binary-files= -D= --devices= -d= --directories= --exclude= --exclude-from= --exclude-dir= -I --include= -r --recursive -R ' +
  '--dereference-recursive --line-buffered -U --binary -u --unix-byte-offsets -V --version --help';
const RG =
  '-e= --regexp= -f= --file= -A= --after-context= -B= --before-context= -C= --context= -c --count --count-matches --color= --colors= --column ' +
  '--no-column -j= --threads= -l --files-with-matches --files-without-match --files -F --fixed-strings -g= --glob= --iglob= --glob-case-insensitive ' +
  '-i --ignore-case -s --case-sensitive -S --smart-case -v --invert-match -w --word-regexp -x --line-regexp -m= --max-count= --max-depth= -d= ' +
  '--maxdepth= --max-filesize= --hidden -. --no-hidden -L --follow --no-ignore --no-ignore-vcs --no-ignore-dot --no-ignore-global --no-ignore-parent ' +
  '--no-ignore-exclude --no-ignore-files --ignore-file= -u --unrestricted -n --line-number -N --no-line-number -H --with-filename -I --no-filename ' +
  '--no-heading --heading -o --only-matching -p --pretty -q --quiet -r= --replace= --passthru --sort= --sortr= -t= --type= -T= --type-not= ' +
  '--type-list --type-add= --type-clear= --json --vimgrep --stats --trim -U --multiline --multiline-dotall -P --pcre2 --engine= -a --text --binary ' +
  '--no-messages --no-config -0 --null --null-data --line-buffered --block-buffered -M= --max-columns= --max-columns-preview --field-match-separator= ' +
  '--field-context-separator= --path-separator= --context-separator= --no-context-separator -b --byte-offset --crlf --encoding= -E= --mmap --no-mmap ' +
  '--one-file-system --debug --trace --no-require-git --ignore-case --word-regexp --include-zero --auto-hybrid-regex ' +
  // `--pre` runs a program on every file searched; `-z` runs decompressors Gatehouse knows (gzip and friends).
  '--pre=check:runs --pre-glob= -z --search-zip';
const LS =
  '-a --all -A --almost-all --author -b --escape --block-size= -B --ignore-backups -c -C --color=? -d --directory -D --dired -f -F --classify=? ' +
  '--file-type --format= --full-time -g --group-directories-first -G --no-group -h --human-readable --si -H --dereference-command-line ' +
  '--dereference-command-line-symlink-to-dir --hide= --hyperlink=? --indicator-style= -i --inode -I= --ignore= -k --kibibytes -l -L --dereference -m ' +
  '-n --numeric-uid-gid -N --literal -o -p -q --hide-control-chars --show-control-chars -Q --quote-name --quoting-style= -r --reverse -R --recursive ' +
  '-s --size -S --sort= --time= --time-style= -t -T= --tabsize= -u -U -v -w= --width= -x -X -Z --context --zero -1 -e -O -P -@ -% -,';
const FIND_EXPR =
  '-H -L -P -D= -O0 -O1 -O2 -O3 -name= -iname= -path= -ipath= -wholename= -iwholename= -regex= -iregex= -regextype= -lname= -ilname= -type= ' +
  '-xtype= -maxdepth= -mindepth= -mtime= -mmin= -atime= -amin= -ctime= -cmin= -newer= -anewer= -cnewer= -newerXY= -newermt= -newerct= -newerat= -size= ' +
  '-perm= -user= -group= -uid= -gid= -links= -inum= -samefile= -used= -fstype= -empty -readable -writable -executable -nouser -nogroup -print -print0 ' +
  '-printf= -ls -prune -quit -not -a -o -and -or -true -false -depth -d -mount -xdev -follow -daystart -noleaf -ignore_readdir_race ' +
  '-noignore_readdir_race -nowarn -warn -help -version -files0-from= -context= ' +
  // The actions: what runs (read by the parser as commands of their own), what deletes (a synthetic rm), what writes.
  '-exec=argv -execdir=argv -ok=argv -okdir=argv -delete -fprint=write -fprint0=write -fprintf=write -fls=write';

/** md5sum, sha1sum, sha256sum, sha512sum: the same coreutils options. */
const CHECKSUM: ShapeSource = {
  flags: 'bctwz',
  opts: '--binary --check --tag --text --zero --ignore-missing --quiet --status --strict --warn',
};

export const TEXT_SHAPES: Record<string, ShapeSource | string> = {
  cat: {
    flags: 'AbeEnstTuv',
    opts: '--show-all --number-nonblank --show-ends --number --squeeze-blank --show-tabs --show-nonprinting --help --version',
  },
  tac: '-b --before -r --regex -s= --separator=',
  head: { flags: 'qvz', numeric: true, opts: '-c= --bytes= -n= --lines= --quiet --silent --verbose --zero-terminated' },
  tail: {
    flags: 'fFqvrz',
    numeric: true,
    opts: '-c= --bytes= -n= --lines= --follow=? --retry --max-unchanged-stats= --pid= -s= --sleep-interval= --quiet --silent --verbose --zero-terminated',
  },
  less: {
    flags: 'aABcCdeEfFgGiIjJkKLmMnNqQrRsSuUVwWXz',
    opts: '-x= -y= -b= -h= -o=write -O=write -p= -P= -t= -T= -z= -# --quit-if-one-screen --no-init --RAW-CONTROL-CHARS --chop-long-lines --ignore-case --LINE-NUMBERS --pattern= --tabs= --mouse --use-color --follow-name --header=',
    numeric: true,
    operands: { match: /^[^+]/, why: 'a `+command` is a less command run at start, and `!cmd` in one runs a shell' },
  },
  more: { flags: 'dlfpcsu', numeric: true },
  bat: {
    flags: 'pPAnlLu',
    opts: '-l= --language= -H= --highlight-line= --file-name= -d --diff --diff-context= --tabs= --wrap= -S --chop-long-lines --terminal-width= -n --number --color= --italic-text= --decorations= --force-colorization --paging= --pager=shell -m= --map-syntax= --ignored-suffix= --theme= --list-themes --list-languages -s --squeeze-blank --squeeze-limit= --style= -r= --line-range= --plain --show-all --unbuffered --help --version',
  },
  batcat: {
    flags: 'pPAnlLu',
    opts: '-l= --language= -H= --highlight-line= --file-name= -d --diff --tabs= --wrap= --color= --paging= --style= -r= --line-range= --plain --show-all',
  },
  grep: { opts: GREP, numeric: true },
  egrep: { opts: GREP, numeric: true },
  fgrep: { opts: GREP, numeric: true },
  zgrep: { opts: GREP, numeric: true },
  rg: { opts: RG },
  ag: '-a --all-types -A= -B= -C= --after= --before= --context= -c --count --color --nocolor --column --noheading --heading -f --follow -g= -G= --file-search-regex= --hidden -i --ignore-case -s --case-sensitive -S --smart-case -l --files-with-matches -L --files-without-matches -m= --max-count= -n --norecurse -o --only-matching -p= --path-to-ignore= -Q --literal -t --all-text -u --unrestricted -U --skip-vcs-ignores -v --invert-match -w --word-regexp -z --search-zip --ignore= --ignore-dir= --depth= --nofilename --filename --numbers --nonumbers --stats --vimgrep',
  wc: {
    flags: 'clmwL',
    opts: '--bytes --chars --lines --words --max-line-length --files0-from= --total= --help --version',
  },
  sort: {
    flags: 'bdfgiMhnRrVcCsuz',
    opts: '-k= --key= -t= --field-separator= -S= --buffer-size= -T= --temporary-directory= --parallel= --batch-size= --sort= --random-source= --files0-from= --debug --reverse --numeric-sort --human-numeric-sort --general-numeric-sort --version-sort --month-sort --ignore-case --ignore-leading-blanks --dictionary-order --ignore-nonprinting --unique --stable --zero-terminated --check=? --merge -m -o=write --output=write --compress-program=shell',
  },
  uniq: {
    flags: 'cdDiuz',
    opts: '-f= --skip-fields= -s= --skip-chars= -w= --check-chars= --count --repeated --all-repeated=? --group=? --ignore-case --unique --zero-terminated',
  },
  cut: {
    flags: 'nsz',
    opts: '-b= --bytes= -c= --characters= -d= --delimiter= -f= --fields= --complement --only-delimited --output-delimiter= --zero-terminated',
  },
  paste: { flags: 'sz', opts: '-d= --delimiters= --serial --zero-terminated' },
  join: {
    flags: 'iz',
    opts: '-a= -e= -o= -t= -v= -1= -2= -j= --check-order --nocheck-order --header --ignore-case --zero-terminated',
  },
  comm: { flags: '123iz', opts: '--check-order --nocheck-order --output-delimiter= --total --zero-terminated' },
  column: {
    flags: 'txenJ',
    opts: '-s= -c= -o= -N= -R= -H= -W= -l= -r= -E= -O= --table --separator= --output-separator= --table-columns= --json --table-name= --fillrows --output-width=',
  },
  tr: { flags: 'cCdst', opts: '--complement --delete --squeeze-repeats --truncate-set1' },
  nl: '-b= -d= -f= -h= -i= -l= -n= -p -s= -v= -w= --body-numbering= --number-format= --number-width= --number-separator=',
  fold: { flags: 'bs', opts: '-w= --width= --bytes --spaces' },
  fmt: {
    flags: 'cstu',
    opts: '-w= -g= -p= --width= --goal= --prefix= --uniform-spacing --split-only --crown-margin --tagged-paragraph',
    numeric: true,
  },
  expand: { flags: 'i', opts: '-t= --tabs= --initial' },
  unexpand: { flags: 'a', opts: '-t= --tabs= --all --first-only' },
  rev: '',
  diff: {
    flags: 'iEZbwBIaTtuNpqsrdy',
    opts: '-c -C= -U= --unified=? --context=? -x= --exclude= -X= --exclude-from= -S= --starting-file= --from-file= --to-file= --ignore-case --ignore-tab-expansion --ignore-trailing-space --ignore-space-change --ignore-all-space --ignore-blank-lines -I= --ignore-matching-lines= --text --strip-trailing-cr --normal -e --ed -n --rcs --side-by-side -W= --width= --left-column --suppress-common-lines --show-c-function -F= --show-function-line= --label= --expand-tabs --initial-tab --tabsize= --suppress-blank-empty -l --paginate --new-file --unidirectional-new-file --report-identical-files --brief --recursive --no-dereference --color=? --minimal --horizon-lines= --speed-large-files --line-format= --old-line-format= --new-line-format= --unchanged-line-format= --old-group-format= --new-group-format= --changed-group-format= --unchanged-group-format= -D= --ifdef=',
    numeric: true,
  },
  cmp: { flags: 'bls', opts: '-i= --ignore-initial= -n= --bytes= --print-bytes --verbose --quiet --silent' },
  file: {
    flags: 'bcEhiklLNnprsSvz0',
    opts: '-e= -F= -f= -m= -P= --brief --mime --mime-type --mime-encoding --dereference --no-dereference --uncompress --special-files --exclude= --separator= --files-from= --magic-file= --extension --keep-going --raw --no-pad --print0 --preserve-date',
  },
  stat: {
    flags: 'LfLtc',
    opts: '-c= --format= --printf= --dereference --file-system --terse --cached= -x -s -n -r -F -l -q',
  },
  du: {
    flags: 'abcDhHklLmsSxX0',
    opts: '-d= --max-depth= -B= --block-size= -t= --threshold= --apparent-size --bytes --total --human-readable --si --summarize --separate-dirs --one-file-system --exclude= --exclude-from= --files0-from= --time=? --time-style= --inodes --count-links --dereference --dereference-args --no-dereference -A -I= -g',
  },
  df: {
    flags: 'ahHiklPTv',
    opts: '-B= --block-size= -t= --type= -x= --exclude-type= --all --human-readable --si --inodes --local --portability --print-type --total --output=? --sync --no-sync',
  },
  tree: {
    flags: 'adlfxpugsDFqNQrtvUcCAShJX',
    opts: '-L= -P= -I= -o=write -H= -T= --charset= --filelimit= --dirsfirst --filesfirst --gitignore --noreport --prune --sort= --du --timefmt= --matchdirs --ignore-case --info --fromfile --metafirst -n -i -h',
  },
  ls: { opts: LS },
  // GNU `dir`/`vdir` are `ls`; cmd's `dir` (reached through `cmd /c`) takes `/s /b /a` switches, which read as paths here.
  dir: { opts: LS },
  vdir: { opts: LS },
  find: { opts: FIND_EXPR, singleDash: true, alters: '-delete' },
  fd: '-H --hidden -I --no-ignore -u --unrestricted --no-ignore-vcs --no-ignore-parent -s --case-sensitive -i --ignore-case -g --glob --regex -F --fixed-strings -a --absolute-path -l --list-details -L --follow -p --full-path -0 --print0 -d= --max-depth= --min-depth= --exact-depth= --prune -t= --type= -e= --extension= -S= --size= --changed-within= --changed-before= --newer= --older= -o= --owner= -E= --exclude= --ignore-file= -c= --color= -j= --threads= --max-results= -1 -q --quiet --show-errors --base-directory= --path-separator= --search-path= --strip-cwd-prefix=? --one-file-system --format= --hyperlink=? -x=argv --exec=argv -X=argv --exec-batch=argv --batch-size=',
  jq: {
    flags: 'nRsrajCMSecg',
    opts: '--null-input --raw-input --slurp --raw-output --join-output --ascii-output --sort-keys --color-output --monochrome-output --tab --indent= --unbuffered --stream --stream-errors --seq -f= --from-file= -L= --arg= --argjson= --slurpfile= --rawfile= --args --jsonargs --exit-status --raw-output0 -h --help -V --version --build-configuration',
  },
  yq: '-r -e -i= -o= -p= -P -C -M -I= -n -s= --output-format= --input-format= --prettyPrint --colors --no-colors --indent= --null-input --exit-status --unwrapScalar= -0 --nul-output --expression= --from-file= --front-matter= --header-preprocess= --no-doc -N',
  xxd: {
    flags: 'aCEiprud',
    opts: '-b -c= -g= -l= -n= -o= -s= -cols= -groupsize= -len= -seek= -include -ps -plain -postscript -revert -bits -uppercase -autoskip -e',
  },
  hexdump: { flags: 'bcCdovx', opts: '-e= -f= -n= -s= --canonical --length= --skip= --no-squeezing --color=?' },
  od: {
    flags: 'bcdfilosvx',
    opts: '-A= -j= -N= -S= -t= -w=? --address-radix= --skip-bytes= --read-bytes= --strings=? --format= --output-duplicates --width=? --traditional --endian=',
  },
  strings: {
    flags: 'afdw',
    opts: '-n= --bytes= -t= --radix= -e= --encoding= --all --data --print-file-name -o -s= --output-separator=',
    numeric: true,
  },
  base64: {
    flags: 'diwD',
    opts: '-w= --decode --ignore-garbage --wrap= -b= --break= -i= --input= -o=write --output=write',
    note: 'BSD base64 (macOS) reads -i and writes -o',
  },
  base32: { flags: 'diw', opts: '-w= --decode --ignore-garbage --wrap=' },
  md5sum: CHECKSUM,
  sha1sum: CHECKSUM,
  sha256sum: CHECKSUM,
  sha512sum: CHECKSUM,
  shasum: {
    flags: 'bctUp0',
    opts: '-a= --algorithm= --binary --check --text --portable --status --quiet --warn --strict --tag',
  },
  cksum: '-a= --algorithm= --base64 -l= --length= --raw --tag --untagged -c --check',
  basename: { flags: 'asz', opts: '--multiple --suffix= -s= --zero' },
  dirname: { flags: 'z', opts: '--zero' },
  realpath: {
    flags: 'eELmPqsz',
    opts: '--canonicalize-existing --canonicalize-missing --logical --physical --quiet --relative-to= --relative-base= --strip --no-symlinks --zero',
  },
  readlink: {
    flags: 'femnqsvz',
    opts: '--canonicalize --canonicalize-existing --canonicalize-missing --no-newline --quiet --silent --verbose --zero',
  },
  seq: { flags: 'w', opts: '-f= -s= --format= --separator= --equal-width' },
  zcat: { flags: 'fqv' },
  xzcat: { flags: 'fqvT', opts: '-T=' },
  bzcat: { flags: 'sv' },
  zstdcat: { flags: 'fqv' },
  iconv: { flags: 'clsf', opts: '-f= -t= --from-code= --to-code= -o=write --output=write --silent --list' },
  xmllint: {
    singleDash: false,
    opts: '--noout --format --valid --dtdvalid= --schema= --relaxng= --xpath= --encode= --nonet --noent --dropdtd --c14n --c14n11 --exc-c14n --recover --nowarning --pedantic --debug --quiet --stream --huge --html --xmlout --timing --version --noblanks --nocdata --nsclean --insert --load-trace --loaddtd --dtdattr --auto --path= -o=write --output=write',
    note: '`--shell` (an interactive shell of its own) is left out',
  },
  tee: { flags: 'aip', opts: '--append --ignore-interrupts --output-error=?' },
  printenv: { flags: '0', opts: '--null' },
};
