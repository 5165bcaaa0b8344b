#!/usr/bin/env bash
# Drives the real workstation in tmux on a fresh demo store and writes the text
# captures of docs/screens.md (80×24 and 200×50, both languages): the panes,
# a pinyin filter, an edit form, a logged interaction, help, the duplicates
# review, a resize.
# Usage: scripts/capture-screens.sh [KEHU_BINARY] > /tmp/captures.md
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-.build/debug/kehu}
export LANG=C.UTF-8 LC_ALL=C.UTF-8
DIR=$(mktemp -d)/demo
SOCK=kehu-capture-$$
trap 'tmux -L $SOCK kill-server 2>/dev/null || true; rm -rf "$(dirname "$DIR")"' EXIT
"$BIN" demo --store "$DIR" --no-open 2>/dev/null
"$BIN" add customer --store "$DIR" --set name=张伟科技有限公司 --set region=华东 --set category=现有终端客户 \
  --set credit=4 --set contactStrategy=每月联系 --set phone=021-55556666 --set tags=VIP >/dev/null

t() { tmux -u -L "$SOCK" "$@"; }
wait_for() {  # wait_for TEXT: poll the screen (10 s at most)
  for _ in $(seq 100); do t capture-pane -p -t k | grep -qF -- "$1" && return 0; sleep 0.1; done
  echo "timed out waiting for $1" >&2; t capture-pane -p -t k >&2; exit 1
}
shot() {  # shot TITLE
  echo; echo "### $1"; echo; echo '```text'; t capture-pane -p -t k | sed -e 's/[[:space:]]*$//'; echo '```'
}
start() {  # start W H LANG TEXT: a fresh server (the last one may still be exiting)
  t kill-server 2>/dev/null || true
  for _ in 1 2 3 4 5; do
    sleep 0.3
    t new-session -d -s k -x "$1" -y "$2" "env KEHU_STORE='$DIR' TERM=xterm-256color '$BIN' --lang $3" 2>/dev/null && break
  done
  wait_for "$4"
}

for size in "80 24" "200 50"; do
  set -- $size; W=$1; H=$2
  for lang in zh en; do
    if [ $lang = zh ]; then COUNT="位客户"; SAVED="已保存"; HELP="帮助"; PAIR="第 1/"; else COUNT="customers"; SAVED="Saved"; HELP="Help"; PAIR="Pair 1 of"; fi
    echo; echo "## ${W}×${H}, $lang"
    start $W $H $lang "$COUNT"
    shot "Customer list ($lang, ${W}×${H})"
    t send-keys -t k / ; t send-keys -t k -l "zhang wei"; wait_for "张伟科技"
    shot "Pinyin filter \`zhang wei\` ($lang)"
    t send-keys -t k Escape /; t send-keys -t k -l "zwkj"; wait_for "张伟科技"
    t send-keys -t k Enter Enter; wait_for "021-55556666"
    shot "Customer view (unified customer view) after filtering \`zwkj\` ($lang)"
    t send-keys -t k e; wait_for "021-55556666"
    t send-keys -t k Tab Tab Enter; sleep 0.3
    shot "Edit form, region pick-list open ($lang)"
    t send-keys -t k Escape Escape; sleep 0.2
    t send-keys -t k i Right Tab; t send-keys -t k -l "电话沟通续约,客户要求下周报价"; sleep 0.3
    shot "Logging an interaction ($lang)"
    t send-keys -t k C-s; wait_for "$SAVED"
    shot "Interaction logged, shown in the timeline ($lang)"
    t send-keys -t k 3; sleep 0.4
    shot "Dashboard ($lang)"
    t send-keys -t k 4; sleep 0.4
    shot "Agenda ($lang)"
    t send-keys -t k '?'; wait_for "customer-open"
    shot "Help, generated from the command table ($lang)"
    t send-keys -t k Escape D; wait_for "$PAIR"
    t send-keys -t k j j Right; sleep 0.3
    shot "Duplicates review: the second field (phone) taken from the right ($lang)"
    t send-keys -t k q
  done
done

echo; echo "## Resize from 80×24 to 200×50"
start 80 24 zh "位客户"
t send-keys -t k j j
shot "Before (80×24: one pane at a time)"
t resize-window -t k -x 200 -y 50; wait_for "基本信息"
shot "After (200×50: list and customer view side by side)"
t send-keys -t k q
