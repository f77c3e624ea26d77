# Gatehouse: BASH_ENV for an agent without hooks (`--agent shell`). Every `bash -c STRING` the agent starts asks the
# gate about STRING before it runs; a nested shell inside an allowed command is not asked again (GATEHOUSE_GATED).
if [[ -n ${GATEHOUSE_GATE_EXEC-} && -n ${BASH_EXECUTION_STRING-} && -z ${GATEHOUSE_GATED-} ]]; then
  . "$GATEHOUSE_SHELL_DIR/gate.sh"
  if ! __gatehouse_check "$BASH_EXECUTION_STRING"; then
    printf '%s\n' "$__gatehouse_reason" >&2
    exit 126
  fi
  export GATEHOUSE_GATED=1
  unset -f __gatehouse_json __gatehouse_check __gatehouse_url_path
fi
# The BASH_ENV you had before Gatehouse, if any.
if [[ -n ${GATEHOUSE_USER_BASH_ENV-} && -r $GATEHOUSE_USER_BASH_ENV ]]; then . "$GATEHOUSE_USER_BASH_ENV"; fi
