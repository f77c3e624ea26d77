# Gatehouse: BASH_ENV for an agent without hooks (`--agent shell`), sourced by the session's kit file, which set
# __gatehouse_secret, GATEHOUSE_GATE_HOOK and __gatehouse_run_hook first. Every `bash -c STRING` asks the gate about
# STRING before it runs, also when bash was started by its absolute path (the wrappers on PATH catch the rest); a
# nested shell inside an allowed command (GATEHOUSE_GATED holds the session's secret) is not asked again.
if [[ -n ${__gatehouse_secret-} && -n ${BASH_EXECUTION_STRING-} && ${GATEHOUSE_GATED-} != "$__gatehouse_secret" ]]; then
  . "$GATEHOUSE_SHELL_DIR/gate.sh"
  if ! __gatehouse_check "$BASH_EXECUTION_STRING"; then
    printf '%s\n' "$__gatehouse_reason" >&2
    exit 126
  fi
  export GATEHOUSE_GATED=$__gatehouse_secret
  unset -f __gatehouse_json __gatehouse_check __gatehouse_url_path
fi
unset -f __gatehouse_run_hook
unset __gatehouse_secret GATEHOUSE_GATE_HOOK
# The BASH_ENV you had before Gatehouse, if any.
if [[ -n ${GATEHOUSE_USER_BASH_ENV-} && -r $GATEHOUSE_USER_BASH_ENV ]]; then . "$GATEHOUSE_USER_BASH_ENV"; fi
