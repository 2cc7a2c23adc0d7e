#!/bin/sh
# Screenshot of the bundled app with a digest shown, on a virtual X display.
#
#   xvfb-run -a -s "-screen 0 1280x800x24" packaging/screenshot.sh BUNDLE MODELS_DIR FILE OUT.png
#
# Starts BUNDLE/article-digest FILE with a fresh HOME and ARTICLE_DIGEST_MODELS=MODELS_DIR (the
# tiny test models: python tests/make_tiny_models.py DIR), presses Ctrl+Return (Digest) with
# xdotool, waits until the digest is in the history (the window keeps every finished digest),
# grabs the screen with ImageMagick's import and quits the app. Needs xdotool and imagemagick.
set -eu

if [ $# -ne 4 ]; then
    sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
fi
BUNDLE=$1 MODELS=$2 FILE=$3 OUT=$4
WAIT=${SCREENSHOT_WAIT:-900}

FRESH=$(mktemp -d)
trap 'rm -rf "$FRESH"' EXIT
env HOME="$FRESH" ARTICLE_DIGEST_HOME="$FRESH/app" ARTICLE_DIGEST_MODELS="$MODELS" HF_HUB_OFFLINE=1 \
    "$BUNDLE/article-digest" "$FILE" >"$FRESH/app.log" 2>&1 &
PID=$!

WID=$(xdotool search --sync --onlyvisible --name "Article Digest" | head -n 1)
xdotool windowmove "$WID" 0 0 windowsize "$WID" 1280 800
sleep 3
xdotool windowfocus --sync "$WID"
xdotool key ctrl+Return

waited=0
until ls "$FRESH"/app/data/history/*.json >/dev/null 2>&1; do
    if ! kill -0 "$PID" 2>/dev/null; then
        echo "screenshot.sh: the app exited before the digest finished:" >&2
        cat "$FRESH/app.log" >&2
        exit 1
    fi
    if [ "$waited" -ge "$WAIT" ]; then
        echo "screenshot.sh: no digest after $WAIT s" >&2
        break
    fi
    sleep 2
    waited=$((waited + 2))
done
sleep 2
mkdir -p "$(dirname "$OUT")"
import -window root "$OUT"
echo "screenshot.sh: digest took about $waited s; wrote $OUT"
xdotool windowfocus --sync "$WID" key ctrl+q || true
sleep 2
kill "$PID" 2>/dev/null || true
wait "$PID" 2>/dev/null || true
