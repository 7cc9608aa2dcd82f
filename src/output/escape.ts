/**
 * The one escaping for text that comes from files and names the user did not write (a
 * submission's file name, a unit from a front matter, a label from an archived manifest) and
 * goes into something with structure: a CSV cell, a YAML comment or value, a terminal line.
 * What is escaped stays visible, so the clerk still sees what the file said.
 */
import { Document, type ScalarTag, type SchemaOptions, type ToStringOptions } from 'yaml';

// C0 and C1 controls, DEL, line and paragraph separators, and the bidirectional controls that
// reorder what a terminal shows (a name can make "exe.docx" look like "docx.exe").
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// The same without newline and tab, which a multi-line message uses as such.
// eslint-disable-next-line no-control-regex
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function visible(c: string): string {
  const code = c.codePointAt(0)!;
  return code < 0x100 ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * A name or value inside one line of text (a message, a YAML comment): every control
 * character, line break and direction override shown as \xNN or \uNNNN, so the line stays one
 * line and reads in its own order.
 */
export function oneLine(s: string): string {
  return s.replace(CONTROL, visible);
}

/** A name with its control characters removed, for a file name made from it. */
export function withoutControls(s: string): string {
  return s.replace(CONTROL, '');
}

/**
 * What goes to the terminal: newlines and tabs stay, every other control (ESC starts the
 * sequences that move the cursor, retitle the window or rewrite earlier lines) is shown escaped.
 */
export function terminalText(s: string): string {
  return s.replace(CONTROL_IN_TEXT, visible);
}

/**
 * Text into HTML or XML element content (the web edition, the archive's index, the preview's
 * bar, the DOCX's and ODT's XML): & < > as entities. The one markup escaper.
 */
export function markupText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Text into a double-quoted HTML or XML attribute value. */
export function markupAttr(s: string): string {
  return markupText(s).replace(/"/g, '&quot;');
}

/**
 * A CSV cell that Excel and WPS never read as a formula (OWASP "CSV injection"): a cell that
 * starts with = + - @, a tab or a carriage return (or their full-width forms, which WPS may
 * take for them) gets a leading apostrophe. A plain number stays a number. Then the RFC 4180
 * quoting of commas, quotes and line breaks.
 */
export function csvCell(text: string): string {
  let cell = text;
  if (/^[=+\-@\t\r＝＋－＠]/.test(cell) && !/^-?\d+(\.\d+)?%?$/.test(cell)) cell = `'${cell}`;
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** A string as a YAML double-quoted scalar, every control and direction character as an escape. */
function yamlDoubleQuoted(v: string): string {
  const named: Record<string, string> = { '\n': '\\n', '\t': '\\t', '\r': '\\r', '"': '\\"', '\\': '\\\\' };
  return `"${v.replace(/[\\"\n\t\r]/g, (c) => named[c]!).replace(YAML_ESCAPED, visible)}"`;
}

// What a YAML file written here never holds raw: the controls above and a stray BOM.
// eslint-disable-next-line no-control-regex
const YAML_ESCAPED = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

/**
 * The yaml package's own double quotes leave DEL, C1 and direction characters raw (and fold
 * line breaks over several lines); strings that hold any of them are written by this tag
 * instead, escaped, on one line. Strings without them are written as the package writes them.
 */
const CONTROLLED_STRING = {
  identify: (v: unknown): boolean => typeof v === 'string' && new RegExp(YAML_ESCAPED.source).test(v),
  default: true,
  tag: 'tag:yaml.org,2002:str',
  resolve: (s: string): string => s,
  stringify: (item: { value: unknown }): string => yamlDoubleQuoted(String(item.value)),
};

/** Options for a yaml Document (new or parsed) whose new strings must be written by CONTROLLED_STRING. */
export const YAML_DOCUMENT: SchemaOptions = { customTags: (tags) => [CONTROLLED_STRING as ScalarTag, ...tags] };

/** How the YAML files written here are laid out: no folding. */
export const YAML_OUTPUT: ToStringOptions = { lineWidth: 0 };

/**
 * YAML for a front matter or a log: as the yaml package writes it, except that any string
 * holding a control character, a line break or a direction override is written double-quoted
 * with escapes, on one line — never as a block that a `---` line or a stray key could break
 * out of, and never with a raw control that check would then report in the tool's own output.
 */
export function yamlText(value: unknown): string {
  return new Document(value, YAML_DOCUMENT).toString(YAML_OUTPUT);
}
