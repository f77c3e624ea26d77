# Gatehouse shell integration for an interactive fish, run with `fish --init-command` after your own config.
# Every line goes to the gate before fish runs it; commands are marked (OSC 133, OSC 7).

function __gatehouse_json --argument-names s
    string replace -a -- '\\' '\\\\' $s | string replace -a -- '"' '\\"' | string replace -a -- \r '\\r' | string replace -a -- \t '\\t' | string join '\\n'
end

# Returns 0 when the gate allows the line; otherwise sets __gatehouse_reason.
function __gatehouse_check --argument-names line
    if test -z "$GATEHOUSE_GATE_HOOK"
        set -g __gatehouse_reason 'Gatehouse blocked this command: the shell lost its Gatehouse settings (GATEHOUSE_GATE_HOOK)'
        return 1
    end
    set -l body '{"command":"'(__gatehouse_json $line)'","cwd":"'(__gatehouse_json $PWD)'"}'
    set -l answer (printf '%s' $body | command sh -c $GATEHOUSE_GATE_HOOK 2>&1 | string collect)
    set -l st $pipestatus[2]
    if test "$st" = 0
        if string match -q -- '*"decision":"allow"*' $answer
            return 0
        end
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
    set -l line (commandline | string collect)
    if string match -qr -- '^\s*$' $line
        # Nothing to run: an empty line gives a new prompt without marking a command.
        commandline -r ''
        commandline -f execute
        return
    end
    if __gatehouse_check $line
        commandline -f execute
        return
    end
    commandline -r ''
    printf '\n%s\n' $__gatehouse_reason >&2
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
