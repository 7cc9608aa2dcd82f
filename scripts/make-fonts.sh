#!/usr/bin/env bash
# make-fonts.sh — regenerate the shipped fonts in fonts/ from Debian packages.
#
# Why this exists: the repository ships free CJK fonts so that a fresh clone can
# typeset bulletins offline. The font files are derived (patched / subsetted)
# from Debian packages; this script is the record of exactly how, so that a
# maintainer can rebuild them. It is NOT run by CI.
#
#   texlive-lang-chinese  -> Fandol Song/Fang/Hei/Kai  (GPL-3 + font exception)
#   fonts-noto-cjk        -> Noto Serif CJK SC subset  (SIL OFL 1.1)
#
# What it does
#   1. apt-get download the two packages (or use .debs already in $DEB_DIR) and
#      dpkg -x them into a scratch directory.
#   2. Copies five Fandol faces. Fixes a metrics bug: FandolSong-Regular has
#      hhea.descender = +200 (must be negative); pdfkit/fontkit read hhea, so
#      the line box came out 0.6 em and lines overlapped. Every face is checked
#      for the same sign bug in hhea and OS/2 and patched only where needed.
#   3. Extracts NotoSerifCJKsc-Regular from NotoSerifCJK-Regular.ttc, subsets it
#      with pyftsubset (all CJK ideographs incl. Ext A-G, punctuation, symbols;
#      no hinting, no layout features) and sets its hhea metrics to its own ideographic em box
#      (OS/2 typo 880/-120/0) so that a fallback glyph does not make a line
#      1.437 em tall next to 1.0 em Fandol text.
#   4. Writes LICENSE-Fandol.txt and LICENSE-OFL.txt from the package docs.
#   5. Prints a measurement report (sizes, coverage, vertical metrics).
#
# fonts/README.md is hand-written; update its figures from the report if the
# package versions change.
#
# Usage:  scripts/make-fonts.sh            (writes into fonts/)
# Env:    OUT=dir       output directory      (default: <repo>/fonts)
#         DEB_DIR=dir   use these .debs instead of apt-get download
#         WORK=dir      scratch directory     (default: mktemp -d, removed at end)
#         PYTHON=path   a python3 that can `import fontTools`
# Needs:  apt-get (download only, no root), dpkg-deb, fontTools (pyftsubset).
#
# Reference versions used for the committed files (Debian bookworm):
#   texlive-lang-chinese 2022.20230122-1, fonts-noto-cjk 1:20220127+repack1-1,
#   fontTools 4.38.0. With the same inputs the output is byte-identical
#   (timestamps are not recalculated).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${OUT:-$ROOT/fonts}"
EXPECT_FANDOL_VER="2022.20230122-1"
EXPECT_NOTO_VER="1:20220127+repack1-1"

if [[ -z "${WORK:-}" ]]; then
  WORK="$(mktemp -d)"
  trap 'rm -rf "$WORK"' EXIT
fi
mkdir -p "$WORK" "$OUT"

# --- a python with fontTools -------------------------------------------------
PYTHON="${PYTHON:-}"
if [[ -z "$PYTHON" ]]; then
  for p in python3 /usr/bin/python3; do
    if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import fontTools' 2>/dev/null; then
      PYTHON="$p"; break
    fi
  done
fi
[[ -n "$PYTHON" ]] || { echo "error: need python3 with fontTools (apt-get install python3-fonttools)" >&2; exit 1; }
echo "python: $PYTHON (fontTools $("$PYTHON" -c 'import fontTools; print(fontTools.version)'))"

# --- 1. fetch and unpack ------------------------------------------------------
DEBS="$WORK/debs"
mkdir -p "$DEBS"
find_deb() { ls "$1"/"$2"_*_all.deb 2>/dev/null | head -n1 || true; }
for pkg in texlive-lang-chinese fonts-noto-cjk; do
  deb=""
  [[ -n "${DEB_DIR:-}" ]] && deb="$(find_deb "$DEB_DIR" "$pkg")"
  if [[ -z "$deb" ]]; then
    (cd "$DEBS" && apt-get download "$pkg")
    deb="$(find_deb "$DEBS" "$pkg")"
  fi
  [[ -n "$deb" ]] || { echo "error: no .deb for $pkg" >&2; exit 1; }
  ver="$(dpkg-deb -f "$deb" Version)"
  echo "package: $pkg $ver ($deb)"
  case "$pkg" in
    texlive-lang-chinese) [[ "$ver" == "$EXPECT_FANDOL_VER" ]] || echo "warning: $pkg $ver differs from $EXPECT_FANDOL_VER (README figures may change)" >&2 ;;
    fonts-noto-cjk)       [[ "$ver" == "$EXPECT_NOTO_VER" ]]   || echo "warning: $pkg $ver differs from $EXPECT_NOTO_VER (README figures may change)" >&2 ;;
  esac
  dpkg-deb -x "$deb" "$WORK/x"
