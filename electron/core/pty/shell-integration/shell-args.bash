# Gatehouse: what a shell started with these arguments will run, read the way each shell reads its options. Sourced
# by shell-wrap.bash; only the text shown to the person depends on it, never whether the gate is asked.

# The -c string of a POSIX-style shell (bash, dash/sh, zsh) started with "$@", when it is all that runs; returns 1
# otherwise: no -c, positional arguments after the string ($0 included: `sh -c '$0' 'rm x'`), an option not known.
__gatehouse_c_string_posix() {
  local kind=$1 a letters ch i takes cmode=
  shift
  while (($#)); do
    a=$1
    shift
    case $a in
      --|-|+) break ;;
      --*)
        [[ $kind == bash ]] || return 1
        case $a in
          --posix|--norc|--noprofile|--login|--noediting|--restricted|--verbose) ;;
          *) return 1 ;;
        esac ;;
      [-+]?*)
        letters=${a:1}
        takes=0
        for ((i = 0; i < ${#letters}; i++)); do
          ch=${letters:i:1}
          case $ch in
            c) [[ ${a:0:1} == - ]] && cmode=1 ;;
            o) takes=$((takes + 1)) ;;
            O) [[ $kind == bash ]] || return 1; takes=$((takes + 1)) ;;
            [a-zA-Z0-9]) ;;
            *) return 1 ;;
          esac
        done
        while ((takes > 0)); do
          (($#)) || return 1
          shift
          takes=$((takes - 1))
        done ;;
      *) set -- "$a" "$@"; break ;;
    esac
  done
  [[ -n $cmode && $# -eq 1 ]] || return 1
  printf '%s' "$1"
}

# fish: every -c/--command and -C/--init-command string, one a line; returns 1 for a script, an interactive fish or
# an option not known.
__gatehouse_c_string_fish() {
  local a
  local -a code=()
  while (($#)); do
    a=$1
    shift
    case $a in
      -c|--command|-C|--init-command) (($#)) || return 1; code+=("$1"); shift ;;
      --command=*|--init-command=*) code+=("${a#*=}") ;;
      -c?*|-C?*) code+=("${a:2}") ;;
      -N|--no-config|-n|--no-execute|-l|--login|-P|--private) ;;
      -p|--profile|-d|--debug|-o|--debug-output|-f|--features|--profile-startup) (($#)) || return 1; shift ;;
      --profile=*|--debug=*|--debug-output=*|--features=*|--profile-startup=*) ;;
      *) return 1 ;;
    esac
  done
  ((${#code[@]})) || return 1
  local IFS=$'\n'
  printf '%s' "${code[*]}"
}

# A word quoted for the shell when it needs it.
__gatehouse_quote() {
  if [[ -n $1 && $1 != *[!A-Za-z0-9_./=:,@%+-]* ]]; then
    printf '%s' "$1"
  else
    printf "'%s'" "${1//\'/\'\\\'\'}"
  fi
}

# What the person is asked about for `$2 ARGS…` (a shell of kind $1): the -c string, or the invocation as typed.
__gatehouse_text() {
  local kind=$1 name=$2 s a
  shift 2
  if [[ $kind == fish ]]; then
    s=$(__gatehouse_c_string_fish "$@") && { printf '%s' "$s"; return; }
  else
    s=$(__gatehouse_c_string_posix "$kind" "$@") && { printf '%s' "$s"; return; }
  fi
  s=$(__gatehouse_quote "$name")
  for a in "$@"; do s+=" $(__gatehouse_quote "$a")"; done
  printf '%s' "$s"
}
