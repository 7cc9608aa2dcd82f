/** Local images referenced from Markdown: where they may live and what they are. */
import fs from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';
import { isInside } from '../config/safe-name.js';
import { pngProblem } from './png-check.js';
import { FileRefused, kindName, readUserFile } from './user-file.js';

export type ImageProbe =
  | { ok: true; path: string; format: 'png' | 'jpeg'; widthPx: number; heightPx: number }
  | { ok: false; message: string };

/** Images larger than this are refused: they would only bloat the files. */
export const MAX_IMAGE_BYTES = 50 * 1024 * 1024;

export function probeImage(url: string, mdFile: string, seriesRoot: string): ImageProbe {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) && !/^[a-z]:[\\/]/i.test(url)) {
    return {
      ok: false,
      message: `图片“${url}”是网络地址；简报只用本地图片，请把图片下载后放进本期文件夹，再写相对路径（如 images/photo.jpg）`,
    };
  }
  if (path.isAbsolute(url) || /^[a-z]:[\\/]/i.test(url)) {
    return {
      ok: false,
      message: `图片“${url}”是绝对路径，换一台电脑就找不到了；请把图片放进本期文件夹，再写相对路径（如 images/photo.jpg）`,
    };
  }
  let decoded = url;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    /* keep as written */
  }
  const abs = path.resolve(path.dirname(mdFile), decoded);
  const rel = path.relative(seriesRoot, abs);
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    return { ok: false, message: `图片“${url}”在简报系列文件夹之外；请把图片复制到本期文件夹中再引用` };
  }
  let stat: fs.Stats;
  try {
    stat = fs.statSync(abs);
  } catch {
    return { ok: false, message: `找不到图片“${url}”（应在 ${rel.split(path.sep).join('/')}）；请检查文件名和大小写` };
  }
  // A symlink (or a symlinked folder on the way) may lead out of the series: judge where the
  // bytes really are.
  if (!isInside(realOr(seriesRoot), realOr(abs))) {
    return { ok: false, message: `图片“${url}”在简报系列文件夹之外（是指向外面的链接）；请把图片复制到本期文件夹中再引用` };
  }
  if (!stat.isFile()) return { ok: false, message: `图片“${url}”不是文件（是${kindName(stat)}）` };
  if (stat.size > MAX_IMAGE_BYTES) {
    return { ok: false, message: `图片“${url}”有 ${Math.round(stat.size / 1048576)} MB，超过 50 MB 的上限；请先压缩图片` };
  }
  let bytes: Buffer;
  try {
    bytes = readUserFile(abs, { shown: url, maxBytes: MAX_IMAGE_BYTES, what: '图片', tooLargeHint: '请先压缩图片' });
  } catch (e) {
    if (e instanceof FileRefused) return { ok: false, message: `图片“${url}”：${e.detail}` };
    throw e;
  }
  const format = sniff(bytes);
  if (!format) {
    return { ok: false, message: `图片“${url}”不是 PNG 或 JPEG 格式；请用画图等工具另存为 PNG 或 JPEG` };
  }
  // The PDF writer decodes the whole image; a damaged file must stop here, with its name.
  if (format === 'png') {
    const problem = pngProblem(bytes);
    if (problem)
      return { ok: false, message: `图片“${url}”已损坏或不能用：${problem}。请重新导出该图片，或用画图等工具另存为 PNG 或 JPEG` };
  } else if (!jpegIntact(bytes)) {
    return { ok: false, message: `图片“${url}”已损坏或不完整（可能没有下载或复制完）；请重新导出该图片` };
  }
  try {
    const size = imageSize(bytes);
    if (!size.width || !size.height) throw new Error('no size');
    // EXIF orientations 5–8 swap width and height on the page.
    const swap = size.orientation !== undefined && size.orientation >= 5;
    return { ok: true, path: abs, format, widthPx: swap ? size.height : size.width, heightPx: swap ? size.width : size.height };
  } catch {
    return { ok: false, message: `图片“${url}”已损坏，无法读取尺寸；请重新导出该图片` };
  }
}

function realOr(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}

/** Segments inside the file up to the frame header (SOF) the PDF writer reads the size from. */
function jpegIntact(b: Buffer): boolean {
  let at = 2;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return false;
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    const len = b.readUInt16BE(at + 2);
    if (len < 2 || at + 2 + len > b.length) return false;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return true;
    at += 2 + len;
  }
  return false;
}

function sniff(b: Buffer): 'png' | 'jpeg' | undefined {
  if (b.length > 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'png';
  if (b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  return undefined;
}
