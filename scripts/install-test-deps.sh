#!/usr/bin/env bash
# Debian packages the test suite uses: LibreOffice renders the DOCX as a real client would,
# Calc opens the workbook of bulletin stats, python3-docx reads the DOCX back, python3-pdfminer reads the
# PDF back glyph by glyph, poppler-utils turns PDFs into text and pictures, chromium shows the web edition
# as a reader's browser does (driven by playwright-core, which downloads nothing).
# Building bulletins needs none of them.
set -euo pipefail
need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
[ -e /usr/lib/libreoffice/program/libsclo.so ] || need+=(libreoffice-calc-nogui)
/usr/bin/python3 -c 'import docx' >/dev/null 2>&1 || need+=(python3-docx)
/usr/bin/python3 -c 'import pdfminer' >/dev/null 2>&1 || need+=(python3-pdfminer)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v fc-match >/dev/null 2>&1 || need+=(fontconfig)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
if [ ${#need[@]} -eq 0 ]; then
  echo "test dependencies present"
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
echo "installed: ${need[*]}"
