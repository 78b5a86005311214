# zsh's own completion of command lines, for test/completion: for each line,
# an interactive zsh in a pseudo-terminal (zsh/zpty) with compinit and the
# generated _oauth-doctor on its fpath is sent the line and a Tab; compadd is
# wrapped to print each candidate the real compadd accepted. Prints each
# line's candidates, one a line, then a line "--".
# Usage: COMPLETION_DIR=dir zsh -f zsh-complete.zsh 'oauth-doctor fl' 'oauth-doctor sign --'…
# The marks are written split ("<h""it>") so that the echo of the input never matches them.
# A fresh zsh per line: a second completion in the same one saw the state the first left.
zmodload zsh/zpty || exit 3
for line in "$@"; do
  zpty z zsh -f -i
  zpty -w z "PS1='' PS2='' RPS1=''; unsetopt zle_bracketed_paste 2>/dev/null"
  zpty -w z "fpath=(${COMPLETION_DIR} \$fpath); autoload -Uz compinit; compinit -u -d ${COMPLETION_DIR}/.zcompdump"
  zpty -w z "zstyle ':completion:*' list-grouped false; zstyle ':completion:*' insert-tab false; zstyle ':completion:*' menu no"
  zpty -w z 'compadd() {
    if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return $?; fi
    local -a __hits; builtin compadd -A __hits "$@"; local ret=$?
    (( $#__hits )) && print -r -l -- "<h""it>"${^__hits} > /dev/tty
    builtin compadd "$@"
    return ret
  }'
  # Tab: the completion as usual, then a mark that it ended.
  zpty -w z '__complete() { _main_complete; print -r -- "<do""ne>" > /dev/tty }; zle -C __complete complete-word __complete; bindkey "^I" __complete'
  zpty -n -w z "$line"$'\t'
  while zpty -r z out; do
    [[ $out == *'<hit>'* ]] && print -r -- "${${out#*<hit>}%%$'\r'*}"
    [[ $out == *'command not found'* || $out == *'unmatched'* ]] && print -r -- "error: ${out%%$'\r'*}" >&2
    [[ $out == *'<done>'* ]] && break
  done
  print -r -- --
  zpty -d z
done
