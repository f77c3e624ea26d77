# Gatehouse: runs your .zshrc, then gates every line before zsh accepts it and marks commands (OSC 133, OSC 7).
ZDOTDIR=$GATEHOUSE_USER_ZDOTDIR
if [[ -r $ZDOTDIR/.zshrc ]]; then . "$ZDOTDIR/.zshrc"; fi
GATEHOUSE_USER_ZDOTDIR=$ZDOTDIR

if [[ -o interactive ]]; then
  . "$GATEHOUSE_SHELL_DIR/gate.sh"

  # The gate's notices go below the line being checked (`zle -I` makes room, and zle draws the line again after).
  __gatehouse_said=
  __gatehouse_say() {
    [[ -n $__gatehouse_said ]] || zle -I
    __gatehouse_said=1
    print -ru2 -- "$1"
  }

  # Wraps each widget that runs the line: a line the gate does not allow is cleared, the reason printed and the prompt
  # given back. The line is taken out of the buffer before asking and put back only once allowed: an error half-way
  # (which aborts the widget, and zle with it) leaves nothing to run. Ctrl-C while a line waits ends the hook (the
  # gate hears it go) and aborts the widget whatever trap is set: zle then accepts the empty line, and precmd says the
  # cancel (`__gatehouse_waiting` is still set).
  __gatehouse_waiting=
  __gatehouse_gated_widget() {
    __gatehouse_said=
    local line=$BUFFER
    if [[ $line == *[^[:space:]]* ]]; then
      BUFFER=
      __gatehouse_waiting=1
      if ! __gatehouse_check_typed "$line"; then
        __gatehouse_waiting=
        [[ -n $__gatehouse_reason ]] && __gatehouse_say "$__gatehouse_reason"
        return
      fi
      __gatehouse_waiting=
      BUFFER=$line
    fi
    zle ".$WIDGET"
  }
  zle -N accept-line __gatehouse_gated_widget
  zle -N accept-and-hold __gatehouse_gated_widget
  zle -N accept-line-and-down-history __gatehouse_gated_widget
  zle -N accept-and-infer-next-history __gatehouse_gated_widget

  __gatehouse_ran=
  __gatehouse_preexec() {
    __gatehouse_ran=1
    print -n $'\e]133;C\a'
  }
  __gatehouse_precmd() {
    local st=$?
    if [[ -n $__gatehouse_waiting ]]; then
      print -ru2 -- "$__gatehouse_cancelled"
      __gatehouse_waiting=
    fi
    if [[ -n $__gatehouse_ran ]]; then
      print -n "\e]133;D;$st\a"
      __gatehouse_ran=
    fi
    print -n "\e]7;file://${HOST-}$(__gatehouse_url_path "$PWD")\a"
    [[ $PS1 == *'133;B'* ]] || PS1=$'%{\e]133;A\a%}'"$PS1"$'%{\e]133;B\a%}'
    return $st
  }
  autoload -Uz add-zsh-hook
  add-zsh-hook preexec __gatehouse_preexec
  add-zsh-hook precmd __gatehouse_precmd
fi

# A hosted shell gives nested shells your own ZDOTDIR back; an agent's shell keeps ours so `zsh -c` stays gated.
if [[ -z ${__gatehouse_secret-} ]]; then
  ZDOTDIR=$GATEHOUSE_USER_ZDOTDIR
else
  ZDOTDIR=$__gatehouse_zdotdir
fi