done

FANDOL_DIR="$WORK/x/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol"
FANDOL_DOC="$WORK/x/usr/share/doc/texlive-doc/fonts/fandol"
NOTO_TTC="$WORK/x/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
NOTO_COPYRIGHT="$WORK/x/usr/share/doc/fonts-noto-cjk/copyright"

# --- 2. Fandol faces, metric fix --------------------------------------------
FANDOL_FACES="FandolSong-Regular FandolSong-Bold FandolFang-Regular FandolHei-Regular FandolKai-Regular"
"$PYTHON" - "$FANDOL_DIR" "$OUT" $FANDOL_FACES <<'EOF'
import sys, shutil
from fontTools.ttLib import TTFont
src, out, faces = sys.argv[1], sys.argv[2], sys.argv[3:]
for face in faces:
    # Load only the table(s) being patched: fontTools rewrites every table it
    # has decompiled (touching OS/2 would also re-encode cmap), so keep the
    # rest byte-for-byte as shipped by upstream.
    f = TTFont(f"{src}/{face}.otf", recalcTimestamp=False, recalcBBoxes=False)
    probe = TTFont(f"{src}/{face}.otf")
    upm = probe["head"].unitsPerEm
    changes = []
    if probe["hhea"].descent > 0:
        changes.append(f"hhea.descent {probe['hhea'].descent} -> {-probe['hhea'].descent}")
        f["hhea"].descent = -abs(f["hhea"].descent)
    if probe["OS/2"].sTypoDescender > 0:
        changes.append(f"OS/2.sTypoDescender {probe['OS/2'].sTypoDescender} -> {-probe['OS/2'].sTypoDescender}")
        f["OS/2"].sTypoDescender = -abs(f["OS/2"].sTypoDescender)
    hhea = f["hhea"] if f.isLoaded("hhea") else probe["hhea"]
    os2 = f["OS/2"] if f.isLoaded("OS/2") else probe["OS/2"]
    # usWinDescent is unsigned and positive by definition; nothing to flip.
    for label, a, d in (("hhea", hhea.ascent, hhea.descent),
                        ("typo", os2.sTypoAscender, os2.sTypoDescender),
                        ("win", os2.usWinAscent, -os2.usWinDescent)):
        em = (a - d) / upm
        assert 1.0 <= em <= 1.3, f"{face}: {label} ascent-descent = {em:.3f} em, not sane"
    if changes:
        f.save(f"{out}/{face}.otf")  # only the touched tables are recompiled
        print(f"{face}: patched: " + "; ".join(changes))
    else:
        shutil.copyfile(f"{src}/{face}.otf", f"{out}/{face}.otf")
        print(f"{face}: metrics ok, copied unchanged")
EOF

# --- 3. Noto Serif CJK SC fallback subset -------------------------------------
NOTO_FULL="$WORK/NotoSerifCJKsc-Regular.otf"
"$PYTHON" - "$NOTO_TTC" "$NOTO_FULL" <<'EOF'
import sys
from fontTools.ttLib import TTCollection
ttc, dst = sys.argv[1], sys.argv[2]
coll = TTCollection(ttc, recalcTimestamp=False, recalcBBoxes=False)
for i, f in enumerate(coll.fonts):
    if f["name"].getDebugName(6) == "NotoSerifCJKsc-Regular":
        print(f"NotoSerifCJKsc-Regular is font number {i} in {ttc.rsplit('/',1)[-1]}")
        f.save(dst)
        break
else:
    sys.exit("NotoSerifCJKsc-Regular not found in collection")
EOF

