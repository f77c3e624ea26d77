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
  local body answer
  __gatehouse_has_hook || return 1
  body="{\"command\":\"$(__gatehouse_json "$1")\",\"cwd\":\"$(__gatehouse_json "$PWD")\"}"
  answer=$(printf '%s' "$body" | __gatehouse_run_hook 2>&1)
  __gatehouse_answer "$?" "$answer"
}

# Said when Ctrl-C ends the wait for a decision (the gate marks the request abandoned).
__gatehouse_cancelled='✗ Cancelled here; nothing ran.'

# For a line typed at a hosted shell's prompt, asked by the line gate inside the shell itself. It sends the shell's
# typed-line key (read at startup, never exported: electron/core/pty/typed-lines.ts), so the person's own typing runs
# as the session's typing trust says, and asks for progress: the gate's `say:` lines (a line held for a person says so
# at once, then how it was decided) go to __gatehouse_say as they come, which each shell defines to print where its
# line editor expects output. Returns as __gatehouse_check, with __gatehouse_reason empty when a notice said it all;
# 130 when the wait was cancelled (Ctrl-C: the hook and its subshell die, so no status arrives).
__gatehouse_check_typed() {
  # (Not `status`: zsh keeps that name for $?.)
  local body answer= said= hook_status=
  __gatehouse_has_hook || return 1
  body="{\"command\":\"$(__gatehouse_json "$1")\",\"cwd\":\"$(__gatehouse_json "$PWD")\",\"progress\":true"
  body+="${__gatehouse_typed_key:+,\"typed\":\"$__gatehouse_typed_key\"}}"
  # The hook runs in the foreground, so Ctrl-C ends it: zsh runs a pipeline's last part in the shell itself, bash
  # in a subshell (which would lose what it read), so bash reads from a process substitution instead.
  if [[ -n ${ZSH_VERSION-} ]]; then
    __gatehouse_ask_typed "$body" | __gatehouse_read_answer
  else
    __gatehouse_read_answer < <(__gatehouse_ask_typed "$body")
  fi
  if [[ -z $hook_status ]]; then
    __gatehouse_reason=
    __gatehouse_say "$__gatehouse_cancelled"
    return 130
  fi
  __gatehouse_answer "$hook_status" "$answer" && return 0
  [[ -n $said ]] && __gatehouse_reason=
  return 1
}

# The hook's output, then its exit status on a line of its own.
__gatehouse_ask_typed() {
  printf '%s' "$1" | __gatehouse_run_hook 2>&1
  printf '\ngatehouse-hook-status: %s\n' "$?"
}

# Reads __gatehouse_ask_typed's lines into the caller's `answer`, `said` and `hook_status`, saying notices at once.
__gatehouse_read_answer() {
  local line
  while IFS= read -r line || [[ -n $line ]]; do
    case $line in
      'say: '*) __gatehouse_say "${line#say: }"; said=1 ;;
      'gatehouse-hook-status: '*) hook_status=${line#gatehouse-hook-status: } ;;
      ?*) answer+=${answer:+ }$line ;;
    esac
  done
}

__gatehouse_has_hook() {
  [[ -n ${GATEHOUSE_GATE_HOOK-} ]] && return 0
  __gatehouse_reason='Gatehouse blocked this command: the shell lost its Gatehouse settings (GATEHOUSE_GATE_HOOK)'
  return 1
}

# The hook's exit status $1 and its output $2: returns 0 for an allow; otherwise sets __gatehouse_reason and returns 1.
__gatehouse_answer() {
  local reason
  if [[ $1 == 0 ]]; then
    case $2 in
      *'"decision":"allow"'*) return 0 ;;
      *'"reason":"'*)
        reason=${2#*\"reason\":\"}
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
  __gatehouse_reason=${2:-Gatehouse blocked this command: the Gatehouse gate did not answer}
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
