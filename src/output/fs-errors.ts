/**
 * Every error the file system can give, as a Chinese message that names the file: these are
 * problems of the user's disk, folders and permissions (exit 1), never bugs of ours (exit 2).
 */
import path from 'node:path';

export type FsError = NodeJS.ErrnoException & { code: string };

/** A Node system error (it has an errno code such as ENOENT and the call that failed). */
export function isFsError(e: unknown): e is FsError {
  const err = e as NodeJS.ErrnoException | undefined;
  return (
    typeof err?.code === 'string' && /^E[A-Z0-9]+$/.test(err.code) && (typeof err.syscall === 'string' || typeof err.path === 'string')
  );
}

/** An error about `file` with the given code, as Node would throw it. */
export function fsError(code: string, file: string, syscall: string): FsError {
  const e = new Error(`${code}: ${syscall} '${file}'`) as FsError;
  e.code = code;
  e.path = file;
  e.syscall = syscall;
  return e;
}

/** The same error, about the file the user knows (not the hidden temporary file). */
export function aboutFile(e: unknown, file: string): unknown {
  if (isFsError(e)) {
    e.path = file;
    delete (e as { dest?: string }).dest;
  }
  return e;
}

function shown(p: string | undefined): string {
  if (!p) return '';
  const rel = path.relative(process.cwd(), p);
  return `“${rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : p}”`;
}

export function fsErrorMessage(err: FsError): string {
  const where = shown(err.path);
  const write = err.syscall !== undefined && !['open', 'read', 'stat', 'lstat', 'scandir', 'readlink', 'realpath'].includes(err.syscall);
  const verb = write ? '写入' : '读取';
  switch (err.code) {
    case 'ENOENT':
      return write ? `无法在${where}处新建文件或文件夹：上级文件夹不存在或不能新建文件夹。请换一个输出文件夹（--out）` : `找不到${where}`;
    case 'EEXIST':
      return `${where}已经存在，为避免覆盖，没有改动它。请换一个名字或文件夹`;
    case 'ENOTDIR':
      return `${where}（或它的上级）不是文件夹，而是一个文件。请换一个文件夹（--out 要写文件夹）`;
    case 'EISDIR':
      return `${where}是一个文件夹，不能当作文件${verb}。请移走或改名这个文件夹`;
    case 'ENAMETOOLONG':
      return `文件名或路径太长，无法${verb}${where}（每个文件名最多 255 字节，约 85 个汉字）。请缩短名称或换一个较浅的文件夹`;
    case 'EFBIG':
      return `文件太大，无法${verb}${where}（超过了磁盘或系统允许的大小）`;
    case 'ELOOP':
      return `${where}是循环的链接（快捷方式指向自己），无法${verb}。请删除或改正这个链接`;
    case 'EROFS':
      return `${where}在只读的磁盘上，无法写入。请换一个输出文件夹（--out）`;
    case 'EACCES':
    case 'EPERM':
      return `没有权限${verb}${where}。请检查文件是否正被 Word/WPS 或其他程序打开，或换一个输出文件夹（--out）`;
    case 'EBUSY':
    case 'ETXTBSY':
      return `${where}正被其他程序使用（可能在 Word/WPS 中打开着），无法${verb}。请关闭它后重试`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `磁盘空间不足，无法写入${where}。请清理磁盘后重试；原有文件未被改动`;
    case 'EMFILE':
    case 'ENFILE':
      return `同时打开的文件太多，无法${verb}${where}。请关闭一些程序后重试`;
    case 'ENOTEMPTY':
      return `${where}是一个非空的文件夹，不能用文件替换它。请移走或改名这个文件夹`;
    case 'EXDEV':
      return `无法把文件移动到${where}（不在同一个磁盘上）`;
    case 'EIO':
      return `读写${where}时磁盘出错（EIO）。请检查磁盘或 U 盘是否已拔出、损坏`;
    case 'EINVAL':
      return `${where}的名称或位置不能用于${verb}（EINVAL）。请换一个名字或文件夹`;
    case 'EAGAIN':
    case 'EINTR':
      return `${verb}${where}时被中断，请重试`;
    default:
      return `无法${verb}${where}（${err.code}）。请检查这个文件或文件夹`;
  }
}
