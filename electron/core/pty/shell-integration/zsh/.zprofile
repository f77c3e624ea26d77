# Gatehouse: runs your .zprofile (see .zshenv here).
ZDOTDIR=$GATEHOUSE_USER_ZDOTDIR
if [[ -r $ZDOTDIR/.zprofile ]]; then . "$ZDOTDIR/.zprofile"; fi
GATEHOUSE_USER_ZDOTDIR=$ZDOTDIR
ZDOTDIR=$__gatehouse_zdotdir
