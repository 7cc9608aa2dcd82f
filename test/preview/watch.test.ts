/**
 * The preview's watch sees every way an editor saves a file, again and again, from a fresh
 * start: rewriting it in place (Python's open(p, 'w'), Notepad), writing a temporary file and
 * renaming it over the old one (VS Code's safe write, WPS), vim's backup-and-write, and Word's
 * rename dance. Events alone are tested here (the backup poll is off), so a save the events
 * miss fails the test.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { watchSources } from '../../src/preview/watch.js';
import { cleanupTemp, tempDir } from '../helpers/series.js';

type Save = (file: string, text: string) => void;

const SAVES: Record<string, Save> = {
  'in place': (file, text) => fs.writeFileSync(file, text),
  'temporary file renamed over it': (file, text) => {
    const tmp = path.join(path.dirname(file), `.${path.basename(file)}.tmp-${process.pid}`);
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, file);
  },
  'vim: backup by rename, write anew, drop the backup': (file, text) => {
    fs.renameSync(file, `${file}~`);
    fs.writeFileSync(file, text);
    fs.rmSync(`${file}~`);
  },
  'Word: write ~WRL.tmp, move the old aside, rename the new in, delete the old': (file, text) => {
    const dir = path.dirname(file);
    fs.writeFileSync(path.join(dir, '~WRL0001.tmp'), text);
    fs.renameSync(file, path.join(dir, '~WRD0002.tmp'));
    fs.renameSync(path.join(dir, '~WRL0001.tmp'), file);
    fs.rmSync(path.join(dir, '~WRD0002.tmp'));
  },
};

/** Resolves when `count()` has grown past `before`, or rejects after `ms`. */
async function grew(count: () => number, before: number, ms: number, what: string): Promise<void> {
  const t0 = Date.now();
  while (count() <= before) {
    if (Date.now() - t0 > ms) throw new Error(`no change reported within ${ms} ms after: ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('the preview watch', () => {
  afterAll(cleanupTemp);

  for (const start of [1, 2, 3]) {
    it(`reports every kind of save, each kind three times in turn (fresh start ${start})`, async () => {
      const root = tempDir('bulletin-watch-');
      const issue = path.join(root, 'issues', '001');
      fs.mkdirSync(issue, { recursive: true });
      fs.writeFileSync(path.join(root, 'bulletin.yaml'), 'name: 工作动态\n');
      const item = path.join(issue, '10-省级.md');
      fs.writeFileSync(item, '初稿\n');
      let calls = 0;
      const w = watchSources(root, issue, () => calls++, { pollMs: 0 });
      try {
        await new Promise((r) => setTimeout(r, 50));
        let n = 0;
        for (let round = 0; round < 3; round++) {
          for (const [kind, save] of Object.entries(SAVES)) {
            for (const file of [item, path.join(root, 'bulletin.yaml')]) {
              await new Promise((r) => setTimeout(r, 40));
              const before = calls;
              save(file, `第${++n}次保存\n`);
              await grew(() => calls, before, 1000, `${kind} → ${path.basename(file)} (save ${n})`);
            }
          }
        }
      } finally {
        w.close();
      }
    });
  }

  it('sees a picture copied into a subfolder of the issue that did not exist when the watch began', async () => {
    const root = tempDir('bulletin-watch-');
    const issue = path.join(root, 'issues', '001');
    fs.mkdirSync(issue, { recursive: true });
    let calls = 0;
    const w = watchSources(root, issue, () => calls++, { pollMs: 0 });
    try {
      fs.mkdirSync(path.join(issue, 'images'));
      await grew(() => calls, 0, 1000, 'mkdir images');
      await new Promise((r) => setTimeout(r, 50));
      const before = calls;
      fs.writeFileSync(path.join(issue, 'images', '照片.png'), 'png');
      await grew(() => calls, before, 1000, 'a picture written into images/');
    } finally {
      w.close();
    }
  });
});
