/**
 * A submission is untrusted: importing it must read nothing outside it and touch no network.
 * Word, RTF and ODF can all point outside the file — INCLUDEPICTURE and INCLUDETEXT fields,
 * linked pictures and OLE objects, ODF xlink:href, .docx relationships with TargetMode
 * External — and LibreOffice follows some of them while converting (an RTF's INCLUDEPICTURE
 * copies a local file into the document; an ODT's linked image is fetched over HTTP).
 *
 * Every case imports a file that points at a secret file outside the series and at a local
 * HTTP listener (run in its own process, so that it answers while the CLI runs): the secret's
 * bytes must appear nowhere under the series (items, images/, imports.yaml, dist/ after a
 * build), no connection may reach the listener, the import says in Chinese what was left
 * out, and exit is 0 or 1 within the hang guard.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { needs, why } from '../helpers/clients.js';
import { assertCliBuilt, bulletinYaml, cleanupTemp, issueYaml, makeSeries, runCli, tempDir } from '../helpers/series.js';

const soffice = needs('soffice');

const UNITS = 'units:\n  - name: 赣南师范大学\n    kind: 高校\n    aliases: [赣南师大]';

/** A PNG of random pixels: its compressed data occurs nowhere else. */
function randomPng(): { bytes: Buffer; marker: Buffer } {
  const w = 24;
  const h = 16;
  const rows: Buffer[] = [];
  for (let y = 0; y < h; y++) rows.push(Buffer.concat([Buffer.from([0]), crypto.randomBytes(w * 3)]));
  const idat = zlib.deflateSync(Buffer.concat(rows));
  const chunk = (type: string, data: Buffer): Buffer => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])) >>> 0);
    return Buffer.concat([len, Buffer.from(type, 'latin1'), data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const bytes = Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', ihdr),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return { bytes, marker: idat.subarray(20, 52) };
}

let secretDir: string;
let secretPng: string;
let secretTxt: string;
let markers: Buffer[];
let listener: ChildProcess;
let port: number;
let hitsFile: string;

/** Connections the listener saw (it logs each one, and each request line, to a file). */
const hits = (): string => (fs.existsSync(hitsFile) ? fs.readFileSync(hitsFile, 'utf8') : '');

function startListener(): Promise<number> {
  hitsFile = path.join(secretDir, 'hits.log');
  const script = `
    const http = require('node:http'); const fs = require('node:fs');
    const log = (s) => fs.appendFileSync(${JSON.stringify(hitsFile)}, s + '\\n');
    const server = http.createServer((req, res) => { log('request ' + req.method + ' ' + req.url); res.writeHead(200, { 'content-type': 'image/png' }); res.end(fs.readFileSync(${JSON.stringify(secretPng)})); });
    server.on('connection', () => log('connection'));
    server.listen(0, '127.0.0.1', () => process.stdout.write(String(server.address().port) + '\\n'));`;
  listener = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    listener.stdout!.once('data', (d) => resolve(Number(String(d).trim())));
    listener.once('exit', (c) => reject(new Error(`listener exited ${c}`)));
  });
}

/** Fails when any secret's bytes are in any file under dir. */
function expectNoSecret(dir: string): void {
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        const b = fs.readFileSync(p);
        for (const m of markers) expect(b.includes(m), `${path.relative(dir, p)} holds the secret's bytes`).toBe(false);
      }
    }
  };
  walk(dir);
}

function series(): string {
  return makeSeries({ 'bulletin.yaml': bulletinYaml(UNITS), 'issues/001/issue.yaml': issueYaml(1, '2024-05-08') });
}

/** Imports one file and builds the issue; returns the series folder and the import's output. */
function importAndBuild(file: string): { dir: string; out: string; code: number | null } {
  fs.rmSync(hitsFile, { force: true });
  const dir = series();
  const r = runCli(['import', file], dir);
  const out = r.stdout + r.stderr;
  expect([0, 1], out).toContain(r.code);
  expect(out).not.toMatch(/内部错误|at .*\.js|TypeError/);
  if (r.code === 0) {
    const b = runCli(['build'], dir);
    expect(b.code, b.stdout + b.stderr).toBe(0);
  }
  expectNoSecret(dir);
  expect(hits(), 'the import reached the network').toBe('');
  return { dir, out, code: r.code };
}

