# Gatehouse: asks the gate about a command line. Sourced by the bash and zsh integration (both read this syntax).
# GATEHOUSE_GATE_HOOK is the agents' blocking hook command: it posts the JSON on stdin to the gate with the
# session token and prints the answer (exit 0), or prints why it could not and exits 2.

# The JSON string for $1 (without quotes). Other control characters stay as they are: the gate cannot read such a
# body, answers 400, and the line is blocked with that reason.
__gatehouse_json() {
  local s=$1
  s=${s//\\/\\\\}
  s=${s//\"/\\\"}
  s=${s//$'\n'/\\n}
  s=${s//$'\r'/\\r}
  s=${s//$'\t'/\\t}
  printf '%s' "$s"
}

# Runs the hook with the JSON on stdin. A session's kit (electron/core/sandbox/shell-kit.ts) defines its own first:
# the real shell by its path and the session's socket and token, since `sh` on PATH is then a gating wrapper.
if ! typeset -f __gatehouse_run_hook >/dev/null 2>&1; then
  __gatehouse_run_hook() { command sh -c "$GATEHOUSE_GATE_HOOK"; }
fi

# Returns 0 when the gate allows $1; otherwise sets __gatehouse_reason and returns 1.
__gatehouse_check() {
  local body answer reason
  if [[ -z ${GATEHOUSE_GATE_HOOK-} ]]; then
    __gatehouse_reason='Gatehouse blocked this command: the shell lost its Gatehouse settings (GATEHOUSE_GATE_HOOK)'
    return 1
  fi
  body="{\"command\":\"$(__gatehouse_json "$1")\",\"cwd\":\"$(__gatehouse_json "$PWD")\"}"
  if answer=$(printf '%s' "$body" | __gatehouse_run_hook 2>&1); then
    case $answer in
      *'"decision":"allow"'*) return 0 ;;
      *'"reason":"'*)
        reason=${answer#*\"reason\":\"}
        reason=${reason%%\",\"decidedBy\"*}
        reason=${reason//\\n/ }
        reason=${reason//\\\"/\"}
        # Named once: the core's reasons mostly say Gatehouse already ("The user denied this command in Gatehouse: …").
        case $reason in
          *Gatehouse*) __gatehouse_reason=$reason ;;
          *) __gatehouse_reason="Gatehouse: $reason" ;;
        esac
        return 1 ;;
    esac
  fi
  __gatehouse_reason=${answer:-Gatehouse blocked this command: the Gatehouse gate did not answer}
  return 1
}

# $PWD as the path of a file:// URL for OSC 7.
__gatehouse_url_path() {
  local p=$1
  p=${p//\%/%25}
  p=${p// /%20}
  p=${p//\#/%23}
  p=${p//\?/%3F}
  printf '%s' "$p"
}
