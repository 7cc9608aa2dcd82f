/**
 * The drafts `bulletin new` writes beside issue.yaml — the editor's note and one per section,
 * holding only writing hints — and whether one is still exactly as written, so that `import`
 * can take an untouched draft's place.
 */
import fs from 'node:fs';
import path from 'node:path';
import { NOTE_SECTION, type Series } from '../config/series.js';
import { TEMPLATES_DIR } from '../paths.js';
import { MAX_SOURCE_BYTES } from './read-text.js';
import { readUserText } from './user-file.js';

export interface StubFile {
  name: string;
  section: string;
  text: string;
}

function template(name: string): string {
  return fs.readFileSync(path.join(TEMPLATES_DIR, 'issue', name), 'utf8');
}

export function issueStubs(series: Series): StubFile[] {
  const stubs: StubFile[] = [{ name: '00-编者按.md', section: NOTE_SECTION, text: template('note.md') }];
  series.sections.forEach((s, i) => {
    stubs.push({
      name: `${String((i + 1) * 10).padStart(2, '0')}-${s.name}.md`,
      section: s.name,
      text: template(s.kind === 'news' ? 'news.md' : 'articles.md').replace(/\{section\}/g, s.name),
    });
  });
  return stubs;
}

/** The draft of `section` in `issueDir`, if it is there byte for byte as `new` wrote it. */
export function untouchedStub(series: Series, issueDir: string, section: string): string | undefined {
  const stub = issueStubs(series).find((s) => s.section === section);
  if (!stub) return undefined;
  const abs = path.join(issueDir, stub.name);
  try {
    // A FIFO or a folder in the draft's place is no draft (and would block a plain read).
    return readUserText(abs, { shown: stub.name, maxBytes: MAX_SOURCE_BYTES }) === stub.text ? abs : undefined;
  } catch {
    return undefined;
  }
}
