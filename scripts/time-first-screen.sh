#!/usr/bin/env bash
# Wall time from starting `kehu` on a store to its first screen in a 100×30
# tmux terminal (store open + list build + first draw), three runs.
# Usage: scripts/time-first-screen.sh STORE [KEHU_BINARY]
set -euo pipefail
STORE=$1; BIN=${2:-.build/release/kehu}
SOCK=kehu-time-$$
trap 'tmux -L $SOCK kill-server 2>/dev/null || true' EXIT
for run in 1 2 3; do
  tmux -L $SOCK kill-server 2>/dev/null || true
  sleep 0.5   # let the previous server finish exiting
  start=$(date +%s%N)
  until tmux -u -L $SOCK new-session -d -s t -x 100 -y 30 "env LANG=C.UTF-8 KEHU_STORE='$STORE' '$BIN' --lang en; sleep 30" 2>/dev/null; do
    sleep 0.1; start=$(date +%s%N)
  done
  until tmux -L $SOCK capture-pane -p -t t | grep -q " customers"; do sleep 0.02; done
  end=$(date +%s%N)
  echo "run $run: $(( (end - start) / 1000000 )) ms"
  tmux -L $SOCK send-keys -t t q
done
