"""An experience article whose headings are numbered by Word (开始 → 编号), not typed: 一、 and
（一） from a Chinese numbering definition, one heading numbered through its paragraph style,
and an ordinary 1. 2. list. python-docx writes no numbering definitions of this kind, so the
numbering part is written here as Word writes it.

usage: make-word-numbering.py OUT.docx
"""
import re
import sys
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx_package import save_edited

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
d = Document()
def para(text, bold=False, center=False, num=None):
    p = d.add_paragraph()
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run(text).bold = bold
    if num:
        p.add_run(f'@@{num}')
    return p
para('多措并举谋协同，精准发力促提质', bold=True, center=True)
para('——九江市协同提质行动经验材料', center=True)
para('九江市积极贯彻落实协同提质行动方案，全面深化多方合作，取得了明显成效。')
para('围绕重点任务，协同推进', num='10:0')
para('部门担纲，积极协同落实', num='10:1')
para('市教育局成立了市级协同提质工作专班，专题研究部署相关工作。')
para('高校牵头，联通协同节点', num='10:1')
para('九江学院成立工作领导小组，分成六个工作小组开展指导帮扶。')
p = d.add_paragraph('紧扣发展需求，协同发力', style='Heading 1')
para('活动包括：')
para('听课评课', num='11:0')
para('专题讲座', num='11:0')

numbering = (f'<w:numbering {W}>'
    '<w:abstractNum w:abstractNumId="20"><w:multiLevelType w:val="multilevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/></w:lvl>'
    '</w:abstractNum>'
    '<w:abstractNum w:abstractNumId="21"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum>'
    '<w:num w:numId="10"><w:abstractNumId w:val="20"/></w:num>'
    '<w:num w:numId="11"><w:abstractNumId w:val="21"/></w:num>'
    '</w:numbering>')

def edit(name, data):
    if name == 'word/document.xml':
        s = data.decode()
        # Each @@numId:ilvl run becomes the paragraph's numPr, as Word writes a numbered paragraph.
        def numbered(m):
            p = m.group(0)
            num, lvl = re.search(r'@@(\d+):(\d+)', p).groups()
            p = re.sub(r'<w:r><w:t>@@\d+:\d+</w:t></w:r>', '', p)
            numpr = f'<w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="{num}"/></w:numPr>'
            return p.replace('<w:pPr>', '<w:pPr>' + numpr, 1) if '<w:pPr>' in p else p.replace('<w:p>', f'<w:p><w:pPr>{numpr}</w:pPr>', 1)
        s = re.sub(r'<w:p>(?:(?!</w:p>).)*@@\d+:\d+(?:(?!</w:p>).)*</w:p>', numbered, s, flags=re.S)
        assert '@@' not in s
        data = s.encode()
    elif name == 'word/styles.xml':
        # Heading 1 numbered 一、 through its style (the same list: it goes on from 一 to 二).
        s = data.decode()
        s = re.sub(r'(<w:style [^>]*w:styleId="Heading1"[^>]*>(?:(?!</w:style>).)*?<w:pPr>)', r'\1<w:numPr><w:numId w:val="10"/></w:numPr>', s, count=1, flags=re.S)
        assert 'w:val="10"' in s
        data = s.encode()
    elif name == 'word/numbering.xml':
        data = numbering.encode()
    return data

save_edited(d, sys.argv[1], edit)
