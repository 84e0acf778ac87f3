#!/bin/sh
# Fails unless po/zh_CN.po translates every string the program shows.
set -eu
top=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$top"
xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dngettext:2,3 --add-comments=Translators -f po/POTFILES.in -o "$tmp/council-desk.pot" 2>"$tmp/xgettext.log" || { cat "$tmp/xgettext.log"; exit 1; }
msgmerge --quiet --no-fuzzy-matching po/zh_CN.po "$tmp/council-desk.pot" -o "$tmp/merged.po"
stats=$(msgfmt --check --statistics -o /dev/null "$tmp/merged.po" 2>&1)
echo "$stats"
case "$stats" in
  *untranslated*|*fuzzy*) echo "po/zh_CN.po is incomplete" >&2; exit 1 ;;
esac
# Every file with translatable strings is listed in POTFILES.in.
missing=$(grep -rlE '_\("|N_\("|C_\("|translatable="yes"' src resources data 2>/dev/null \
  | grep -vxFf po/POTFILES.in || true)
if [ -n "$missing" ]; then
  echo "Files with translatable strings missing from po/POTFILES.in:" >&2
  echo "$missing" >&2
  exit 1
fi
