/**
 * Which file a preview URL may name: a file inside the series folder, reached without `..`,
 * without an absolute or drive path, without a hidden folder (.git), and — after following
 * symlinks — still inside the series. Anything else is refused before the disk is touched
 * beyond a realpath.
 */
import fs from 'node:fs';
import path from 'node:path';

export type Resolved = { ok: true; abs: string } | { ok: false; status: 400 | 403 | 404; reason: string };

export function resolveInSeries(root: string, urlPath: string): Resolved {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { ok: false, status: 400, reason: '地址编码有误' };
  }
  // Decoding once more would let %252e%252e through a second decoder; a literal % after
  // decoding is rare in a file name and never needed here.
  if (decoded.includes('\0') || decoded.includes('\\') || /%[0-9a-f]{2}/i.test(decoded)) {
    return { ok: false, status: 403, reason: '地址中含有不允许的字符' };
  }
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) return { ok: false, status: 403, reason: '不允许访问系列文件夹以外的文件' };
  if (segments.some((s) => s.startsWith('.'))) return { ok: false, status: 403, reason: '不提供隐藏文件' };
  if (segments.length > 0 && /^[a-z]:$/i.test(segments[0]!)) return { ok: false, status: 403, reason: '不允许使用绝对路径' };
  if (/^\/\//.test(decoded)) return { ok: false, status: 403, reason: '不允许使用绝对路径' };
  const rootReal = fs.realpathSync(root);
  const target = path.join(rootReal, ...segments);
  let real: string;
  try {
    real = fs.realpathSync(target);
  } catch {
    return { ok: false, status: 404, reason: '没有这个文件' };
  }
  if (real !== rootReal && !real.startsWith(rootReal + path.sep)) {
    return { ok: false, status: 403, reason: '这个链接指向系列文件夹以外，不提供' };
  }
  if (!fs.statSync(real).isFile()) return { ok: false, status: 404, reason: '没有这个文件' };
  return { ok: true, abs: real };
}
