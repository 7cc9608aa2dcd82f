"""Realistic unit submissions for the import tests, written the way clerks write them in Word:
typed numbering (一、（一）), bold run-in leads, full-width indents, a merged-cell table, a photo.

usage: make-submissions.py OUTDIR
"""
import sys, os, struct, zlib
from docx import Document
from docx.shared import Pt, Cm
from docx.enum.text import WD_ALIGN_PARAGRAPH

out = sys.argv[1]
os.makedirs(out, exist_ok=True)

def png(path, w=40, h=30, rgb=(200, 30, 30)):
    raw = b''.join(b'\x00' + bytes(rgb) * w for _ in range(h))
    def chunk(t, d):
        return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    data = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b'')
    open(path, 'wb').write(data)

def para(doc, *runs, center=False, indent=True):
    p = doc.add_paragraph()
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for i, (text, bold) in enumerate(runs):
        if i == 0 and indent and not center:
            text = '\u3000\u3000' + text
        r = p.add_run(text)
        r.bold = bold
    return p

# A university's monthly news: title, then three items each led by a bold run-in sentence.
d = Document()
para(d, ('赣南师大协同提质工作动态', True), center=True)
para(d, ('赣南师范大学召开协同提质工作推进会。', True), ('4月18日，学校召开协同提质行动推进会，校领导出席会议并讲话。会议总结了第一阶段工作,部署下一阶段任务。', False))
p = para(d, ('学校专家团队深入试点学校开展教研活动。', True), ('4月中旬，学校组织12名专家深入赣县区、龙南市等地的试点学校，', False))
p.add_run().add_break()
p.add_run('开展听课评课和专题讲座，受到试点学校欢迎。活动安排见下表。')
t = d.add_table(rows=4, cols=3)
t.style = 'Table Grid'
cells = [['县（市、区）', '学校', '人数'], ['赣县区', '赣县第三中学', '4'], ['', '赣县城关小学', '3'], ['龙南市', '龙南师范学校附属小学', '5']]
for i, row in enumerate(cells):
    for j, v in enumerate(row):
        t.cell(i, j).text = v
t.cell(1, 0).merge(t.cell(2, 0))
t.cell(1, 0).text = '赣县区'
para(d, ('活动现场照片如下。', False))
png(os.path.join(out, 'photo.png'))
d.add_picture(os.path.join(out, 'photo.png'), width=Cm(4))
para(d, ('学校举办第三届赣南基础教育英语学科教学高质量发展学术论坛。', True), ('4月13日，论坛以"厚基础促协同"为主题举办，协同提质试点学校共80余名教师参加。', False))
d.save(os.path.join(out, '赣南师大-4月工作动态.docx'))

# A city's experience article: title, ——subtitle, typed 一、（一） levels, bold 一是 leads.
d = Document()
para(d, ('多措并举谋协同，精准发力促提质', True), center=True)
para(d, ('——赣州市协同提质行动经验材料', False), center=True)
para(d, ('赣州市积极贯彻落实《江西省高校与县域基础教育协同提质行动方案》，全面深化多方合作。', False))
para(d, ('一、围绕重点任务，协同推进', False)).runs[0].font.name = '黑体'
para(d, ('（一）部门担纲，积极协同落实', False))
para(d, ('赣州市教育局成立了市级协同提质工作专班，专题研究部署相关工作。', False))
para(d, ('（二）高校牵头，联通协同节点', False))
para(d, ('一是', True), ('成立工作领导小组。', False), ('二是', True), ('分成六个工作小组，有针对性地开展指导帮扶。', False))
para(d, ('二、紧扣发展需求，协同发力', False))
para(d, ('2024年1月，三方正式签订了框架协议，协同提质工作团队正式建成。', False))
d.save(os.path.join(out, '赣州市教育局经验材料.docx'))

