# Gatehouse: runs your .zlogin (see .zshenv here).
if [[ $ZDOTDIR != "$GATEHOUSE_USER_ZDOTDIR" ]]; then
  ZDOTDIR=$GATEHOUSE_USER_ZDOTDIR
  if [[ -r $ZDOTDIR/.zlogin ]]; then . "$ZDOTDIR/.zlogin"; fi
  ZDOTDIR=$__gatehouse_zdotdir
fi