# Requested base set: URO, Ext A, compatibility ideographs, radicals, CJK and
# general punctuation, full/halfwidth forms, ASCII, Latin-1, enclosed numbers,
# enclosed CJK, arrows, box drawing/geometric shapes, misc symbols.
UNICODES="U+4E00-9FFF,U+3400-4DBF,U+F900-FAFF,U+2E80-2FDF,U+3000-303F,U+FF00-FFEF,U+2000-206F,U+0020-007E,U+00A0-00FF,U+2460-24FF,U+3200-32FF,U+2190-21FF,U+2500-25FF,U+2600-26FF"
# Additions (about +1 MB), because the fallback exists for "anything missing"
# and these occur in bulletins but are absent from some or all Fandol faces:
#   pinyin capitals (Ā Ē Ǎ), ɑ ɡ ḿ, ˊ ˋ, Greek/Cyrillic, €, ℉ ℡, ⅰ-ⅻ, − ∑ ⊂,
#   ⌘, ✓ ❶-❿ ➀-➓, ⿰ ideographic description, kana/bopomofo, CJK strokes,
#   ㎡ ㎏ ㎞ ㏄, vertical/compatibility/small forms (︐ ﹏ ﹦), and the CJK
#   Ext B-G / compatibility-supplement characters Noto SC carries (e.g. 𬌗 𬘡
#   𬳵 𫟅 from the 通用规范汉字表, used in names).
UNICODES="$UNICODES,U+0100-024F,U+0250-02AF,U+02B0-02FF,U+0370-03FF,U+0400-04FF,U+1E00-1EFF,U+20A0-20CF,U+2100-214F,U+2150-218F,U+2200-22FF,U+2300-23FF,U+2700-27BF,U+2FF0-2FFF,U+3040-30FF,U+3100-312F,U+31A0-31BF,U+31C0-31EF,U+3300-33FF,U+FE10-FE1F,U+FE30-FE4F,U+FE50-FE6F,U+20000-2FA1F,U+30000-3134F"
"$PYTHON" -m fontTools.subset "$NOTO_FULL" \
  --unicodes="$UNICODES" \
  --no-hinting \
  --layout-features='' \
  --name-IDs='*' --name-languages='*' --name-legacy \
  --notdef-outline \
  --output-file="$WORK/NotoSerifCJKsc-Fallback.otf"

"$PYTHON" - "$WORK/NotoSerifCJKsc-Fallback.otf" "$OUT/NotoSerifCJKsc-Fallback.otf" "$NOTO_FULL" <<'EOF'
import sys
from fontTools.ttLib import TTFont
src, dst, full = sys.argv[1], sys.argv[2], sys.argv[3]
f = TTFont(src, recalcTimestamp=False, recalcBBoxes=False)
full_cmap = TTFont(full).getBestCmap()
hhea, os2 = f["hhea"], f["OS/2"]
before = (hhea.ascent, hhea.descent, hhea.lineGap)
# Use the font's own ideographic em box (= OS/2 typo metrics, matches BASE
# 'ideo' -120) so fallback glyphs share Fandol's 1.0 em line box and 880 ascent.
hhea.ascent, hhea.descent, hhea.lineGap = os2.sTypoAscender, os2.sTypoDescender, os2.sTypoLineGap
cmap = f.getBestCmap()
# Everything the source font has in U+4E00-9FFF must survive the subset, and
# the 20,902 code points U+4E00-9FA5 (Unicode 1.1 URO) must all be there.
lost = [c for c in range(0x4E00, 0xA000) if c in full_cmap and c not in cmap]
assert not lost, f"subset lost {len(lost)} URO code points"
assert all(c in cmap for c in range(0x4E00, 0x9FA6)), "U+4E00-9FA5 incomplete"
absent = [c for c in range(0x4E00, 0xA000) if c not in full_cmap]
if absent:
    print(f"note: source font itself lacks {len(absent)} code points in U+4E00-9FFF: "
          f"U+{absent[0]:04X}..U+{absent[-1]:04X}")
f.save(dst)
print(f"NotoSerifCJKsc-Fallback: hhea {before} -> {(hhea.ascent, hhea.descent, hhea.lineGap)}")
EOF

