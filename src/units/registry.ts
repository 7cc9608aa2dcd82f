/**
 * The series' register of reporting units (bulletin.yaml `units:`): one canonical name per
 * unit, its kind (高校, 设区市 …) and the other names it goes by (赣南师大 for 赣南师范大学).
 * Item front matter, imports and statistics all resolve names through it, so that a unit
 * counts once however a submission spells it.
 */
import { nearest } from '../config/suggest.js';

/** Kinds every series knows; a series may add its own with `unitKinds:`. */
export const DEFAULT_UNIT_KINDS = ['高校', '设区市', '县区', '省直'] as const;

export interface Unit {
  name: string;
  kind: string;
  aliases: string[];
  /** Position in bulletin.yaml, the tie-break order of every listing. */
  index: number;
}

/** A unit named in a text, with where the name was found. */
export interface UnitMention {
  unit: Unit;
  /** The name or alias as written. */
  text: string;
  /** UTF-16 offset in the text. */
  offset: number;
}

const normalise = (s: string): string =>
  s
    .replace(/[\s\u3000]+/g, '')
    .replace(/[（(]/g, '（')
    .replace(/[）)]/g, '）');

export class UnitRegistry {
  private readonly byName = new Map<string, Unit>();
  /** Every name and alias, longest first, for scanning text. */
  private readonly spellings: Array<{ text: string; unit: Unit }>;

  constructor(
    readonly units: readonly Unit[],
    readonly kinds: readonly string[] = DEFAULT_UNIT_KINDS,
  ) {
    for (const u of units) {
      for (const s of [u.name, ...u.aliases]) if (!this.byName.has(normalise(s))) this.byName.set(normalise(s), u);
    }
    this.spellings = [...this.byName.entries()]
      .map(([text, unit]) => ({ text, unit }))
      .sort((a, b) => b.text.length - a.text.length || a.unit.index - b.unit.index);
  }

  get isEmpty(): boolean {
    return this.units.length === 0;
  }

  /** The unit a name or alias stands for, whatever its spacing or bracket width. */
  resolve(name: string): Unit | undefined {
    return this.byName.get(normalise(name));
  }

  /** The canonical name of a name that may be an alias; unknown names come back as written. */
  canonical(name: string): string {
    return this.resolve(name)?.name ?? name.trim();
  }

  /** A registered name close to a misspelt one, for "是不是……？". */
  suggest(name: string): string | undefined {
    const n = normalise(name);
    // A name that contains a registered one, or is contained in it, is the likelier mistake.
    const within = this.spellings.find((s) => n.includes(s.text) || s.text.includes(n));
    if (within) return within.unit.name;
    const guess = nearest(
      n,
      this.spellings.map((s) => s.text),
    );
    return guess === undefined ? undefined : this.resolve(guess)?.name;
  }

  /**
   * Units named in a text, in order of appearance. The longest spelling wins where names
   * overlap, so 赣南师范大学 is not also counted as 赣南, and each unit is listed once.
   */
  findIn(text: string): UnitMention[] {
    const t = text;
    const taken = new Array<boolean>(t.length).fill(false);
    const found: UnitMention[] = [];
    for (const s of this.spellings) {
      let from = 0;
      for (;;) {
        const at = t.indexOf(s.text, from);
        if (at < 0) break;
        from = at + 1;
        let free = true;
        for (let k = at; k < at + s.text.length; k++) if (taken[k]) free = false;
        if (!free) continue;
        for (let k = at; k < at + s.text.length; k++) taken[k] = true;
        found.push({ unit: s.unit, text: s.text, offset: at });
      }
    }
    found.sort((a, b) => a.offset - b.offset);
    const seen = new Set<Unit>();
    return found.filter((m) => (seen.has(m.unit) ? false : (seen.add(m.unit), true)));
  }

  ofKind(kind: string): Unit[] {
    return this.units.filter((u) => u.kind === kind);
  }
}

export const EMPTY_REGISTRY = new UnitRegistry([]);
