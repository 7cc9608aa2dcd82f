/**
 * The page the preview serves: the web edition as built, with a thin bar on top (status, a link
 * to the PDF of the same sources), the problems of the latest attempt in check's
 * `file:line:column` form, and a tiny script that reloads when a newer build exists. Only the
 * preview carries a script; the web edition itself needs none.
 */
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { markupAttr as esc } from '../output/escape.js';

export const EVENTS_PATH = '/__preview/events';

export interface PageState {
  generation: number;
  /** The web edition of the last build that succeeded, if any. */
  html?: string;
  /** The PDF link of that build, e.g. /工作动态第10期.pdf */
  pdfPath?: string;
  /** Problems of the latest attempt; errors mean the html shown is an older one. */
  problems: Diagnostic[];
  /** A stop that is not tied to a line (bulletin.yaml missing, issue gone, a build that failed). */
  failure?: string;
  /** A build of newer sources is under way (the page shown is the last one finished). */
  building?: boolean;
}

const BAR_STYLE = 'font:14px/1.6 system-ui,sans-serif;background:#f4f4f4;border-bottom:1px solid #ccc;padding:6px 12px;color:#333';
const PANEL = 'font:14px/1.6 ui-monospace,monospace;margin:8px;padding:8px 12px;white-space:pre-wrap;word-break:break-all';
const ERR_STYLE = `${PANEL};background:#fff0f0;border:2px solid #c00;color:#900`;
const WARN_STYLE = `${PANEL};background:#fffbe6;border:2px solid #c90;color:#640`;

function reloadScript(generation: number, nonce: string): string {
  return `<script nonce="${esc(nonce)}">(function(){var g=${generation};var es=new EventSource(${JSON.stringify(EVENTS_PATH)});es.onmessage=function(e){if(Number(e.data)!==g){es.close();location.reload();}};})();</script>`;
}

/** `nonce`: the one script the page's Content-Security-Policy lets run. */
export function previewPage(s: PageState, nonce: string): string {
  const errors = s.problems.filter((d) => d.severity === 'error');
  const lines = sortDiagnostics(s.problems).map(formatDiagnostic);
  if (s.failure) lines.push(`错误：${s.failure}`);
  const failed = errors.length > 0 || Boolean(s.failure);
  const status = failed
    ? s.html
      ? '稿件有错误，下面显示的是上一次成功生成的版本'
      : '稿件有错误，还没有成功生成过'
    : s.building
      ? '正在按刚保存的稿件重新生成，完成后页面会自动刷新'
      : '已是最新';
  const pdf = s.pdfPath && s.html ? ` · <a href="${esc(encodeURI(s.pdfPath))}">PDF（同一稿件生成）</a>` : '';
  const bar = `<div id="bulletin-preview-bar" style="${BAR_STYLE}">预览 · ${esc(status)}${pdf}</div>`;
  const panel = lines.length
    ? `<pre id="bulletin-preview-problems" role="alert" style="${failed ? ERR_STYLE : WARN_STYLE}">${esc(lines.join('\n'))}</pre>`
    : '';
  const top = bar + panel;
  const script = reloadScript(s.generation, nonce);
  if (!s.html) {
    return `<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>预览</title></head><body style="margin:0">${top}${script}</body></html>\n`;
  }
  const bodyOpen = /<body[^>]*>/i.exec(s.html);
  if (!bodyOpen) return top + s.html + script;
  const at = bodyOpen.index + bodyOpen[0].length;
  const withTop = s.html.slice(0, at) + top + s.html.slice(at);
  const close = withTop.toLowerCase().lastIndexOf('</body>');
  return close < 0 ? withTop + script : withTop.slice(0, close) + script + withTop.slice(close);
}
