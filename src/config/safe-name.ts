/**
 * Names the user writes that become parts of file and folder names: section names (the stub
 * files `new` writes), 增刊/专刊 names (folders and output files). They must stay one plain name
 * inside the series: no path separators, no `..`, nothing Windows refuses in a file name.
 */
import path from 'node:path';

/** Why a name cannot be part of a file name, in Chinese; undefined when it can. */
export function unsafeNameReason(name: string): string | undefined {
  if (/[/\\]/.test(name)) return '不能含有“/”或“\\”';
  if (name.includes('..') || name === '.') return '不能含有“..”';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return '不能含有换行、制表符等控制字符';
  if (/[<>:"|?*]/.test(name)) return '不能含有 < > : " | ? * 这些符号（Windows 的文件名里不能用）';
  if (Buffer.byteLength(name) > 60) return '太长了（最多 20 个汉字）';
  return undefined;
}

/** Whether `target` is `root` or inside it, as written (no symlinks followed). */
export function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel));
}
