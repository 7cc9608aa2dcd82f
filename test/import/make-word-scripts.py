"""A unit's news item with Word's superscript and subscript runs (100m², H₂O), as a clerk types
them with Word's x² and x₂ buttons.

usage: make-word-scripts.py OUT.docx
"""
import sys
from docx import Document

d = Document()
p = d.add_paragraph()
p.add_run('九江市新建科学实验室。').bold = True
p.add_run('5月10日，九江市第一所县域科学实验中心建成，场地面积1200m')
p.add_run('2').font.superscript = True
p.add_run('，可开展H')
p.add_run('2').font.subscript = True
p.add_run('O电解等实验。')
d.save(sys.argv[1])
