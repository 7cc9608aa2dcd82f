#!/usr/bin/env bash
# Debian packages the test suite uses: LibreOffice measures the DOCX as a client renders it and
# opens the workbook of bulletin stats, python3-docx reads the DOCX back, python3-pdfminer reads the
# PDF back glyph by glyph, poppler-utils turns PDFs into text and pictures, chromium shows the web
# edition as a reader's browser does (driven by playwright-core, which downloads nothing).
# Building bulletins needs none of them.
#
# The tests measure with one LibreOffice release, Debian's current one: 25.2.x. Debian 12
# (bookworm) has it in bookworm-backports, which this script adds as an apt source (Debian's own
# mirror) and installs LibreOffice from; bookworm itself has 7.4.
set -euo pipefail
LIBREOFFICE=25.2
BACKPORTS_LIST=/etc/apt/sources.list.d/bookworm-backports.list

soffice_version() {
  command -v soffice >/dev/null 2>&1 && soffice --version 2>/dev/null | sed -n 's/^LibreOffice \([0-9.]*\).*/\1/p' || true
}

need=()
from_backports=()
case "$(soffice_version)" in
  "$LIBREOFFICE".*) [ -e /usr/lib/libreoffice/program/libsclo.so ] || from_backports+=(libreoffice-calc-nogui) ;;
  *) from_backports+=(libreoffice-writer-nogui libreoffice-calc-nogui) ;;
esac
/usr/bin/python3 -c 'import docx' >/dev/null 2>&1 || need+=(python3-docx)
/usr/bin/python3 -c 'import pdfminer' >/dev/null 2>&1 || need+=(python3-pdfminer)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v fc-match >/dev/null 2>&1 || need+=(fontconfig)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
if [ ${#need[@]} -eq 0 ] && [ ${#from_backports[@]} -eq 0 ]; then
  echo "test dependencies present (LibreOffice $(soffice_version))"
  exit 0
fi

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
codename="$(. /etc/os-release && echo "${VERSION_CODENAME:-}")"
target=()
if [ ${#from_backports[@]} -gt 0 ]; then
  if [ "$codename" = bookworm ]; then
    # One-line sources (deb …) and deb822 ones (Suites: …) both count.
    if ! grep -rqsE '^deb .* bookworm-backports( |$)|^Suites:.* bookworm-backports( |$)' /etc/apt/sources.list /etc/apt/sources.list.d/; then
      echo 'deb http://deb.debian.org/debian bookworm-backports main' | $sudo tee "$BACKPORTS_LIST" >/dev/null
    fi
    target=(-t bookworm-backports)
  else
    echo "not Debian 12: installing the distribution's LibreOffice; the tests need $LIBREOFFICE.x" >&2
  fi
fi
$sudo apt-get update -qq
if [ ${#from_backports[@]} -gt 0 ]; then
  $sudo apt-get install -y -qq --no-install-recommends "${target[@]}" "${from_backports[@]}" >/dev/null
fi
if [ ${#need[@]} -gt 0 ]; then
  $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
echo "installed: ${from_backports[*]} ${need[*]} (LibreOffice $(soffice_version))"
