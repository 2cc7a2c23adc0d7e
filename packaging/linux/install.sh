#!/bin/sh
# Install Article Digest for the current user (no root needed): the app, its menu entry,
# its icons, and the file types it opens.
#
#   ./install.sh              copy this folder to ~/.local/opt/article-digest and register it
#   ./install.sh --in-place   register this folder where it is (do not move it afterwards)
#   ./install.sh --uninstall  remove what an earlier install added (the digest history and
#                             downloaded models in the per-user data folder are kept)
#
# What it writes (XDG_DATA_HOME defaults to ~/.local/share):
#   ~/.local/opt/article-digest/                      the bundle (unless --in-place)
#   ~/.local/bin/article-digest, article-digest-cli   links to the executables
#   $XDG_DATA_HOME/applications/article-digest.desktop
#   $XDG_DATA_HOME/icons/hicolor/NxN/apps/article-digest.png (16..256) and scalable/apps/article-digest.svg
# then runs update-desktop-database and gtk-update-icon-cache when they are installed.
set -eu

NAME=article-digest
HERE=$(cd "$(dirname "$0")" && pwd -P)
DATA_HOME=${XDG_DATA_HOME:-$HOME/.local/share}
APPS=$DATA_HOME/applications
ICONS=$DATA_HOME/icons/hicolor
BIN=$HOME/.local/bin
TARGET=$HOME/.local/opt/$NAME
SIZES="16 24 32 48 64 128 256"

mode=copy
case "${1:-}" in
    "") ;;
    --in-place) mode=in-place ;;
    --uninstall) mode=uninstall ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
esac

refresh() {
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$APPS" || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$ICONS/index.theme" ]; then
        gtk-update-icon-cache -q -t -f "$ICONS" || true
    fi
}

if [ "$mode" = uninstall ]; then
    rm -f "$APPS/$NAME.desktop" "$BIN/$NAME" "$BIN/$NAME-cli" "$ICONS/scalable/apps/$NAME.svg"
    for size in $SIZES; do rm -f "$ICONS/${size}x${size}/apps/$NAME.png"; done
    if [ -d "$TARGET" ] && [ -x "$TARGET/$NAME" ]; then rm -rf "$TARGET"; fi
    refresh
    echo "Article Digest removed (your digests and models are still in ~/.local/share/ArticleDigest)."
    exit 0
fi

if [ ! -x "$HERE/$NAME" ] || [ ! -d "$HERE/_internal" ]; then
    echo "install.sh: run me from the unpacked article-digest folder (no $HERE/$NAME here)" >&2
    exit 1
fi

if [ "$mode" = copy ] && [ "$HERE" != "$TARGET" ]; then
    mkdir -p "$(dirname "$TARGET")"
    rm -rf "$TARGET.new"
    cp -a "$HERE" "$TARGET.new"
    rm -rf "$TARGET"
    mv "$TARGET.new" "$TARGET"
    APP=$TARGET
else
    APP=$HERE
fi

RES=$APP/_internal/resources
mkdir -p "$APPS" "$BIN" "$ICONS/scalable/apps"
for size in $SIZES; do
    if [ -f "$RES/app-icon-$size.png" ]; then
        mkdir -p "$ICONS/${size}x${size}/apps"
        cp "$RES/app-icon-$size.png" "$ICONS/${size}x${size}/apps/$NAME.png"
    fi
done
[ -f "$RES/app-icon.svg" ] && cp "$RES/app-icon.svg" "$ICONS/scalable/apps/$NAME.svg"

# The Exec key quotes paths with spaces; %F passes every file dropped on the launcher.
exec_path=$APP/$NAME
case "$exec_path" in *" "*) exec_path="\"$exec_path\"" ;; esac
sed "s|@EXEC@|$exec_path|g" "$APP/$NAME.desktop" > "$APPS/$NAME.desktop.tmp"
sed -i "s|^TryExec=.*|TryExec=$APP/$NAME|" "$APPS/$NAME.desktop.tmp"
chmod 644 "$APPS/$NAME.desktop.tmp"
mv "$APPS/$NAME.desktop.tmp" "$APPS/$NAME.desktop"

ln -sfn "$APP/$NAME" "$BIN/$NAME"
ln -sfn "$APP/$NAME-cli" "$BIN/$NAME-cli"
refresh

echo "Article Digest installed in $APP"
echo "  menu entry: $APPS/$NAME.desktop"
echo "  commands:   $BIN/$NAME, $BIN/$NAME-cli"
case ":$PATH:" in *":$BIN:"*) ;; *) echo "  (add $BIN to PATH to run them by name)" ;; esac
