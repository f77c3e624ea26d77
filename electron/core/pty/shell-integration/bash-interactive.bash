# Gatehouse shell integration for an interactive bash, loaded with `bash --init-file`. Your own startup files run
# first, as they would without Gatehouse; nothing of yours is changed.

# The typed-line key (electron/core/pty/typed-lines.ts) is read before anything of yours runs, into a variable of
# this shell alone (never exported); its file is deleted and its name forgotten, so no program started here has it.
if [[ -n ${GATEHOUSE_TYPED_KEY_FILE-} ]]; then
  __gatehouse_typed_key=$(<"$GATEHOUSE_TYPED_KEY_FILE")
  command rm -f -- "$GATEHOUSE_TYPED_KEY_FILE"
  unset GATEHOUSE_TYPED_KEY_FILE
fi

if [[ -r /etc/bash.bashrc ]]; then . /etc/bash.bashrc; fi
if [[ -r ~/.bashrc ]]; then . ~/.bashrc; fi

. "$GATEHOUSE_SHELL_DIR/gate.sh"

# Since bash 5.1 readline clears the prompt and the line while Enter's check runs: a notice takes that row, and the
# prompt comes back below it once the check returns. An older bash leaves the cursor after the line.
if ((BASH_VERSINFO[0] * 100 + BASH_VERSINFO[1] >= 501)); then __gatehouse_cleared=1; else __gatehouse_cleared=; fi
__gatehouse_said=
__gatehouse_say() {
  [[ -n $__gatehouse_cleared$__gatehouse_said ]] || printf '\n' >&2
  __gatehouse_said=1
  printf '%s\n' "$1" >&2
}

# Enter runs this first (readline `bind -x`): a line the gate does not allow is cleared before bash sees it. Ctrl-C
# while a line waits cancels the wait (the gate hears the hook go, and the request is abandoned); the trap keeps
# bash from dropping this function half-way, so the line is still cleared and the cancel said.
__gatehouse_gate_line() {
  __gatehouse_ran=
  __gatehouse_said=
  __gatehouse_accept_next accept-line
  [[ $READLINE_LINE == *[![:space:]]* ]] || return 0
  # Taken out of the line before asking, put back once allowed: nothing half-done can leave it there to run.
  local line=$READLINE_LINE int_trap allowed
  READLINE_LINE=
  READLINE_POINT=0
  int_trap=$(trap -p INT)
  trap : INT
  __gatehouse_check_typed "$line"
  allowed=$?
  eval "${int_trap:-trap - INT}"
  if ((allowed == 0)); then
    READLINE_LINE=$line
    READLINE_POINT=${#line}
    __gatehouse_ran=$'\e]133;C\a'
    return 0
  fi
  [[ -n $__gatehouse_reason ]] && __gatehouse_say "$__gatehouse_reason"
  # The empty line is not accepted: the prompt readline draws again is the one given back (no second, empty prompt).
  __gatehouse_accept_next redraw-current-line
}

# What the key after the check (in Enter's macro) does: accept the line, or, after a refusal, nothing more.
__gatehouse_accept_next() {
  local map
  for map in emacs vi-insert vi-command; do bind -m "$map" "\"\C-x\C-^\": $1"; done
}

# First in PROMPT_COMMAND: ends the command that ran (OSC 133 D with its exit code); keeps $? for what follows.
__gatehouse_precmd() {
  local status=$?
  if [[ -n $__gatehouse_ran ]]; then
    printf '\e]133;D;%s\a' "$status"
    __gatehouse_ran=
  fi
  return $status
}

# Last in PROMPT_COMMAND (after anything that rebuilds PS1): the cwd (OSC 7) and the prompt's marks (A, B).
__gatehouse_prompt() {
  local status=$?
  printf '\e]7;file://%s%s\a' "${HOSTNAME-}" "$(__gatehouse_url_path "$PWD")"
  [[ $PS1 == *'133;B'* ]] || PS1='\[\e]133;A\a\]'"$PS1"'\[\e]133;B\a\]'
  return $status
}

__gatehouse_ran=
# PS0 is printed after a line is accepted and before it runs: the command's output starts here (OSC 133 C).
PS0='${__gatehouse_ran}'"${PS0-}"
PROMPT_COMMAND=$'__gatehouse_precmd\n'"${PROMPT_COMMAND-}"$'\n__gatehouse_prompt'

# Every key that accepts a line goes through the gate first: a macro runs the check, then accepts.
for __gatehouse_map in emacs vi-insert vi-command; do
  bind -m "$__gatehouse_map" -x '"\C-x\C-]": __gatehouse_gate_line'
  bind -m "$__gatehouse_map" '"\C-x\C-^": accept-line'
  bind -m "$__gatehouse_map" '"\C-m": "\C-x\C-]\C-x\C-^"'
  bind -m "$__gatehouse_map" '"\C-j": "\C-x\C-]\C-x\C-^"'
done
# These would run a line without accept-line: operate-and-get-next, and editing the line in $EDITOR.
bind -m emacs '"\C-o": "\C-x\C-]\C-x\C-^"'
bind -m emacs -r '\C-x\C-e'
bind -m vi-command -r 'v'
unset __gatehouse_map
