/**
 * A submission as it goes to LibreOffice: without what would make the converter read a file
 * outside it or fetch anything (src/import/untrusted/{rtf,odt}.ts), under the name of what it
 * really is. A Word 97 .doc or .wps cannot be taken apart safely here: its network paths are
 * made local in place (ole.ts), the converter's own settings (libreoffice.ts: links blocked,
 * no network) do the rest, and what the converted file still links to is left out when it is
 * read (docx-to-mdast.ts).
 */
import { ImportError, type Submission } from '../read-submission.js';
import { OdtUnreadable, sanitizeOdt } from './odt.js';
import { localiseNetworkPaths } from './ole.js';
import { sanitizeRtf } from './rtf.js';

export interface Prepared {
  bytes: Uint8Array;
  /** Extension for the temporary copy, by content: LibreOffice picks its reader partly by it. */
  ext: string;
  /** References to outside content that were taken out. */
  leftOut: number;
}

const ZIP = Buffer.from('PK\x03\x04', 'latin1');

export function prepareForConversion(sub: Submission): Prepared {
  if (sub.bytes.subarray(0, 5).toString('latin1') === '{\\rtf') {
    const { text, removed } = sanitizeRtf(sub.bytes.toString('latin1'));
    return { bytes: Buffer.from(text, 'latin1'), ext: '.rtf', leftOut: removed.linkFields + removed.linkedObjects + removed.references };
  }
  if (sub.bytes.subarray(0, 4).equals(ZIP)) {
    try {
      const { bytes, removed } = sanitizeOdt(sub.bytes);
      return { bytes, ext: '.odt', leftOut: removed.linked };
    } catch (e) {
      if (!(e instanceof OdtUnreadable)) throw e;
      throw new ImportError(
        `${sub.name} 是 OpenDocument（.odt）文件，但内容已损坏或设置了密码，无法读取。请用 WPS 或 Word 打开它，另存为 .docx 后再导入`,
      );
    }
  }
  const ext = /^\.(doc|wps)$/i.test(sub.name.slice(sub.name.lastIndexOf('.')))
    ? sub.name.slice(sub.name.lastIndexOf('.')).toLowerCase()
    : '.doc';
  const { bytes, count } = localiseNetworkPaths(sub.bytes);
  return { bytes, ext, leftOut: count };
}

/** What the clerk is told when references to outside content were taken out. */
export function leftOutNote(n: number): string {
  return (
    `来稿里有 ${n} 处引用了文件之外的内容（如 INCLUDEPICTURE、INCLUDETEXT 等域，链接的图片、对象、模板或数据源），没有导入：` +
    '导入时不读取来稿以外的任何文件，也不联网。需要这些图片或文字时，请供稿单位把它们直接插入文档后重发'
  );
}
