/**
 * One preview session's builds: each call re-reads bulletin.yaml, the issue's issue.yaml and
 * sources (parsing again only the files that changed), runs the same checks as `bulletin
 * check`, and renders the web edition; the PDF is made only when its link is asked for. A failed
 * attempt keeps the last good page and records the problems; nothing is written to disk.
 */
import fs from 'node:fs';
import path from 'node:path';
import { checkIssue } from '../check/check-series.js';
import { SERIES_FILE } from '../config/series.js';
import { Diagnostics, UserError, type Diagnostic } from '../diagnostics.js';
import type { Issue } from '../model/types.js';
import { relPath } from '../paths.js';
import { openSeries } from '../pipeline.js';
import type { PageState } from './page.js';
import { SourceCache } from './source-cache.js';

export interface PreviewRenderers {
  html(issue: Issue): Promise<string>;
  pdf(issue: Issue): Promise<Uint8Array>;
}

export class PreviewBuilds {
  generation = 0;
  private good?: { issue: Issue; html: string; generation: number };
  private problems: Diagnostic[] = [];
  private failure?: string;
  private pdfCache?: { generation: number; bytes: Promise<Uint8Array> };
  private readonly sources = new SourceCache();

  constructor(
    readonly root: string,
    /** The issue folder, absolute; fixed for the session so a broken issue.yaml cannot switch issues. */
    readonly issueDir: string,
    private readonly render: PreviewRenderers,
  ) {}

  /** Files outside the issue folder that the last good build read (images), to watch them too. */
  get extraFiles(): string[] {
    const out: string[] = [];
    const visit = (blocks: unknown[]): void => {
      for (const b of blocks as Array<{ type?: string; path?: string; items?: unknown[][] }>) {
        if (b.type === 'image' && b.path) out.push(b.path);
        if (b.type === 'list' && b.items) for (const it of b.items) visit(it);
      }
    };
    const issue = this.good?.issue;
    if (issue) {
      if (issue.note) visit(issue.note.blocks);
      for (const s of issue.sections) for (const e of s.entries) visit(e.kind === 'news' ? e.body : e.blocks);
    }
    return out;
  }

  /** `recent`: the files saved since the last good build, named if the build fails unexpectedly. */
  async rebuild(recent: string[] = []): Promise<void> {
    const diags = new Diagnostics();
    let failure: string | undefined;
    try {
      // Without this check a deleted bulletin.yaml would send openSeries up to a parent folder's
      // series, and the preview must never read outside its own.
      if (!fs.existsSync(path.join(this.root, SERIES_FILE))) throw UserError.at(SERIES_FILE, `不见了：请把它放回 ${this.root}`);
      const ctx = openSeries(this.root);
      diags.merge(ctx.diags);
      const cfg = ctx.issues.find((i) => path.resolve(i.dir) === path.resolve(this.issueDir));
      if (!cfg) {
        failure = `${relPath(this.root, this.issueDir)} 这一期现在读不出来（见上面 issue.yaml 的错误，或文件夹已被移走）`;
      } else {
        const issue = checkIssue(ctx, cfg, diags, this.sources.load);
        this.sources.sweep();
        if (issue && !diags.hasErrors()) {
          const html = await this.render.html(issue);
          this.good = { issue, html, generation: this.generation + 1 };
        }
      }
    } catch (e) {
      if (e instanceof UserError) {
        diags.list.push(...e.diagnostics);
        failure = e.message;
      } else {
        // Whatever else goes wrong (a source nested past the stack, a library's own error) is
        // said on the page; the preview keeps serving the last good version and tries again
        // at the next save.
        failure = `${crashMessage('生成网页版', crashDetail(e), recent)}。${KEPT_SERVING}`;
      }
    }
    // Problems in other issues' issue.yaml do not concern this preview.
    const mine = relPath(this.root, this.issueDir);
    this.problems = diags.list.filter(
      (d) => d.file === 'bulletin.yaml' || d.file === mine || d.file.startsWith(`${mine}/`) || !d.file.includes('/'),
    );
    this.failure = failure;
    this.generation++;
  }

  page(): PageState {
    return {
      generation: this.generation,
      html: this.good?.html,
      pdfPath: this.good ? `/${this.good.issue.meta.fileStem}.pdf` : undefined,
      problems: this.problems,
      failure: this.failure,
    };
  }

  /** The PDF of the last good build, made on first request and kept until the next good build. */
  pdf(): { name: string; bytes: Promise<Uint8Array> } | undefined {
    const good = this.good;
    if (!good) return undefined;
    if (this.pdfCache?.generation !== good.generation) {
      this.pdfCache = { generation: good.generation, bytes: this.render.pdf(good.issue) };
    }
    return { name: `${good.issue.meta.fileStem}.pdf`, bytes: this.pdfCache.bytes };
  }
}

/** What the page adds to a failure that is not an error in the sources. */
export const KEPT_SERVING =
  '预览仍在运行，下面是上一次成功生成的版本；改好最近保存的文件后会自动重试。若一直如此，请把这段消息发给维护人员';

/** A failure that is not the user's input error, as the page and the terminal say it. */
export function crashMessage(what: string, detail: string, recent: string[] = []): string {
  return `${what}时出错（${detail}${recent.length ? `；最近保存的文件：${recent.join('、')}` : ''}）`;
}

/** What went wrong, in the clerk's terms where we can tell. */
export function crashDetail(e: unknown): string {
  return e instanceof RangeError && /call stack/i.test(e.message)
    ? '稿件的层次太深，如很多层 > 引用或列表'
    : String((e as Error)?.message ?? e);
}