const imagesOf = (dir: string): string[] =>
  fs.existsSync(path.join(dir, 'issues/001/images')) ? fs.readdirSync(path.join(dir, 'issues/001/images')) : [];

// --- the submissions -------------------------------------------------------------------

const rtfEscape = (s: string): string =>
  [...s].map((c) => (c.charCodeAt(0) > 127 ? `\\u${c.charCodeAt(0)}?` : c === '\\' || c === '{' || c === '}' ? `\\${c}` : c)).join('');

function rtf(fields: string[]): string {
  return `{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 SimSun;}}
\\pard ${rtfEscape('赣南师大召开协同提质推进会')}\\par
${fields.map((f) => `\\pard ${f}\\par`).join('\n')}
\\pard ${rtfEscape('4月18日，赣南师范大学召开协同提质行动推进会，部署下一阶段工作。')}\\par
}`;
}

const field = (inst: string, result = ''): string => `{\\field{\\*\\fldinst ${inst}}{\\fldrslt ${result}}}`;

/** A minimal ODT whose content.xml holds the given body XML (namespaces for text, draw, xlink). */
function odt(body: string): Uint8Array {
  const content = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:xl="http://www.w3.org/1999/xlink" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" office:version="1.3">
<office:body><office:text>
<text:p>赣南师大召开协同提质推进会</text:p>
${body}
<text:p>4月18日，赣南师范大学召开协同提质行动推进会，部署下一阶段工作。</text:p>
</office:text></office:body></office:document-content>`;
  const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>`;
  return zipSync({
    mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
    'content.xml': strToU8(content),
    'META-INF/manifest.xml': strToU8(manifest),
  });
}

const linkedImage = (href: string): string =>
  `<text:p><draw:frame draw:name="p${crypto.randomBytes(3).toString('hex')}" text:anchor-type="as-char" svg:width="2cm" svg:height="2cm"><draw:image xl:href="${href}" xl:type="simple" xl:show="embed" xl:actuate="onLoad"/></draw:frame></text:p>`;

/** A .docx whose pictures are linked (r:link), not embedded, plus an external image relationship used by r:embed. */
function docxWithLinks(targets: string[]): Uint8Array {
  const rels = targets
    .map(
      (t, i) =>
        `<Relationship Id="rIdX${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="${t}" TargetMode="External"/>`,
    )
    .join('');
  const pic = (i: number, attr: 'r:link' | 'r:embed'): string =>
    `<w:p><w:r><w:drawing><wp:inline><wp:extent cx="914400" cy="914400"/><wp:docPr id="${i + 1}" name="p${i}"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="${i + 1}" name="p${i}"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip ${attr}="rIdX${i}"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`;
  const doc = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>
<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>赣南师大召开协同提质推进会。</w:t></w:r><w:r><w:t>4月18日，赣南师范大学召开协同提质行动推进会，部署下一阶段工作。</w:t></w:r></w:p>
${targets.map((_t, i) => pic(i, i % 2 ? 'r:embed' : 'r:link')).join('\n')}
</w:body></w:document>`;
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(doc),
    'word/_rels/document.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`,
    ),
  });
}

/** A Word 97 .doc with a linked picture, as LibreOffice writes one from an ODT (profile that follows no link). */
function docFromOdt(odtBytes: Uint8Array, name: string): string {
  const work = tempDir('bulletin-mkdoc-');
  const profile = path.join(work, 'profile');
  fs.mkdirSync(path.join(profile, 'user'), { recursive: true });
  fs.writeFileSync(
    path.join(profile, 'user', 'registrymodifications.xcu'),
    '<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="BlockUntrustedRefererLinks" oor:op="fuse"><value>true</value></prop></item></oor:items>',
  );
  fs.writeFileSync(path.join(work, 'in.odt'), odtBytes);
  const r = spawnSync(
    'soffice',
    [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'doc',
      '--outdir',
      work,
      path.join(work, 'in.odt'),
    ],
    { encoding: 'utf8', timeout: 120_000 },
  );
  const out = path.join(work, 'in.doc');
  if (!fs.existsSync(out)) throw new Error(`soffice could not make the .doc: ${r.stderr}`);
  const dest = path.join(work, name);
  fs.renameSync(out, dest);
  return dest;
}

