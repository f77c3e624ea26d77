# Gatehouse: runs your .zshrc, then gates every line before zsh accepts it and marks commands (OSC 133, OSC 7).
ZDOTDIR=$GATEHOUSE_USER_ZDOTDIR
if [[ -r $ZDOTDIR/.zshrc ]]; then . "$ZDOTDIR/.zshrc"; fi
GATEHOUSE_USER_ZDOTDIR=$ZDOTDIR

if [[ -o interactive ]]; then
  . "$GATEHOUSE_SHELL_DIR/gate.sh"

  # Wraps each widget that runs the line: a line the gate does not allow is cleared and the reason printed.
  __gatehouse_gated_widget() {
    if [[ $BUFFER == *[^[:space:]]* ]] && ! __gatehouse_check "$BUFFER"; then
      BUFFER=
      zle -I
      print -ru2 -- "$__gatehouse_reason"
      zle .accept-line
      return
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
