# Gatehouse shell integration for an interactive bash, loaded with `bash --init-file`. Your own startup files run
# first, as they would without Gatehouse; nothing of yours is changed.
if [[ -r /etc/bash.bashrc ]]; then . /etc/bash.bashrc; fi
if [[ -r ~/.bashrc ]]; then . ~/.bashrc; fi

. "$GATEHOUSE_SHELL_DIR/gate.sh"

# Enter runs this first (readline `bind -x`): a line the gate does not allow is cleared before bash sees it.
__gatehouse_gate_line() {
  __gatehouse_ran=
  [[ $READLINE_LINE == *[![:space:]]* ]] || return 0
  if __gatehouse_check "$READLINE_LINE"; then
    __gatehouse_ran=$'\e]133;C\a'
    return 0
  fi
  printf '\n%s\n' "$__gatehouse_reason" >&2
  READLINE_LINE=
  READLINE_POINT=0
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
