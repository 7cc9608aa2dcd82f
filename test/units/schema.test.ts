/**
 * The JSON Schemas that VS Code's YAML extension reads (the `$schema` line of bulletin.yaml):
 * the shipped template and the sample series validate, the unit register's mistakes do not,
 * and an item's `source:` written by import is known to the item schema.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { REPO } from '../helpers/series.js';

const ajv = new Ajv({ allErrors: true, strict: false });
const schema = (name: string): any => JSON.parse(fs.readFileSync(path.join(REPO, 'templates/series', `${name}.schema.json`), 'utf8'));
const bulletin = ajv.compile(schema('bulletin'));
const item = ajv.compile(schema('item'));

describe('unit register in bulletin.schema.json', () => {
  test('the init template and the sample series validate, and both carry a register', () => {
    for (const f of ['templates/series/bulletin.yaml', 'bulletin.yaml']) {
      const v = parse(fs.readFileSync(path.join(REPO, f), 'utf8'));
      expect(bulletin(v), `${f}: ${JSON.stringify(bulletin.errors)}`).toBe(true);
      expect(v.units.length, f).toBeGreaterThan(0);
    }
    expect(fs.readFileSync(path.join(REPO, 'templates/series/bulletin.yaml'), 'utf8').split('\n')[0]).toBe(
      '# yaml-language-server: $schema=./bulletin.schema.json',
    );
  });

  test('a unit without kind, or with a misspelt key, is rejected; kind offers the four kinds for completion', () => {
    const base = parse(fs.readFileSync(path.join(REPO, 'templates/series/bulletin.yaml'), 'utf8'));
    expect(bulletin({ ...base, units: [{ name: '赣南师范大学' }] })).toBe(false);
    expect(bulletin({ ...base, units: [{ name: '赣南师范大学', kind: '高校', alias: ['赣南师大'] }] })).toBe(false);
    expect(schema('bulletin').properties.units.items.properties.kind.examples).toEqual(['高校', '设区市', '县区', '省直']);
  });
});

describe('source: in item.schema.json', () => {
  test('import’s source {file, sha256} validates; a truncated hash or a stray key does not', () => {
    const sha256 = 'a'.repeat(64);
    expect(item({ section: '高校动态', source: { file: '来稿.docx', sha256 } })).toBe(true);
    expect(item({ section: '高校动态', source: { file: '来稿.docx', sha256: 'abc' } })).toBe(false);
    expect(item({ section: '高校动态', source: { file: '来稿.docx', sha256, date: 'x' } })).toBe(false);
  });
});