function submission(name: string, bytes: string | Uint8Array): string {
  const f = path.join(tempDir('bulletin-sub-'), name);
  fs.writeFileSync(f, bytes);
  return f;
}

soffice.describe(`linked and included content in a submission is left out${why(soffice)}`, () => {
  beforeAll(async () => {
    assertCliBuilt();
    secretDir = tempDir('bulletin-secret-');
    const png = randomPng();
    secretPng = path.join(secretDir, 'secret.png');
    fs.writeFileSync(secretPng, png.bytes);
    const text = `SECRET-${crypto.randomBytes(12).toString('hex')}`;
    secretTxt = path.join(secretDir, 'secret.txt');
    fs.writeFileSync(secretTxt, text);
    markers = [png.marker, Buffer.from(text)];
    port = await startListener();
  });
  afterAll(() => {
    listener?.kill();
    cleanupTemp();
  });

  const url = (p: string): string => `http://127.0.0.1:${port}/${p}`;

  describe('RTF, and a .doc or .wps that holds RTF', () => {
    const cases: Array<[string, () => string[]]> = [
      ['INCLUDEPICTURE with a path', () => [field(`INCLUDEPICTURE "${secretPng}" \\\\* MERGEFORMAT`)]],
      ['INCLUDEPICTURE with a file:// URL and \\d', () => [field(`INCLUDEPICTURE "${pathToFileURL(secretPng).href}" \\\\d`)]],
      [
        'INCLUDEPICTURE relative to the temporary copy',
        () => [field(`INCLUDEPICTURE "${path.relative(os.tmpdir(), secretPng).split(path.sep).join('/').replace(/^/, '../')}"`)],
      ],
      [
        'INCLUDEPICTURE split over groups and escapes',
        () => [
          field(`{INCLUDE}{PICTURE} "{${secretPng.slice(0, 5)}}${secretPng.slice(5)}"`),
          field(`INCLUDEPICTURE "\\'${secretPng.charCodeAt(0).toString(16)}${secretPng.slice(1)}"`),
        ],
      ],
      ['INCLUDEPICTURE over HTTP', () => [field(`INCLUDEPICTURE "${url('rtf.png')}"`)]],
      ['INCLUDETEXT of a local file', () => [field(`INCLUDETEXT "${secretTxt}"`, 'cached')]],
      [
        'a linked OLE object',
        () => [
          `{\\object\\objautlink\\objw100\\objh100{\\*\\objclass Package}{\\*\\objdata 0105000002000000}{\\*\\linkself}{\\result cached}}`,
        ],
      ],
      [
        'a picture shape linked to a file',
        () => [
          `{\\shp{\\*\\shpinst\\shpleft0\\shptop0\\shpright2000\\shpbottom2000{\\sp{\\sn shapeType}{\\sv 75}}{\\sp{\\sn pibName}{\\sv ${secretPng}}}{\\sp{\\sn pibFlags}{\\sv 10}}}}`,
        ],
      ],
      ['a template and a mail-merge source', () => [`{\\*\\template ${secretTxt}}{\\*\\mmconnectstr ${url('mm')}}`]],
    ];
    // The renamed .doc (RTF inside) goes through the same path; it is run for the cases that
    // copied the secret on the old code, to keep the suite's LibreOffice time down.
    const renamed = new Set([
      'INCLUDEPICTURE with a path',
      'INCLUDEPICTURE with a file:// URL and \\d',
      'INCLUDEPICTURE relative to the temporary copy',
    ]);
    for (const [what, fields] of cases) {
      for (const ext of renamed.has(what) ? ['.rtf', '.doc'] : ['.rtf']) {
        it(`${what} (${ext}): nothing read from outside, nothing fetched, and the clerk is told`, () => {
          const { dir, out } = importAndBuild(submission(`赣南师大来稿${ext}`, rtf(fields())));
          expect(imagesOf(dir)).toEqual([]);
          expect(out).toMatch(/链接|引用/);
          const item = fs.readdirSync(path.join(dir, 'issues/001')).find((f) => f.endsWith('.md'))!;
          expect(fs.readFileSync(path.join(dir, 'issues/001', item), 'utf8')).toContain('赣南师范大学召开协同提质行动推进会');
        });
      }
    }
  });

  describe('ODT', () => {
    const cases: Array<[string, () => string]> = [
      ['an image linked over HTTP', () => linkedImage(url('odt.png'))],
      ['an image linked to a local file', () => linkedImage(pathToFileURL(secretPng).href)],
      ['an image linked by an absolute path', () => linkedImage(secretPng)],
      [
        'an image linked relative to the temporary copy',
        () => linkedImage(`../${path.relative(os.tmpdir(), secretPng).split(path.sep).join('/')}`),
      ],
      [
        'a section included from a file',
        () =>
          `<text:section text:name="s1"><text:section-source xl:href="${pathToFileURL(secretTxt).href}" text:filter-name="Text"/><text:p>cached</text:p></text:section>`,
      ],
      [
        'a section included over HTTP',
        () => `<text:section text:name="s2"><text:section-source xl:href="${url('section.odt')}"/><text:p>cached</text:p></text:section>`,
      ],
    ];
    for (const [what, body] of cases) {
      it(`${what}: nothing read from outside, nothing fetched, and the clerk is told`, () => {
        const { dir, out, code } = importAndBuild(submission('赣南师大来稿.odt', odt(body())));
        expect(code, out).toBe(0);
        expect(imagesOf(dir)).toEqual([]);
        expect(out).toMatch(/链接|引用/);
      });
    }
  });

  describe('Word 97 .doc', () => {
    it('a picture linked to a local file: not read, left out, and said', () => {
      const doc = docFromOdt(odt(linkedImage(pathToFileURL(secretPng).href)), '赣南师大来稿.doc');
      const { dir, out, code } = importAndBuild(doc);
      expect(code, out).toBe(0);
      expect(imagesOf(dir)).toEqual([]);
      expect(out).toMatch(/链接/);
    });

    it('a picture linked over HTTP: nothing fetched, left out, and said', () => {
      const doc = docFromOdt(odt(linkedImage(url('doc.png'))), '赣南师大来稿.doc');
      const { out, code } = importAndBuild(doc);
      expect(code, out).toBe(0);
      expect(out).toMatch(/链接/);
    });
  });

  describe('.docx (mammoth)', () => {
    it('pictures linked (r:link) or embedded from an external target: not read, not fetched, left out with a note', () => {
      const docx = docxWithLinks([pathToFileURL(secretPng).href, url('docx.png'), secretPng, url('docx2.png')]);
      const { dir, out, code } = importAndBuild(submission('赣南师大来稿.docx', docx));
      expect(code, out).toBe(0);
      expect(imagesOf(dir)).toEqual([]);
      expect(out).toMatch(/有 4 张图片是链接到文件之外的.*没有导入/);
    });
  });
});

