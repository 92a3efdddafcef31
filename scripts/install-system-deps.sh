#!/usr/bin/env bash
# Installs what the machine lacks for unres: the fonts PDFs embed (Latin, Cyrillic, Arabic, Chinese)
# and poppler (always);
# Chromium for the browser tests (--test); LibreOffice for the DOCX client check (--clients).
# Uses Debian's apt when run as root; otherwise says what to install and stops.
set -euo pipefail
want=()
# Read fontconfig's list once: `fc-list | grep -q` would fail under pipefail when grep exits early.
fonts=$(fc-list 2>/dev/null || true)
grep -q "LiberationSerif-Regular" <<<"$fonts" || want+=(fonts-liberation2 fontconfig)
# Arabic and Chinese text needs faces of its own (unres.writers.pdf.fonts.SCRIPT_FACES).
grep -q "Amiri" <<<"$fonts" || want+=(fonts-hosny-amiri)
grep -q "AR PL UMing" <<<"$fonts" || want+=(fonts-arphic-uming)
grep -q "Symbola" <<<"$fonts" || want+=(fonts-symbola)
command -v pdftoppm >/dev/null || want+=(poppler-utils)
# WeasyPrint subsets fonts with HarfBuzz when it is there, several times faster than without.
ldconfig -p 2>/dev/null | grep "libharfbuzz-subset.so.0" >/dev/null || want+=(libharfbuzz-subset0)
for arg in "$@"; do
  case "$arg" in
    --test) command -v chromium >/dev/null || want+=(chromium) ;;
    --clients) command -v soffice >/dev/null || want+=(libreoffice-writer-nogui) ;;
  esac
done
[ ${#want[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "unres needs these Debian packages: ${want[*]} (run: sudo apt-get install ${want[*]})" >&2
  exit 4
fi
echo "installing ${want[*]} …" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends "${want[@]}" >/dev/null
