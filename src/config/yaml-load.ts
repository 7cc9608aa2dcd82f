/**
 * YAML with positions and schema checks: bulletin.yaml, issue.yaml and Markdown front matter
 * all go through here, so every mistake in them is reported the same way, at its line.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ErrorObject } from 'ajv';
import { LineCounter, isMap, isScalar, parseDocument, type Document, type Node } from 'yaml';
import { Diagnostics } from '../diagnostics.js';
import { SCHEMA_DIR } from '../paths.js';
import { nearest } from './suggest.js';
import * as validators from './validators.generated.js';

export type SchemaName = 'bulletin' | 'issue' | 'item';

/** ajv's validators, compiled from the schemas when the package is built (scripts/gen-validators.mjs). */
interface Validate {
  (value: unknown): boolean;
  errors?: ErrorObject[] | null;
}

const schemas = new Map<SchemaName, any>();

/** The schema itself is read only to word a message about a value that failed it. */
function schemaOf(name: SchemaName): any {
  let schema = schemas.get(name);
  if (!schema) {
    schema = JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, `${name}.schema.json`), 'utf8'));
    schemas.set(name, schema);
  }
  return schema;
}

export interface YamlSource {
  /** File name for messages (relative to the series root). */
  file: string;
  text: string;
  /** Line number of the text's first line in the file (front matter starts at line 2). */
  lineOffset?: number;
}

export interface LoadedYaml<T> {
  value: T | undefined;
  /** Line (1-based, in the file) of the node at a path, for later messages about a value. */
  lineOf(pathParts: Array<string | number>): number | undefined;
}

/**
 * Parses and validates. Returns value undefined when there were errors (they are in diags).
 * An empty text counts as an empty mapping.
 */
