"""Writes a python-docx document part by part, for the make-*.py scripts that add what python-docx
cannot write itself (notes, comments, numbering): each part of the package passes through
edit(name, data) on its way out, and the parts in `add` are appended.
"""
import io
import zipfile


def save_edited(doc, out, edit, add=None):
    buf = io.BytesIO()
    doc.save(buf)
    with zipfile.ZipFile(buf) as zin, zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            zout.writestr(item, edit(item.filename, zin.read(item.filename)))
        for name, text in (add or {}).items():
            zout.writestr(name, text)