# Two items under Word heading styles (Heading 2), the other way units mark items.
d = Document()
d.add_heading('景德镇市召开协同提质工作调度会', level=2)
para(d, ('5月6日，景德镇市教育局召开调度会，听取各试点县工作汇报。', False))
d.add_heading('景德镇市举办试点学校校长培训班', level=2)
para(d, ('5月8日至10日，培训班在景德镇学院举办，共培训校长46人。', False))
d.save(os.path.join(out, '景德镇市5月动态.docx'))

# Word's own lists (bullets and numbers) and a typed run-in heading without bold.
d = Document()
para(d, ('南昌师范学院开展送教下乡活动。', True), center=True)
para(d, ('活动包括：', False))
for t in ['听课评课', '专题讲座']:
    d.add_paragraph(t, style='List Bullet')
for t in ['第一阶段：调研', '第二阶段：送教']:
    d.add_paragraph(t, style='List Number')
para(d, ('三、加强保障，落实责任。各地要加强组织领导，确保取得实效。', False))
d.save(os.path.join(out, '南昌师院送教材料.docx'))

# A city's report as it arrives: the office's name in the page header, its own title line, two
# bold-lead items, an 附件 note, and the sign-off (unit and date on two lines, right-aligned)
# with a contact line under it. The file name says nothing of the unit: the sign-off does.
d = Document()
para(d, ('九江市协同提质行动工作动态', True), center=True)
para(d, ('九江市召开协同提质工作推进会。', True), ('5月20日，九江市教育局召开协同提质工作推进会，各试点县（市、区）教育局分管负责同志参加会议。', False))
para(d, ('九江学院专家团队赴试点学校开展送教活动。', True), ('5月下旬，九江学院组织专家团队赴修水县、都昌县试点学校开展送教活动，受到试点学校欢迎。', False))
para(d, ('附件：1.九江市协同提质试点学校名单', False), indent=False)
para(d, ('2.送教活动安排表', False), indent=False)
for line in ['九江市教育局', '2024年5月28日']:
    p = para(d, (line, False), indent=False)
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
para(d, ('联系人：李明　　电话：0792-8581234', False), indent=False)
d.sections[0].header.paragraphs[0].text = '九江市教育局办公室'
d.save(os.path.join(out, '5月工作动态.docx'))

# A university's monthly report whose title line is plain text, the unit's own issue number
# above it, a credit typed at the end of one paragraph, and a （供稿） line closing the file.
d = Document()
para(d, ('2024年第5期', False), center=True)
para(d, ('江西师范大学协同提质行动工作动态（5月）', False), center=True)
para(d, ('江西师范大学召开协同提质行动专题推进会。', True), ('5月15日，学校召开协同提质行动专题推进会，研究部署下一阶段重点工作。（江西师范大学教务处供稿）', False))
para(d, ('江西师范大学举办县域基础教育校长培训班。', True), ('5月21日至23日，培训班在学校举办，来自试点县的40名中小学校长参加培训。', False))
para(d, ('（江西师范大学供稿）', False), indent=False)
d.save(os.path.join(out, '5月协同提质动态.docx'))

# An experience article with run-in leads typed three ways (bold to the 。, bold 一是 only,
# plain), a table with merged cells (a two-level header, a unit down three rows, 合计 across
# two columns) and a cell of two paragraphs, a byline under the subtitle and a sign-off.
d = Document()
para(d, ('深化校地合作，助推县域教育提质', True), center=True)
para(d, ('——九江学院协同提质行动经验材料', False), center=True)
para(d, ('九江学院', False), center=True)
para(d, ('九江学院坚持把协同提质行动作为服务地方的重要抓手，取得了阶段性成效。', False))
para(d, ('一、健全机制，压实责任', False))
para(d, ('一是成立工作专班。', True), ('学校成立由校长任组长的工作专班，统筹推进各项工作。', False))
para(d, ('二是', True), ('制定实施方案。学校印发协同提质行动实施方案，明确任务分工。', False))
para(d, ('三是建立联络机制。每所试点学校确定一名联络员，定期沟通工作进展。', False))
para(d, ('二、精准帮扶，务求实效', False))
para(d, ('学校向试点学校派出专家的情况见下表。', False))
t = d.add_table(rows=6, cols=4)
t.style = 'Table Grid'
data = [['单位', '派出人数', '', '备注'], ['', '教师', '学生', ''], ['九江学院', '12', '30', '首批'], ['', '8', '20', '第二批'], ['', '6', '16', '第三批'], ['合计', '', '92', '']]
for i, row in enumerate(data):
    for j, v in enumerate(row):
        t.cell(i, j).text = v
