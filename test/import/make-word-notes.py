"""A unit's news item as Word keeps what the bulletin cannot print: a footnote, an endnote,
an equation (Office Math), a chart and a reviewer's comment. python-docx writes no notes or comments,
so their parts are added to the package by hand, as Word writes them (the chart's own part is
left out: only the drawing that stands in the text matters to the import).

usage: make-word-notes.py OUT.docx
"""
import sys
from docx import Document
from docx_package import save_edited

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
M = 'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"'

d = Document()
p = d.add_paragraph()
p.add_run('九江市召开协同提质工作推进会。').bold = True
p.add_run('5月10日，市教育局召开推进会，各县区教育局分管负责人参加。')
d.add_paragraph('FOOTNOTE_HERE会议通报了试点学校的进展情况。')
d.add_paragraph('EQUATION_HERE')
d.add_paragraph('CHART_HERE')
d.add_paragraph('COMMENT_HERE下一步将组织专家深入试点学校开展指导。')

def edit(name, data):
    if name == 'word/document.xml':
        s = data.decode()
        s = s.replace('FOOTNOTE_HERE会议通报了试点学校的进展情况。</w:t></w:r>',
                      '会议通报了试点学校的进展情况。</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>'
                      '<w:r><w:t>截至目前已覆盖全部县区。</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:endnoteReference w:id="1"/></w:r>')
        s = s.replace('<w:r><w:t>EQUATION_HERE</w:t></w:r>',
                      f'<w:r><w:t>试点学校教师培训合格率为</w:t></w:r><m:oMath {M}><m:f><m:num><m:r><m:t>45</m:t></m:r></m:num><m:den><m:r><m:t>50</m:t></m:r></m:den></m:f></m:oMath><w:r><w:t>，高于去年。</w:t></w:r>')
        s = s.replace('<w:r><w:t>CHART_HERE</w:t></w:r>',
                      '<w:r><w:t>各县区参训人数见下图：</w:t></w:r><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:extent cx="3000000" cy="2000000"/><wp:docPr id="3" name="图表 3"/>'
                      '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">'
                      '<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rIdChart"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>')
        s = s.replace('<w:r><w:t>COMMENT_HERE下一步将组织专家深入试点学校开展指导。</w:t></w:r>',
                      '<w:commentRangeStart w:id="0"/><w:r><w:t>下一步将组织专家深入试点学校开展指导。</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>')
        assert 'HERE' not in s
        data = s.encode()
    elif name == '[Content_Types].xml':
        data = data.decode().replace('</Types>', ''.join(
            f'<Override PartName="/word/{n}s.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.{n}s+xml"/>' for n in ('footnote', 'endnote', 'comment')) + '</Types>').encode()
    elif name == 'word/_rels/document.xml.rels':
        data = data.decode().replace('</Relationships>', ''.join(
            f'<Relationship Id="rIdX{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{n}s" Target="{n}s.xml"/>' for n in ('footnote', 'endnote', 'comment')) + '</Relationships>').encode()
    return data

def notes(kind, text):
    sep = f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}><w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{kind}>'
    return f'<w:{kind}s {W}>{sep}<w:{kind} w:id="1"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:{kind}></w:{kind}s>'

save_edited(d, sys.argv[1], edit, {
    'word/footnotes.xml': notes('footnote', '试点学校名单见市教育局网站。'),
    'word/endnotes.xml': notes('endnote', '数据截至2024年5月底。'),
    'word/comments.xml': f'<w:comments {W}><w:comment w:id="0" w:author="王芳" w:date="2024-05-01T00:00:00Z"><w:p><w:r><w:t>时间请与县区核实。</w:t></w:r></w:p></w:comment></w:comments>',
})
