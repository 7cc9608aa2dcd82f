/**
 * The preview's memory of source files: each file is parsed and checked again only when its
 * bytes change. A save touches one item, so a rebuild re-reads every file (a few kilobytes)
 * but parses one. What loading and the per-file rules reported is kept with the file and
 * reported again on every rebuild, so the page's messages stay those of `bulletin check`.
 */
import { loadCheckedSource } from '../check/check-series.js';
import { Diagnostics } from '../diagnostics.js';
import type { SourceFile, SourceLoader } from '../sources/load.js';
import { MAX_SOURCE_BYTES } from '../sources/read-text.js';
import { readUserFile } from '../sources/user-file.js';

interface Entry {
  seriesRoot: string;
  bytes: Buffer;
  source: SourceFile | undefined;
  diagnostics: Diagnostics;
}

export class SourceCache {
  private readonly entries = new Map<string, Entry>();

  /** Files not asked for since the last `sweep` are forgotten then (deleted or renamed items). */
  private seen = new Set<string>();

  readonly load: SourceLoader = (abs, seriesRoot, diags) => {
    this.seen.add(abs);
    let bytes: Buffer;
    try {
      bytes = readUserFile(abs, { shown: abs, maxBytes: MAX_SOURCE_BYTES });
    } catch {
      // Unreadable now (or a FIFO, a folder, too large): let the loader say so, and keep nothing.
      this.entries.delete(abs);
      return loadCheckedSource(abs, seriesRoot, diags);
    }
    let e = this.entries.get(abs);
    if (!e || e.seriesRoot !== seriesRoot || !e.bytes.equals(bytes)) {
      const own = new Diagnostics();
      e = { seriesRoot, bytes, source: loadCheckedSource(abs, seriesRoot, own), diagnostics: own };
      this.entries.set(abs, e);
    }
    diags.merge(e.diagnostics);
    return e.source;
  };

  sweep(): void {
    for (const abs of this.entries.keys()) if (!this.seen.has(abs)) this.entries.delete(abs);
    this.seen = new Set();
  }
}
