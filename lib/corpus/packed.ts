/**
 * The corpus as the extension ships it: the same data as `data/corpus.json`,
 * stored by column instead of by row. A list of objects becomes one list per
 * field, a list of lists one list of lengths and one of all the items,
 * repeated strings (article ids, speakers) a table of distinct values and an
 * index per item, and ids that count 0, 1, 2… just their count. The columns
 * are derived from the data, never from a list of fields, so a field added to
 * the corpus's schema needs no change here; `unpack(pack(x))` deep-equals `x`.
 *
 * Parsing the packed text skips every repeated field name and most repeated
 * strings, and the decoded rows share their repeated strings. The full zod
 * check of the corpus runs where the corpus is built and packed (and in the
 * tests); what the background checks when it loads the file is its shape:
 * the format, the schema's fields (`shapeOf`) and every column's length.
 */

export const PACKED_FORMAT = 'retold-packed/1';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** How one list of values is stored. */
export type Column =
  /** Objects with the same fields: one column per field. */
  | { fields: string[]; n: number; columns: Column[] }
  /** Maps (objects with many keys of their own, such as stem → synonyms): each one's size, all keys, all values. */
  | { sizes: number[]; keys: Column; values: Column }
  /** Lists: each one's length, and all their items as one column. */
  | { lengths: number[]; items: Column }
  /** Strings that repeat: the distinct ones, and which of them each item is. */
  | { distinct: string[]; at: number[] }
  /** The integers from..from+n-1, in order (ids). */
  | { from: number; n: number }
  /** Anything else, as it is. */
  | { values: Json[] };

export interface Packed {
  format: typeof PACKED_FORMAT;
  /** The schema's fields, nested (see shapeOf): a file packed for another schema is refused. */
  shape: string;
  /** The packed value, as a column of one. */
  root: Column;
}

/** An object with more keys than this is a map (its keys are data), not a record with fields. */
const MAX_FIELDS = 64;

const isObject = (v: Json): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

function column(values: readonly Json[]): Column {
  if (values.length > 0 && values.every(isObject)) {
    const fields = Object.keys(values[0]!);
    const same = values.every((v) => {
      const keys = Object.keys(v);
      return keys.length === fields.length && keys.every((k, i) => k === fields[i]);
    });
    if (same && fields.length <= MAX_FIELDS)
      return { fields, n: values.length, columns: fields.map((f) => column(values.map((v) => v[f]!))) };
    const keys = values.flatMap((v) => Object.keys(v));
    return {
      sizes: values.map((v) => Object.keys(v).length),
      keys: column(keys),
      values: column(values.flatMap((v) => Object.values(v))),
    };
  }
  if (values.length > 0 && values.every(Array.isArray))
    return { lengths: values.map((v) => v.length), items: column(values.flat(1)) };
  if (values.length > 1 && values.every((v) => typeof v === 'string')) {
    const distinct = [...new Set(values)];
    // A table of distinct values pays when most values repeat.
    if (distinct.length * 2 <= values.length) {
      const index = new Map(distinct.map((s, i) => [s, i]));
      return { distinct, at: values.map((v) => index.get(v)!) };
    }
  }
  if (values.length > 1 && values.every((v, i) => typeof v === 'number' && v === (values[0] as number) + i))
    return { from: values[0] as number, n: values.length };
  return { values: [...values] };
}

/** Pack a JSON value (the corpus) for a schema of the given shape. */
export function pack(value: unknown, shape: string): Packed {
  return { format: PACKED_FORMAT, shape, root: column([value as Json]) };
}

class PackError extends Error {}

function expectLength(got: number, want: number, what: string): void {
  if (got !== want) throw new PackError(`${what}: ${got} values where ${want} were expected`);
}

/** The `n` values a column holds. Throws when its lengths do not add up. */
function values(c: Column, n: number): Json[] {
  if ('fields' in c) {
    expectLength(c.n, n, `fields ${c.fields.join(', ')}`);
    expectLength(c.columns.length, c.fields.length, 'columns');
    const columns = c.columns.map((col) => values(col, n));
    const out = new Array<JsonObject>(n);
    for (let i = 0; i < n; i++) {
      const row: JsonObject = {};
      for (let f = 0; f < c.fields.length; f++) row[c.fields[f]!] = columns[f]![i]!;
      out[i] = row;
    }
    return out;
  }
  if ('sizes' in c) {
    expectLength(c.sizes.length, n, 'maps');
    const total = c.sizes.reduce((a, b) => a + b, 0);
    const keys = values(c.keys, total);
    const vals = values(c.values, total);
    let at = 0;
    return c.sizes.map((size) => {
      const map: JsonObject = {};
      for (const end = at + size; at < end; at++) map[keys[at] as string] = vals[at]!;
      return map;
    });
  }
  if ('lengths' in c) {
    expectLength(c.lengths.length, n, 'lists');
    const items = values(
      c.items,
      c.lengths.reduce((a, b) => a + b, 0),
    );
    let at = 0;
    return c.lengths.map((length) => items.slice(at, (at += length)));
  }
  if ('distinct' in c) {
    expectLength(c.at.length, n, 'strings');
    return c.at.map((i) => {
      const s = c.distinct[i];
      if (s === undefined) throw new PackError(`string ${i} of ${c.distinct.length}`);
      return s;
    });
  }
  if ('from' in c) {
    expectLength(c.n, n, 'ids');
    return Array.from({ length: n }, (_, i) => c.from + i);
  }
  expectLength(c.values.length, n, 'values');
  return c.values;
}

/**
 * The value packed in `packed`, when it was packed for a schema of `shape`.
 * Throws, naming what is wrong, on another format or shape, or on columns
 * whose lengths do not add up.
 */
export function unpack(packed: unknown, shape: string): unknown {
  const p = packed as Partial<Packed> | null;
  if (!p || typeof p !== 'object' || p.format !== PACKED_FORMAT)
    throw new PackError(`not a packed corpus (format ${String(p?.format)}, expected ${PACKED_FORMAT})`);
  if (p.shape !== shape)
    throw new PackError('the packed corpus was built for another version of the corpus schema; rebuild the extension');
  if (!p.root || typeof p.root !== 'object') throw new PackError('no data');
  return values(p.root, 1)[0];
}

/** A zod schema as this module reads it: zod's own description of each schema (its `_zod.def`). */
interface SchemaDef {
  type: string;
  shape?: Record<string, { _zod: { def: SchemaDef } }>;
  element?: { _zod: { def: SchemaDef } };
  innerType?: { _zod: { def: SchemaDef } };
  valueType?: { _zod: { def: SchemaDef } };
}

/**
 * The fields of a zod schema, nested, as a string: what a packed file must
 * have been packed for. A field added, removed or renamed anywhere in the
 * corpus's schema changes it; a changed check (a minimum length) does not.
 */
export function shapeOf(schema: unknown): string {
  const walk = (def: SchemaDef): string => {
    switch (def.type) {
      case 'object':
        return `{${Object.entries(def.shape ?? {})
          .map(([k, v]) => `${k}:${walk(v._zod.def)}`)
          .join(',')}}`;
      case 'array':
        return `[${walk(def.element!._zod.def)}]`;
      case 'nullable':
      case 'optional':
        return `${walk(def.innerType!._zod.def)}?`;
      case 'record':
        return `{*:${walk(def.valueType!._zod.def)}}`;
      default:
        return def.type;
    }
  };
  return walk((schema as { _zod: { def: SchemaDef } })._zod.def);
}
