/**
 * Watching what a preview depends on: the issue folder (sources, issue.yaml; recursively),
 * bulletin.yaml in the series root, and the folders of images the issue uses. Folders are
 * watched rather than files, because editors save by writing a new file and renaming it over
 * the old one, which ends a watch on the old file. Bursts of events are debounced into one call.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface Watcher {
  /** Also watch these files (their folders, non-recursively); repeated folders are ignored. */
  add(files: string[]): void;
  close(): void;
}

/**
 * An editor's save is a burst of events within a millisecond or two (write a new file, rename
 * it over the old); a slower second step only costs one more rebuild, never a wrong page.
 */
export const DEBOUNCE_MS = 10;

export function watchSources(root: string, issueDir: string, onChange: () => void): Watcher {
  const watchers: fs.FSWatcher[] = [];
  const folders = new Map<string, Set<string> | 'all'>();
  let timer: NodeJS.Timeout | undefined;
  const fire = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      onChange();
    }, DEBOUNCE_MS);
  };
  const watchFolder = (dir: string, recursive: boolean, names?: Set<string>): void => {
    try {
      const w = fs.watch(dir, { recursive, persistent: true }, (_event, name) => {
        if (names && name !== null && !names.has(String(name))) return;
        fire();
      });
      w.on('error', () => undefined);
      watchers.push(w);
    } catch {
      // A folder that vanished or cannot be watched: the next successful build adds it again.
    }
  };
  const issueAbs = path.resolve(issueDir);
  folders.set(issueAbs, 'all');
  watchFolder(issueAbs, true);
  const rootNames = new Set(['bulletin.yaml']);
  folders.set(path.resolve(root), rootNames);
  watchFolder(path.resolve(root), false, rootNames);
  return {
    add(files) {
      for (const f of files) {
        const abs = path.resolve(f);
        if (abs.startsWith(issueAbs + path.sep)) continue;
        const dir = path.dirname(abs);
        const known = folders.get(dir);
        if (known === 'all') continue;
        if (known) {
          // The root folder is already watched for bulletin.yaml: widen its filter.
          known.add(path.basename(abs));
          continue;
        }
        const names = new Set([path.basename(abs)]);
        folders.set(dir, names);
        watchFolder(dir, false, names);
      }
    },
    close() {
      if (timer) clearTimeout(timer);
      for (const w of watchers) w.close();
    },
  };
}
