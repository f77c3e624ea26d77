// The program Amp's `delegate` rules name: a /bin/sh script Gatehouse writes. Amp runs it with the tool's arguments
// on stdin and the tool's name in `AGENT_TOOL_NAME`; it posts `{"tool", "args"}` through the same hook command every
// other agent runs (`blockingHookCommand`: trusted curl or the Node client, exit 2 when the gate cannot be reached) and
// turns the gate's one-line answer into Amp's exit statuses: 0 allows, 2 rejects with the reason on stderr. The gate
// never answers so that the script exits 1 (Amp's "ask the person": the person decides in Gatehouse). Only an installed
// hook's fallback does, with `AMP_ASK_WHEN_DOWN`, when Gatehouse is not running and the person chose Amp's own prompt
// (`amp/install.ts`). Pure: returns the text.

/** Marks a delegate script as Gatehouse's. */
export const AMP_DELEGATE_MARK = '# gatehouse:amp-delegate';

/** The installed fallback's answer for Amp's own prompt; no gate answer is ever this. */
export const AMP_ASK_WHEN_DOWN = 'core-down: ask';

/**
 * The script's text. Besides the hook command it uses `/bin/cat` by its path and shell builtins (`printf`, `case`,
 * `exit`), so nothing is looked up on PATH. A tool name that could break the JSON it builds is refused, not sent.
 */
export function ampDelegateSource(hookCommand: string): string {
  return `#!/bin/sh
${AMP_DELEGATE_MARK}
# Gatehouse's delegate for Amp's permission rules, written by Gatehouse: the tool call waits for Gatehouse's answer.
tool=$AGENT_TOOL_NAME
case $tool in
  '' | *[!A-Za-z0-9_.:-]*)
    printf 'Gatehouse blocked this tool call: its tool name could not be sent\\n' >&2
    exit 2 ;;
esac
r=$( { printf '{"tool":"%s","args":' "$tool"; /bin/cat; printf '}'; } | ( ${hookCommand} ) ) || exit 2
case $r in
  allow) exit 0 ;;
  'core-down: ask') exit 1 ;;
  'deny: '*) printf '%s\\n' "\${r#deny: }" >&2; exit 2 ;;
esac
printf 'Gatehouse blocked this tool call: its answer could not be read\\n' >&2
exit 2
`;
}
