/**
 * `bulletin volume`: the bound volume (合订本) of a span of issues, as one PDF and its 目录 as a
 * DOCX. Each issue's pages come as they were issued (the archived PDF) or as `build` makes them
 * now (an issued issue from its record, a draft from its sources); the front matter — cover and
 * 目录 — is composed from what each issue holds and the volume page where each part begins, set
 * by the layout and drawn as the issues are; pdf-lib joins the pages (join.ts).
 */
import { PDFDocument, ParseSpeeds } from 'pdf-lib';
import { issueContents, type ContentsEntry } from '../archive/contents.js';
import { asIssued } from '../archive/record.js';
import { sha256 } from '../archive/inputs.js';
import { formatChineseDate, parseIsoDate, type CalendarDate } from '../dates.js';
import type { Diagnostic } from '../diagnostics.js';
import { Faces } from '../fonts/faces.js';
import { FontResolver } from '../fonts/resolve.js';
import { placeVolumeFront } from '../layout/place-volume-front.js';
import { VOLUME } from '../layout/spec.js';
import { composeVolumeFront, type VolumeFront } from '../layout/volume-front.js';
import { fontChoices } from '../model/build-issue.js';
import type { Volume, VolumeIssue } from '../model/volume.js';
import { fileStem } from '../numbering/label.js';
import { relPath } from '../paths.js';
import type { SeriesContext } from '../pipeline.js';
import { formatById } from '../render/formats.js';
import { renderIssue } from '../render-issue.js';
import { joinVolume, type JoinedIssue } from './join.js';
import type { IssuePlan } from './plan.js';
import { spanText, type Span } from './span.js';

export interface VolumeProgress {
  start(total: number): void;
  step(label: string): void;
  stop(): void;
}

export interface VolumeFiles {
  fileStem: string;
  pdf: Uint8Array;
  docx: Uint8Array;
  pages: { cover: number; contents: number; issues: number };
  /** Warnings of the issues built now (a wide table set smaller, …). */
  warnings: Diagnostic[];
}

interface Gathered {
  label: string;
  isoDate: string;
  doc: PDFDocument;
  contents: ContentsEntry[];
  sha256: string;
  source: string;
}

/** An issue's PDF and where its parts begin, from the archive or built now as `build` does. */
async function gather(ctx: SeriesContext, plan: IssuePlan, warnings: Diagnostic[]): Promise<Gathered> {
  const source = relPath(ctx.series.root, plan.cfg.dir);
  if (plan.origin === 'archive') {
    return { label: plan.entry.label, isoDate: plan.entry.date, doc: plan.doc, contents: plan.contents, sha256: plan.sha256, source };
  }
  const as = plan.origin === 'record' ? asIssued(ctx, plan.cfg, plan.record) : { ctx, cfg: plan.cfg };
  const { issue, files, paged, warnings: w } = await renderIssue(as.ctx, as.cfg, [formatById('pdf')!]);
  warnings.push(...w.list);
  const bytes = files[0]!.bytes;
  const doc = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  return {
    label: issue.masthead.label,
    isoDate: issue.meta.isoDate,
    doc,
    contents: issueContents(issue, paged!),
    sha256: sha256(bytes),
    source,
  };
}

function frontFaces(ctx: SeriesContext): Faces {
  return new Faces(new FontResolver({ fonts: fontChoices(ctx.series), seriesRoot: ctx.series.root }), () => undefined);
}

export async function makeVolume(ctx: SeriesContext, span: Span, plans: IssuePlan[], progress: VolumeProgress): Promise<VolumeFiles> {
  const warnings: Diagnostic[] = [];
  const gathered: Gathered[] = [];
  progress.start(plans.length);
  try {
    for (const plan of plans) {
      const g = await gather(ctx, plan, warnings);
      gathered.push(g);
      progress.step(`${g.label}${plan.origin === 'archive' ? '' : '（生成）'}`);
    }
  } finally {
    progress.stop();
  }

  // 目录 lines and bookmarks name a news item without the 。 its lead ends in.
  for (const g of gathered) g.contents = g.contents.map((c) => (c.kind === 'news' ? { ...c, text: VOLUME.contents.headline(c.text) } : c));
  let page = 1;
  const issues: VolumeIssue[] = gathered.map((g) => {
    const first = page;
    page += g.doc.getPageCount();
    const date = parseIsoDate(g.isoDate) as CalendarDate;
    return {
      label: g.label,
      date: formatChineseDate(date),
      page: first,
      entries: g.contents.map((c) => ({ ...c, page: first + c.page - 1 })),
      at: { file: g.source, line: 1 },
    };
  });
  const volume: Volume = {
    seriesLine: ctx.series.seriesLine,
    name: ctx.series.name,
    publisher: ctx.series.publisher,
    ...(span.year !== undefined ? { year: span.year } : {}),
    span: spanText(gathered.map((g) => g.label)),
    isoDate: gathered.at(-1)!.isoDate,
    fileStem: fileStem(ctx.series.name, `${span.fileLabel}合订本`),
    fonts: fontChoices(ctx.series),
    seriesRoot: ctx.series.root,
    issues,
  };
  const front: VolumeFront = composeVolumeFront(volume);
  const faces = frontFaces(ctx);
  const placed = placeVolumeFront(front, faces);
  const { drawPdf } = await import('../render/pdf/render-pdf.js');
  const frontBytes = await drawPdf(placed, faces);
  const { renderContentsDocx } = await import('../render/docx/contents-docx.js');

  const joined: JoinedIssue[] = gathered.map((g, i) => ({
    doc: g.doc,
    title: `${g.label}（${issues[i]!.date}）`,
    entries: g.contents,
    sha256: g.sha256,
  }));
  const pdf = await joinVolume({
    front: await PDFDocument.load(frontBytes, { updateMetadata: false }),
    frontSha256: sha256(frontBytes),
    coverPages: placed.coverPages,
    contentsPages: placed.contentsPages,
    issues: joined,
    meta: front.meta,
    labels: front.labels,
    marks: { cover: front.labels.cover, contents: front.labels.contents },
  });
  return {
    fileStem: volume.fileStem,
    pdf,
    docx: await renderContentsDocx(front),
    pages: { cover: placed.coverPages, contents: placed.contentsPages, issues: page - 1 },
    warnings,
  };
}