for (a, b, text) in [((0, 1), (0, 2), '派出人数'), ((0, 0), (1, 0), '单位'), ((0, 3), (1, 3), '备注'), ((2, 0), (4, 0), '九江学院'), ((5, 0), (5, 1), '合计')]:
    t.cell(*a).merge(t.cell(*b)).text = text
# A cell of two paragraphs.
t.cell(5, 3).text = '另有'
t.cell(5, 3).add_paragraph('2名志愿者')
para(d, ('九江学院', False), indent=False).alignment = WD_ALIGN_PARAGRAPH.RIGHT
para(d, ('2024年5月27日', False), indent=False).alignment = WD_ALIGN_PARAGRAPH.RIGHT
d.save(os.path.join(out, '九江学院经验材料.docx'))

# A password-protected .docx as Office stores it: not a zip but a Compound File (OLE) holding an
# EncryptionInfo stream and the encrypted package. Minimal CFB v3 writer: 512-byte sectors,
# streams of at least 4096 bytes so that no mini stream is needed.
def cfb(streams):
    SEC = 512
    ENDCHAIN, FREE, FATSECT, NOSTREAM = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
    fat = [FATSECT, ENDCHAIN]
    data = b''
    starts = []
    for _, body in streams:
        n = -(-len(body) // SEC)
        first = 2 + len(data) // SEC
        starts.append(first)
        fat += [first + k + 1 for k in range(n - 1)] + [ENDCHAIN]
        data += body + b'\0' * (n * SEC - len(body))
    assert len(fat) <= SEC // 4
    fat += [FREE] * (SEC // 4 - len(fat))
    def entry(name, typ, child=NOSTREAM, right=NOSTREAM, start=ENDCHAIN, size=0):
        n = name.encode('utf-16le') + b'\0\0' if name else b''
        return (n + b'\0' * (64 - len(n)) + struct.pack('<HBBIII', len(n), typ, 1, NOSTREAM, right, child)
                + b'\0' * 16 + struct.pack('<I', 0) + b'\0' * 16 + struct.pack('<IQ', start, size))
    dirs = entry('Root Entry', 5, child=1)
    for i, (name, body) in enumerate(streams):
        dirs += entry(name, 2, right=(i + 2) if i + 1 < len(streams) else NOSTREAM, start=starts[i], size=len(body))
    dirs += entry('', 0) * (4 - 1 - len(streams))
    header = (bytes.fromhex('D0CF11E0A1B11AE1') + b'\0' * 16 + struct.pack('<HHHHH', 0x3E, 3, 0xFFFE, 9, 6) + b'\0' * 6
              + struct.pack('<IIIIIIIII', 0, 1, 1, 0, 4096, ENDCHAIN, 0, ENDCHAIN, 0) + struct.pack('<I', 0) + struct.pack('<I', FREE) * 108)
    assert len(header) == SEC and len(dirs) == SEC
    return header + struct.pack('<128I', *fat) + dirs + data

plain = open(os.path.join(out, '景德镇市5月动态.docx'), 'rb').read()
info = struct.pack('<HHI', 4, 4, 0x40) + b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"/>'
package = struct.pack('<Q', len(plain)) + os.urandom(len(plain) + 16 - len(plain) % 16)
open(os.path.join(out, '加密的来稿.docx'), 'wb').write(cfb([('EncryptionInfo', info + b'\0' * (4096 - len(info))), ('EncryptedPackage', package)]))
