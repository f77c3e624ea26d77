# Gatehouse: ZDOTDIR points here; each of these files runs yours (from your own ZDOTDIR, or ~) and adds Gatehouse's
# part. Under an agent without hooks (`--agent shell`), ZDOTDIR is the session's kit, whose .zshenv sets
# __gatehouse_secret first: every `zsh -c STRING` asks the gate about STRING first, unless GATEHOUSE_GATED holds the
# secret (a shell inside an allowed command).
if [[ -n ${__gatehouse_secret-} && -n ${ZSH_EXECUTION_STRING-} && ${GATEHOUSE_GATED-} != "$__gatehouse_secret" ]]; then
  . "$GATEHOUSE_SHELL_DIR/gate.sh"
  if ! __gatehouse_check "$ZSH_EXECUTION_STRING"; then
    print -ru2 -- "$__gatehouse_reason"
    exit 126
  fi
  export GATEHOUSE_GATED=$__gatehouse_secret
fi

# A hosted shell's typed-line key (electron/core/pty/typed-lines.ts), read before anything of yours runs, into a
# variable of this shell alone (never exported); its file is deleted and its name forgotten.
if [[ -n ${GATEHOUSE_TYPED_KEY_FILE-} ]]; then
  __gatehouse_typed_key=$(<$GATEHOUSE_TYPED_KEY_FILE)
  command rm -f -- $GATEHOUSE_TYPED_KEY_FILE
  unset GATEHOUSE_TYPED_KEY_FILE
fi

__gatehouse_zdotdir=$ZDOTDIR
ZDOTDIR=${GATEHOUSE_USER_ZDOTDIR:-$HOME}
if [[ -r $ZDOTDIR/.zshenv ]]; then . "$ZDOTDIR/.zshenv"; fi
# Your .zshenv may have moved ZDOTDIR; the later files are read from there.
GATEHOUSE_USER_ZDOTDIR=$ZDOTDIR
ZDOTDIR=$__gatehouse_zdotdir