export function loadYaml<T>(src: YamlSource, schemaName: SchemaName, diags: Diagnostics): LoadedYaml<T> {
  const offset = (src.lineOffset ?? 1) - 1;
  const lc = new LineCounter();
  // logLevel 'error': the library's own warnings (an unknown !!tag) would go to stderr as a Node
  // warning; they are reported below as errors at their line instead.
  const doc = parseDocument(src.text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  const pos = (o: number): { line: number; col: number } => {
    const p = lc.linePos(o);
    return { line: p.line + offset, col: p.col };
  };
  const lineOf = (parts: Array<string | number>): number | undefined => {
    const node = doc.getIn(parts, true) as Node | undefined;
    const range = node && (node as Node).range;
    return range ? pos(range[0]).line : undefined;
  };
  const result: LoadedYaml<T> = { value: undefined, lineOf };

  if (doc.errors.length > 0) {
    if (reportFullWidthColons(src, offset, diags)) return result;
    for (const e of doc.errors) {
      const p = pos(e.pos[0]);
      diags.error(
        'yaml-syntax',
        src.file,
        p.line,
        p.col,
        `YAML 格式错误：${yamlErrorInChinese(e.code, e.message)}。请检查这一行的缩进、冒号（用半角“:”，后面留一个空格）和引号`,
      );
    }
    return result;
  }
  // `!!js/function` and other tags YAML cannot resolve: never code, always a mistake here.
  const tags = doc.warnings.filter((w) => w.code === 'TAG_RESOLVE_FAILED');
  for (const w of tags) {
    const p = pos(w.pos[0]);
    diags.error(
      'yaml-tag',
      src.file,
      p.line,
      p.col,
      `YAML 格式错误：以 !! 或 ! 开头的标签不能用。请删去标签，只写值；值以 ! 开头时请加引号`,
    );
  }
  if (tags.length) return result;
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (e) {
    // Unresolved aliases (`*a`) and alias bombs surface only when converting.
    const p = pos(0);
    diags.error(
      'yaml-syntax',
      src.file,
      p.line,
      p.col,
      `YAML 格式错误：${e instanceof ReferenceError ? '以 * 或 & 开头的值会被当成引用，请给这个值加上引号' : '无法解析'}（${(e as Error).message}）`,
    );
    return result;
  }
  const validate = (validators as Record<SchemaName, Validate>)[schemaName];
  if (validate(value)) {
    result.value = value as T;
    return result;
  }
  if (reportFullWidthColons(src, offset, diags)) return result;
  const schema = schemaOf(schemaName);
  for (const err of pruneErrors(validate.errors ?? [])) {
    const parts = instancePath(err);
    const key = err.keyword === 'additionalProperties' ? (err.params as any).additionalProperty : undefined;
    const at = locate(doc, key !== undefined ? [...parts, key] : parts, key !== undefined);
    const p = at !== undefined ? pos(at) : { line: 1 + offset, col: 1 };
    const node = doc.getIn(parts, true) as Node | undefined;
    const written = isScalar(node) && node.range ? src.text.slice(node.range[0], node.range[1]) : undefined;
    diags.error(
      `schema-${err.keyword}`,
      src.file,
      p.line,
      p.col,
      describe(err, schema, parts, key, isScalar(node) ? node.value : undefined, written),
    );
  }
  return result;
}

/**
 * `section：市县动态` typed with a Chinese input method: YAML reads the line as one string, and
 * what it then reports (a key across lines, a missing character, not a mapping) sends the clerk
 * looking elsewhere. When the text does not load, a key followed by a full-width colon is named
 * at the colon instead. Returns whether any was found.
 */
function reportFullWidthColons(src: YamlSource, offset: number, diags: Diagnostics): boolean {
  let found = false;
  src.text.split(/\r?\n/).forEach((line, i) => {
    const m = /^(\s*(?:-\s+)?)([^\s:：#'"|>][^\s:：#]{0,19}?)[ \t]*：/.exec(line);
    if (!m) return;
    found = true;
    const key = m[2]!;
    const value = line.slice(m[0].length).trim();
    diags.error(
      'yaml-fullwidth-colon',
      src.file,
      i + 1 + offset,
      m[0].length,
      `YAML 格式错误：“${key}”后面的冒号是全角“：”，要用半角冒号“:”并在后面留一个空格，写成 ${key}: ${value || '值'}`,
    );
  });
  return found;
}

function instancePath(err: ErrorObject): string[] {
  return err.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The offset of the node at a path; for an unknown key, the key itself. */
function locate(doc: Document, parts: string[], wantKey: boolean): number | undefined {
  if (wantKey) {
    const parent = parts.length > 1 ? doc.getIn(parts.slice(0, -1), true) : doc.contents;
    if (isMap(parent)) {
      const pair = parent.items.find((it) => isScalar(it.key) && String(it.key.value) === parts[parts.length - 1]);
      const k = pair?.key as Node | undefined;
      if (k?.range) return k.range[0];
    }
  }
  for (let n = parts.length; n >= 0; n--) {
    const node = (n === 0 ? doc.contents : doc.getIn(parts.slice(0, n), true)) as Node | null | undefined;
    if (node?.range) return node.range[0];
  }
  return undefined;
}

/** anyOf produces one error per branch plus the anyOf itself; keep the message a person can act on. */
function pruneErrors(errors: ErrorObject[]): ErrorObject[] {
  const anyOfPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  const out: ErrorObject[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    if (anyOfPaths.has(e.instancePath) && e.keyword !== 'anyOf') continue;
    const k = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(e);
  }
  return out;
}

function schemaAt(schema: any, parts: string[]): any {
  let s = schema;
  for (const p of parts) {
    if (!s) return undefined;
    if (s.$ref) s = resolveRef(schema, s.$ref);
    if (s?.properties?.[p]) s = s.properties[p];
    else if (s?.items && /^\d+$/.test(p)) s = s.items;
    else return undefined;
  }
  if (s?.$ref) s = resolveRef(schema, s.$ref);
  return s;
}

function resolveRef(root: any, ref: string): any {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .reduce((o: any, k) => o?.[k], root);
}

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  integer: '整数',
  number: '数字',
  boolean: 'true 或 false',
  array: '列表',
  object: '键值表',
};

function describe(err: ErrorObject, schema: any, parts: string[], extraKey?: string, value?: unknown, written?: string): string {
  const where = parts.length ? `“${parts.join('.')}”` : '此文件';
  const params = err.params as any;
  // 1e400 is Infinity to YAML, .nan NaN: the schema's integer or number refuses them as a type.
  if (err.keyword === 'type' && typeof value === 'number' && !Number.isFinite(value)) {
    return `${where}写的是“${written ?? String(value)}”，${Number.isNaN(value) ? '不是一个数' : '大得超出了能用的范围'}。请写一个普通的数${hint(schema, parts)}`;
  }
  switch (err.keyword) {
    case 'additionalProperties': {
      const s = schemaAt(schema, parts);
      const known = Object.keys(s?.properties ?? {});
      const guess = nearest(String(extraKey), known);
      return (
        `不认识的设置项“${extraKey}”。` + (guess ? `是不是想写“${guess}”？` : '') + (known.length ? `可用的有：${known.join('、')}` : '')
      );
    }
    case 'required':
      return `${where}缺少必填项“${params.missingProperty}”${hint(schema, [...parts, params.missingProperty])}`;
    case 'type':
      return `${where}应当是${TYPE_NAMES[params.type] ?? params.type}${hint(schema, parts)}`;
    case 'enum':
      return `${where}只能是：${(params.allowedValues as unknown[]).join('、')}`;
    case 'pattern':
      return `${where}格式不对${hint(schema, parts)}`;
    case 'minimum':
      return `${where}不能小于 ${params.limit}`;
    case 'maximum':
      return `${where}写的是“${written ?? String(value)}”，不能大于 ${params.limit}${hint(schema, parts)}`;
    case 'minLength':
      return `${where}不能为空`;
    case 'minItems':
      return `${where}至少要有 ${params.limit} 项`;
    case 'anyOf':
      return `${where}的写法不对${hint(schema, parts)}`;
    default:
      return `${where}：${err.message ?? '不符合要求'}`;
  }
}

function hint(schema: any, parts: string[]): string {
  const d = schemaAt(schema, parts)?.description;
  return d ? `（${d}）` : '';
}

function yamlErrorInChinese(code: string, message: string): string {
  const map: Record<string, string> = {
    DUPLICATE_KEY: '同一个设置项写了两次',
    BAD_INDENT: '缩进不对',
    MISSING_CHAR: '缺少字符（如引号或括号没有配对）',
    BLOCK_AS_IMPLICIT_KEY: '这一行被当成了键，可能上一行少了冒号或多了缩进',
    MULTILINE_IMPLICIT_KEY: '键不能跨行，可能少了冒号',
    TAB_AS_INDENT: '缩进里有 Tab 制表符，请改成空格',
    UNEXPECTED_TOKEN: '出现了意外的符号',
    BAD_SCALAR_START: '值的开头不对（以特殊符号开头的值请加引号）',
    IMPOSSIBLE: '无法解析',
  };
  return map[code] ?? `无法解析（${message.split('\n')[0]}）`;
}
