# Gatehouse shell integration for an interactive fish, run with `fish --init-command` after your own config.
# Every line goes to the gate before fish runs it; commands are marked (OSC 133, OSC 7).

# The typed-line key (electron/core/pty/typed-lines.ts), read into a variable of this shell alone (never exported);
# its file is deleted and its name forgotten, so no program started here has it. (fish runs your config first.)
if set -q GATEHOUSE_TYPED_KEY_FILE
    read -g __gatehouse_typed_key <$GATEHOUSE_TYPED_KEY_FILE
    command rm -f -- $GATEHOUSE_TYPED_KEY_FILE
    set -e GATEHOUSE_TYPED_KEY_FILE
end

function __gatehouse_json --argument-names s
    string replace -a -- '\\' '\\\\' $s | string replace -a -- '"' '\\"' | string replace -a -- \r '\\r' | string replace -a -- \t '\\t' | string join '\\n'
end

# The gate's notices go below the line being checked; fish draws the prompt again after them.
function __gatehouse_say --argument-names text
    if not set -q __gatehouse_said[1]
        printf '\n' >&2
        set -g __gatehouse_said 1
    end
    printf '%s\n' $text >&2
end

# Asks about a line typed at the prompt, with the typed-line key (the session's typing trust applies) and progress:
# the gate's `say:` lines (a line held for a person says so at once, then how it was decided) are printed as they
# come. Returns 0 when the gate allows the line; otherwise sets __gatehouse_reason (empty when a notice said it).
function __gatehouse_check --argument-names line
    set -g __gatehouse_reason
    if test -z "$GATEHOUSE_GATE_HOOK"
        set -g __gatehouse_reason 'Gatehouse blocked this command: the shell lost its Gatehouse settings (GATEHOUSE_GATE_HOOK)'
        return 1
    end
    set -l body '{"command":"'(__gatehouse_json $line)'","cwd":"'(__gatehouse_json $PWD)'","progress":true'
    if set -q __gatehouse_typed_key
        set body $body',"typed":"'$__gatehouse_typed_key'"'
    end
    set -l answer
    set -l said
    # fish runs a pipeline's last part in the shell itself: what the loop reads stays here.
    printf '%s}' $body | command sh -c $GATEHOUSE_GATE_HOOK 2>&1 | while read -l l
        if string match -q -- 'say: *' $l
            __gatehouse_say (string sub -s 6 -- $l)
            set said 1
        else if test -n "$l"
            set -a answer $l
        end
    end
    set -l st $pipestatus[2]
    set answer (string join ' ' -- $answer)
    if test "$st" = 0
        if string match -q -- '*"decision":"allow"*' $answer
            return 0
        end
        set -q said[1]; and return 1
        set -l reason (string match -r -- '"reason":"(.*?)","decidedBy"' $answer)[2]
        if test -n "$reason"
            set -l said (string replace -a -- '\\"' '"' $reason | string replace -a -- '\\n' ' ')
            # Named once: the core's reasons mostly say Gatehouse already.
            if string match -q -- '*Gatehouse*' $said
                set -g __gatehouse_reason $said
            else
                set -g __gatehouse_reason "Gatehouse: $said"
            end
            return 1
        end
    end
    set -g __gatehouse_reason $answer
    test -n "$__gatehouse_reason"; or set -g __gatehouse_reason 'Gatehouse blocked this command: the Gatehouse gate did not answer'
    return 1
end

function __gatehouse_enter
    set -e __gatehouse_said
    set -l line (commandline | string collect)
    if string match -qr -- '^\s*$' $line
        # Nothing to run: an empty line gives a new prompt without marking a command.
        commandline -r ''
        commandline -f execute
        return
    end
    set -g __gatehouse_waiting 1
    if __gatehouse_check $line
        set -e __gatehouse_waiting
        # After notices the prompt is drawn again below them, with the line that now runs.
        set -q __gatehouse_said[1]; and commandline -f repaint
        commandline -f execute
        return
    end
    set -e __gatehouse_waiting
    commandline -r ''
    test -n "$__gatehouse_reason"; and __gatehouse_say $__gatehouse_reason
    commandline -f repaint
end

# Ctrl-C while a line waits ends the hook (the gate hears it go) and cancels __gatehouse_enter half-way: the line is
# cleared here and the cancel said.
function __gatehouse_interrupted --on-signal SIGINT
    set -q __gatehouse_waiting[1]; or return
    set -e __gatehouse_waiting
    commandline -r ''
    __gatehouse_say '✗ Cancelled here; nothing ran.'
    commandline -f repaint
end

for mode in default insert
    bind -M $mode \r __gatehouse_enter
    bind -M $mode \n __gatehouse_enter
end

function __gatehouse_preexec --on-event fish_preexec
    printf '\e]133;C\a'
end
function __gatehouse_postexec --on-event fish_postexec
    printf '\e]133;D;%s\a' $status
end

functions -q fish_prompt; and functions -c fish_prompt __gatehouse_user_prompt
function fish_prompt
    printf '\e]7;file://%s%s\a' $hostname (string replace -a '%' '%25' -- $PWD | string replace -a ' ' '%20' | string replace -a '#' '%23' | string replace -a '?' '%3F')
    printf '\e]133;A\a'
    functions -q __gatehouse_user_prompt; and __gatehouse_user_prompt
    printf '\e]133;B\a'
end