describe('a binary .doc or .wps: network paths are made local before LibreOffice sees them', () => {
  it('\\\\server\\share, file://server/ and smb: in 8-bit and UTF-16 text become local names of the same length', async () => {
    const { localiseNetworkPaths } = await import('../../src/import/untrusted/ole.js');
    const parts = [
      Buffer.from('\x13 INCLUDEPICTURE "\\\\evil.example\\share\\x.png" \\d \x14', 'latin1'),
      Buffer.from(' INCLUDEPICTURE "file://evil.example/share/x.png"', 'utf16le'),
      Buffer.from('\x00'),
      Buffer.from('LINK Excel "smb://evil.example/s/x.xls"', 'utf16le'),
      Buffer.from('正文里的网址 http://www.jyt.jiangxi.gov.cn 不动', 'utf8'),
    ];
    const input = Buffer.concat(parts);
    const { bytes, count } = localiseNetworkPaths(input);
    expect(count).toBe(3);
    expect(bytes.length).toBe(input.length);
    expect(bytes.toString('latin1')).toContain('"__evil.example\\share\\x.png"');
    expect(bytes.includes(Buffer.from('"____://evil.example/share/x.png"', 'utf16le'))).toBe(true);
    expect(bytes.includes(Buffer.from('"___://evil.example/s/x.xls"', 'utf16le'))).toBe(true);
    expect(bytes.includes(Buffer.from('http://www.jyt.jiangxi.gov.cn', 'utf8'))).toBe(true);
  });
});
