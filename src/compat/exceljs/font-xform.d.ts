/** exceljs's own font writer (lib/xlsx/xform/style/font-xform.js), which its package types do not declare. */
declare module 'exceljs/lib/xlsx/xform/style/font-xform.js' {
  interface ChildXform {
    render(xmlStream: unknown, value: unknown): void;
  }
  class FontXform {
    constructor(options?: { tagName: string; fontNameTag: string });
    options: { tagName: string; fontNameTag: string };
    map: Record<string, { prop: string; xform: ChildXform }>;
    render(xmlStream: { openNode(tag: string): void; closeNode(): void }, model: Record<string, unknown>): void;
  }
  export = FontXform;
}
