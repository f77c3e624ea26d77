# Gatehouse: the gating wrapper every shell of an agent without hooks goes through (`gatehouse run --agent shell`).
# Sourced by a per-session wrapper (written by electron/core/sandbox/shell-kit.ts, run by the real bash with -p, so
# no BASH_ENV, no functions and no SHELLOPTS from the environment), which set __gatehouse_kind, __gatehouse_real,
# __gatehouse_secret, __gatehouse_hook, __gatehouse_socket, __gatehouse_token, __gatehouse_session and
# __gatehouse_path first; the shell's own arguments are "$@".
#
# Every start asks the gate before the real shell runs: about the -c string when it is the whole of what runs, else
# about the whole invocation (a script, commands on standard input, an interactive shell, extra arguments). Inside an
# allowed command (GATEHOUSE_GATED holds this session's secret) nested shells run without asking again.

__gatehouse_json() {
  local s=$1
  s=${s//\\/\\\\}
  s=${s//\"/\\\"}
  s=${s//$'\n'/\\n}
  s=${s//$'\r'/\\r}
  s=${s//$'\t'/\\t}
  printf '%s' "$s"
}

# Asks the gate about $1 through the session's hook, run by this bash with an empty environment but the session's
# socket, token and a PATH of system directories (nothing the agent set reaches the hook). Returns 0 when allowed;
# otherwise prints the reason and returns 1.
__gatehouse_ask() {
  local body answer reason
  body="{\"command\":\"$(__gatehouse_json "$1")\",\"cwd\":\"$(__gatehouse_json "$PWD")\"}"
  if answer=$(printf '%s' "$body" | exec -c "$BASH" -p -c 'export GATEHOUSE_SOCKET=$1 GATEHOUSE_TOKEN=$2 GATEHOUSE_SESSION_ID=$3 PATH=$4; eval "$5"' gatehouse "$__gatehouse_socket" "$__gatehouse_token" "$__gatehouse_session" "$__gatehouse_path" "$__gatehouse_hook" 2>&1); then
    case $answer in
      *'"decision":"allow"'*) return 0 ;;
      *'"reason":"'*)
        reason=${answer#*\"reason\":\"}
        reason=${reason%%\",\"decidedBy\"*}
        reason=${reason//\\n/ }
        reason=${reason//\\\"/\"}
        # Named once: the core's reasons mostly say Gatehouse already ("The user denied this command in Gatehouse: …").
        case $reason in
          *Gatehouse*) printf '%s\n' "$reason" >&2 ;;
          *) printf 'Gatehouse: %s\n' "$reason" >&2 ;;
        esac
        return 1 ;;
    esac
  fi
  printf '%s\n' "${answer:-Gatehouse blocked this command: the Gatehouse gate did not answer}" >&2
  return 1
}

__gatehouse_name=${__gatehouse_name:-$0}
if [[ ${GATEHOUSE_GATED-} != "$__gatehouse_secret" ]]; then
  . "${BASH_SOURCE[0]%/*}/shell-args.bash"
  __gatehouse_ask "$(__gatehouse_text "$__gatehouse_kind" "$__gatehouse_name" "$@")" || exit 126
  export GATEHOUSE_GATED=$__gatehouse_secret
fi
exec -a "$__gatehouse_name" "$__gatehouse_real" "$@"
