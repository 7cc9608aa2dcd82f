/**
 * Watching what a preview depends on: the issue folder (sources, issue.yaml), bulletin.yaml in
 * the series root, and the folders of images the issue uses.
 *
 * Only folders are watched, each on its own (never `recursive`), and never a file: an editor
 * saves either by rewriting the file in place (Python's open(p, 'w'), Notepad) or by writing a
 * new file and renaming it over the old one (Word, WPS, VS Code's safe write, vim). A watch on
 * a file follows its inode, so after a rename-save it follows the replaced copy and misses
 * every later save; Node's `recursive` watch on Linux watches files that way too. A folder's
 * watch reports both kinds of save by name, on Linux (inotify) and on Windows
 * (ReadDirectoryChangesW). Which file changed, and whether its bytes did, is decided by the
 * rebuild, which reads every file by name again and compares contents.
 *
 * A slow poll of the same files' size, time and identity backs the events up, for folders
 * where events do not arrive (network drives, some virtual machines' shared folders).
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

/** How often the backup poll looks at the watched files; events are the fast path. */
export const POLL_MS = 2000;

export interface WatchOptions {
  /** Milliseconds between polls; 0 turns the poll off (tests of the events alone). */
  pollMs?: number;
}

/** `onChange` hears the files the events named (absolute paths; none when only the poll saw it). */
export function watchSources(root: string, issueDir: string, onChange: (files: string[]) => void, opts: WatchOptions = {}): Watcher {
  const watchers = new Map<string, fs.FSWatcher>();
  /** Folder → the names in it that matter ('all' for the issue folder and its subfolders). */
  const folders = new Map<string, Set<string> | 'all'>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  /** Folder → what the poll last saw in it. */
  const seen = new Map<string, string>();
  let named = new Set<string>();
  const changed = (): void => {
    timer = undefined;
    watchSubfolders();
    // What the events reported is not reported again by the next poll.
    for (const [dir, names] of folders) seen.set(dir, folderSignature(dir, names));
    const files = [...named];
    named = new Set();
    onChange(files);
  };
  const fire = (): void => {
    if (closed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(changed, DEBOUNCE_MS);
  };
  const watchFolder = (dir: string, names: Set<string> | 'all'): void => {
    folders.set(dir, names);
    seen.set(dir, folderSignature(dir, names));
    try {
      const w = fs.watch(dir, { persistent: true }, (_event, name) => {
        if (names !== 'all' && name !== null && !names.has(String(name))) return;
        if (name !== null) named.add(path.join(dir, String(name)));
        fire();
      });
      // A watched folder that is removed ends its watch; the poll still sees the change.
      w.on('error', () => undefined);
      watchers.set(dir, w);
    } catch {
      // A folder that cannot be watched: the poll covers it.
    }
  };
  const issueAbs = path.resolve(issueDir);
  // Subfolders of the issue folder (images/) each get their own watch, as they appear: a
  // picture copied into a new folder is then seen like any other save.
  const watchSubfolders = (): void => {
    const walk = (dir: string, depth: number): void => {
      if (depth > SUBFOLDER_DEPTH) return;
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        if (!e.isDirectory() || e.name.startsWith('.') || watchers.size >= MAX_FOLDERS) continue;
        const sub = path.join(dir, e.name);
        if (folders.get(sub) !== 'all') watchFolder(sub, 'all');
        walk(sub, depth + 1);
      }
    };
    walk(issueAbs, 1);
  };
  watchFolder(issueAbs, 'all');
  watchFolder(path.resolve(root), new Set(['bulletin.yaml']));
  watchSubfolders();

  const pollMs = opts.pollMs ?? POLL_MS;
  const poll =
    pollMs > 0
      ? setInterval(() => {
          for (const [dir, names] of folders) {
            if (folderSignature(dir, names) !== seen.get(dir)) return fire();
          }
        }, pollMs)
      : undefined;
  poll?.unref();

  return {
    add(files) {
      for (const f of files) {
        const abs = path.resolve(f);
        const dir = path.dirname(abs);
        const known = folders.get(dir);
        if (known === 'all') continue;
        if (known) {
          // The root folder is already watched for bulletin.yaml: widen its filter.
          known.add(path.basename(abs));
          seen.set(dir, folderSignature(dir, known));
          continue;
        }
        watchFolder(dir, new Set([path.basename(abs)]));
      }
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      if (poll) clearInterval(poll);
      for (const w of watchers.values()) w.close();
    },
  };
}

/** Subfolders of the issue folder watched, and how deep: pictures sit one or two levels down. */
const SUBFOLDER_DEPTH = 3;
/** Every watch holds an inotify watch (a per-user limit on Linux); an issue needs a handful. */
const MAX_FOLDERS = 64;

/** What the poll compares: each watched file's name, size, modification time and identity. */
function folderSignature(dir: string, names: Set<string> | 'all'): string {
  let list: string[];
  try {
    list = names === 'all' ? fs.readdirSync(dir).sort() : [...names].sort();
  } catch {
    return '-';
  }
  return list
    .map((name) => {
      try {
        const st = fs.statSync(path.join(dir, name));
        return `${name}\0${st.size}\0${st.mtimeMs}\0${st.ino}`;
      } catch {
        return `${name}\0-`;
      }
    })
    .join('\n');
}