# --- 4. licence texts -------------------------------------------------------
{
  cat <<'EOF'
Fandol fonts (FandolSong-Regular.otf, FandolSong-Bold.otf, FandolFang-Regular.otf,
FandolHei-Regular.otf, FandolKai-Regular.otf)

Copyright (C) 2012-2013, the Fandol team (Clerk Ma & Jie Su).
Source: https://www.ctan.org/tex-archive/fonts/fandol
        (as packaged by Debian in texlive-lang-chinese)

The Fandol README states: "These fonts's licensing is GPL + GPL font exception."
The GPL is version 3 (full text below, taken from the COPYING file shipped with
the fonts). The GPL font exception referred to is the standard one published
by the Free Software Foundation:

  As a special exception, if you create a document which uses this font, and
  embed this font or unaltered portions of this font into the document, this
  font does not by itself cause the resulting document to be covered by the
  GNU General Public License. This exception does not however invalidate any
  other reasons why the document might be covered by the GNU General Public
  License. If you modify this font, you may extend this exception to your
  version of the font, but you are not obligated to do so. If you do not wish
  to do so, delete this exception statement from your version.

Modification notice (GPL-3 section 5a): FandolSong-Regular.otf in this folder
was modified by the bulletin project on 2026-11-23: the sign of the hhea table's descender
was corrected (+200 -> -200). See README.md and scripts/make-fonts.sh. The
exception above is extended to the modified version.

Original upstream README:
-------------------------------------------------------------------------------
EOF
  cat "$FANDOL_DOC/README"
  echo "-------------------------------------------------------------------------------"
  echo
  zcat "$FANDOL_DOC/COPYING.gz"
} > "$OUT/LICENSE-Fandol.txt"

{
  cat <<'EOF'
NotoSerifCJKsc-Fallback.otf — a subset of Noto Serif CJK SC Regular
(NotoSerifCJKsc-Regular from NotoSerifCJK-Regular.ttc, Debian package
fonts-noto-cjk; upstream https://github.com/notofonts/noto-cjk).

Copyright notice in the font: © 2017-2022 Adobe (http://www.adobe.com/).
The upstream noto-cjk LICENSE reads "Copyright 2014-2021 Adobe
(http://www.adobe.com/), with Reserved Font Name 'Source'." (this derivative
does not use the name "Source"). Noto is a trademark of Google Inc.

Modified Version: glyph subset (CJK, punctuation, symbols), hinting and
OpenType layout features removed, hhea ascender/descender/lineGap set to the
font's own OS/2 typo values. See README.md and scripts/make-fonts.sh.

This Font Software is licensed under the SIL Open Font License, Version 1.1.
This license is copied below, and is also available with a FAQ at:
https://openfontlicense.org

EOF
  # The OFL text as carried in Debian's machine-readable copyright file.
  awk '/^License: SIL-1.1$/ && n++ {f=1; next} f && /^License:/ {exit} f' "$NOTO_COPYRIGHT" \
    | sed -e 's/^ //' -e 's/^\.$//'
} > "$OUT/LICENSE-OFL.txt"
grep -q "SIL OPEN FONT LICENSE Version 1.1" "$OUT/LICENSE-OFL.txt" \
  || { echo "error: OFL text not found in $NOTO_COPYRIGHT" >&2; exit 1; }

# --- 5. report ----------------------------------------------------------------
"$PYTHON" - "$OUT" $FANDOL_FACES NotoSerifCJKsc-Fallback <<'EOF'
import sys, os, hashlib
from fontTools.ttLib import TTFont
out, faces = sys.argv[1], sys.argv[2:]
rare = "堃喆珺昇玥彧犇赟甦鋆琇旻翀祎頔璟玙镕"
uro = range(0x4E00, 0x9FA6)  # 20,902 code points
print(f"\n{'file':32} {'bytes':>10} {'cmap':>6} {'4E00-9FA5':>9}  rare(18) missing")
total = 0
for face in faces:
    p = f"{out}/{face}.otf"
    size = os.path.getsize(p); total += size
    f = TTFont(p)
    cm = f.getBestCmap()
    cov = sum(1 for c in uro if c in cm)
    miss = "".join(ch for ch in rare if ord(ch) not in cm)
    print(f"{face+'.otf':32} {size:>10} {len(cm):>6} {cov:>9}  {18-len(miss):>2}/18 {miss}")
print(f"{'total':32} {total:>10}")
print(f"\n{'file':32} upm  hhea(asc,desc,gap)  typo(asc,desc,gap)  win(asc,desc)")
for face in faces:
    f = TTFont(f"{out}/{face}.otf")
    h, o = f["hhea"], f["OS/2"]
    print(f"{face+'.otf':32} {f['head'].unitsPerEm}  {h.ascent},{h.descent},{h.lineGap}".ljust(58)
          + f"{o.sTypoAscender},{o.sTypoDescender},{o.sTypoLineGap}".ljust(20)
          + f"{o.usWinAscent},{o.usWinDescent}")
print()
for face in faces:
    p = f"{out}/{face}.otf"
    print(hashlib.sha256(open(p, "rb").read()).hexdigest(), f"{face}.otf")
EOF
