/**
 * .doc, .wps, .rtf and .odt have no maintained JavaScript reader; LibreOffice reads them all
 * faithfully, so when it is installed it turns them into .docx and the .docx path takes over.
 * A private profile keeps it from clashing with a LibreOffice the clerk has open (and from
 * touching the clerk's settings); a timeout keeps a damaged file from hanging the import.
 *
 * The submission is untrusted: it may name a local file or a URL to pull in. What can be
 * taken out before conversion is (untrusted/), and the private profile makes LibreOffice
 * itself follow no link: links from a document are blocked (it is in no trusted location),
 * links and fields are never updated, active content (OLE, DDE) and macros are off, and every
 * network protocol goes to a proxy that does not exist.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ImportError, type Submission } from './read-submission.js';
import { prepareForConversion } from './untrusted/index.js';

const TIMEOUT_MS = 120_000;

/** soffice on PATH, in the usual install folders, or where BULLETIN_SOFFICE says. */
export function findSoffice(): string | undefined {
  const env = process.env.BULLETIN_SOFFICE;
  if (env !== undefined) return fs.existsSync(env) ? env : undefined;
  const names = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  if (process.platform === 'win32') {
    for (const base of [process.env.ProgramFiles, process.env['ProgramFiles(x86)']])
      if (base) dirs.push(path.join(base, 'LibreOffice', 'program'));
  } else if (process.platform === 'darwin') {
    dirs.push('/Applications/LibreOffice.app/Contents/MacOS');
  }
  for (const d of dirs) for (const n of names) if (fs.existsSync(path.join(d, n))) return path.join(d, n);
  return undefined;
}

const item = (p: string, name: string, value: string | number | boolean): string =>
  `<item oor:path="${p}"><prop oor:name="${name}" oor:op="fuse"><value>${value}</value></prop></item>`;

/** The settings of the private profile (registrymodifications.xcu): nothing followed, nothing fetched. */
export function lockedDownProfile(): string {
  const scripting = '/org.openoffice.Office.Common/Security/Scripting';
  const update = '/org.openoffice.Office.Writer/Content/Update';
  const inet = '/org.openoffice.Inet/Settings';
  // Port 1 on this computer: nothing listens there, so any request fails at once.
  const proxies = ['HTTP', 'HTTPS', 'FTP'].flatMap((p) => [
    item(inet, `ooInet${p}ProxyName`, '127.0.0.1'),
    item(inet, `ooInet${p}ProxyPort`, 1),
  ]);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    item(scripting, 'BlockUntrustedRefererLinks', true),
    item(scripting, 'DisableActiveContent', true),
    item(scripting, 'MacroSecurityLevel', 3),
    item(scripting, 'DisableMacrosExecution', true),
    item(update, 'Link', 2),
    item(update, 'Field', false),
    item(inet, 'ooInetProxyType', 1),
    item(inet, 'ooInetNoProxy', ''),
    ...proxies,
    '</oor:items>',
    '',
  ].join('\n');
}

/** The submission as .docx, and how many references to outside content were taken out before conversion. */
export function convertWithLibreOffice(sub: Submission): { docx: Buffer; leftOut: number } {
  const soffice = findSoffice();
  const ext = path.extname(sub.name).toLowerCase() || '.doc';
  if (!soffice) {
    throw new ImportError(
      `${sub.name} 是旧版 Word/WPS 格式（${ext}），要装有 LibreOffice 才能导入，但这台电脑上没有找到它。` +
        '请任选其一：用 Word 或 WPS 打开它，另存为 .docx 后再导入；或安装 LibreOffice（https://zh-cn.libreoffice.org，可离线安装）后重试',
    );
  }
  const prepared = prepareForConversion(sub);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-import-'));
  try {
    // An ASCII name inside our own folder: no quoting trouble, and the original stays untouched.
    const input = path.join(work, `submission${prepared.ext}`);
    fs.writeFileSync(input, prepared.bytes);
    const profileDir = path.join(work, 'profile');
    fs.mkdirSync(path.join(profileDir, 'user'), { recursive: true });
    fs.writeFileSync(path.join(profileDir, 'user', 'registrymodifications.xcu'), lockedDownProfile());
    const profile = pathToFileURL(profileDir).href;
    const r = spawnSync(
      soffice,
      [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', work, input],
      {
        timeout: TIMEOUT_MS,
        stdio: ['ignore', 'pipe', 'pipe'],
        encoding: 'utf8',
      },
    );
    const output = path.join(work, 'submission.docx');
    if (r.error && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') {
      throw new ImportError(
        `LibreOffice 在 ${TIMEOUT_MS / 1000} 秒内没有转换完 ${sub.name}，文件可能已损坏或设置了密码。请用 Word 或 WPS 打开它，另存为 .docx 后再导入`,
      );
    }
    if (!fs.existsSync(output) || fs.statSync(output).size === 0) {
      throw new ImportError(
        `LibreOffice 无法转换 ${sub.name}（文件可能已损坏或设置了密码）。请用 Word 或 WPS 打开它，另存为 .docx 后再导入`,
      );
    }
    return { docx: fs.readFileSync(output), leftOut: prepared.leftOut };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
