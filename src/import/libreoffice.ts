/**
 * .doc, .wps, .rtf and .odt have no maintained JavaScript reader; LibreOffice reads them all
 * faithfully, so when it is installed it turns them into .docx and the .docx path takes over.
 * A private profile keeps it from clashing with a LibreOffice the clerk has open (and from
 * touching the clerk's settings); a timeout keeps a damaged file from hanging the import.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ImportError, type Submission } from './read-submission.js';

const TIMEOUT_MS = 120_000;

/** soffice on PATH, in the usual install folders, or where BULLETIN_SOFFICE says. */
export function findSoffice(): string | undefined {
  const env = process.env.BULLETIN_SOFFICE;
  if (env !== undefined) return fs.existsSync(env) ? env : undefined;
  const names = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  if (process.platform === 'win32') {
    for (const base of [process.env.ProgramFiles, process.env['ProgramFiles(x86)']]) if (base) dirs.push(path.join(base, 'LibreOffice', 'program'));
  } else if (process.platform === 'darwin') {
    dirs.push('/Applications/LibreOffice.app/Contents/MacOS');
  }
  for (const d of dirs) for (const n of names) if (fs.existsSync(path.join(d, n))) return path.join(d, n);
  return undefined;
}

export function convertWithLibreOffice(sub: Submission): Buffer {
  const soffice = findSoffice();
  const ext = path.extname(sub.name).toLowerCase() || '.doc';
  if (!soffice) {
    throw new ImportError(
      `${sub.name} 是旧版 Word/WPS 格式（${ext}），要装有 LibreOffice 才能导入，但这台电脑上没有找到它。` +
        '请任选其一：用 Word 或 WPS 打开它，另存为 .docx 后再导入；或安装 LibreOffice（https://zh-cn.libreoffice.org，可离线安装）后重试',
    );
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-import-'));
  try {
    // An ASCII name inside our own folder: no quoting trouble, and the original stays untouched.
    const input = path.join(work, `submission${/^\.[a-z]{2,4}$/.test(ext) ? ext : '.doc'}`);
    fs.writeFileSync(input, sub.bytes);
    const profile = pathToFileURL(path.join(work, 'profile')).href;
    const r = spawnSync(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', work, input], {
      timeout: TIMEOUT_MS,
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    });
    const output = path.join(work, 'submission.docx');
    if (r.error && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') {
      throw new ImportError(`LibreOffice 在 ${TIMEOUT_MS / 1000} 秒内没有转换完 ${sub.name}，文件可能已损坏或设置了密码。请用 Word 或 WPS 打开它，另存为 .docx 后再导入`);
    }
    if (!fs.existsSync(output) || fs.statSync(output).size === 0) {
      throw new ImportError(`LibreOffice 无法转换 ${sub.name}（文件可能已损坏或设置了密码）。请用 Word 或 WPS 打开它，另存为 .docx 后再导入`);
    }
    return fs.readFileSync(output);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
