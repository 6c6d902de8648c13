import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Ajv2020, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import type { SchemaValidateFunction } from 'ajv/dist/types/index.js';
import { closest } from '../corpus/dice.js';
import { InputError } from '../errors.js';
import { packageRoot } from './package-root.js';

/** Where the data files' JSON Schemas live: rules/schema/<name>.schema.json, and examples.schema.json for a file of examples only. */
export const SCHEMA_DIR = join(packageRoot, 'rules', 'schema');

let ajv: Ajv2020 | undefined;

/**
 * The validator, with every schema of rules/schema loaded so they can refer to each other.
 * Loaded on first use and synchronously (ajv is ~40 ms): a plain lint reads the build's
 * checked JSON and never needs it; only an edited YAML file or a team's data does.
 */
function validator(): Ajv2020 {
  if (!ajv) {
    const { Ajv2020: Ajv } = createRequire(import.meta.url)('ajv/dist/2020.js') as { Ajv2020: typeof Ajv2020 };
    // verbose: an unknown key's error then carries the keys its mapping allows, for a suggestion;
    // allErrors: a misspelt key shows as both a missing key and an unknown one, and the typo is the better report.
    ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
    // Options such as `ignore` name a list's entries by id, so no two may share one.
    ajv.addKeyword({ keyword: 'uniqueIds', type: 'array', schemaType: 'boolean', errors: true, validate: uniqueIds });
    for (const file of readdirSync(SCHEMA_DIR)
      .filter((f) => f.endsWith('.schema.json'))
      .sort()) {
      ajv.addSchema(JSON.parse(readFileSync(join(SCHEMA_DIR, file), 'utf8')), file);
    }
  }
  return ajv;
}

/** The `uniqueIds` keyword: the first entry whose `id` an earlier entry has, reported with its index. */
const uniqueIds: SchemaValidateFunction = (on: boolean, list: Array<{ id?: unknown } | null>) => {
  const seen = new Set<unknown>();
  for (const [index, entry] of list.entries()) {
    const id = entry?.id;
    if (!on || id === undefined) continue;
    if (seen.has(id)) {
      uniqueIds.errors = [{ keyword: 'uniqueIds', message: 'has an id used twice', params: { index, id } }];
      return false;
    }
    seen.add(id);
  }
  return true;
};

/** A data file's schema: its own, or for a rule whose file holds only its examples, the examples schema. */
function schemaFor(name: string): { validate: ValidateFunction; own: boolean } {
  const own = validator().getSchema(`${name}.schema.json`);
  return own ? { validate: own, own: true } : { validate: validator().getSchema('examples.schema.json')!, own: false };
}

/**
 * Checks a rule data file (rules/<name>.yml, shipped or edited) against its schema. Throws one
 * line naming the file and the key at fault, and how to fix it.
 */
export function checkRuleData(path: string, name: string, data: unknown): void {
  const { validate, own } = schemaFor(name);
  if (validate(data)) return;
  const e = firstError(validate.errors!);
  // A file of examples only that gains data needs a schema, not a list of the keys it may have.
  if (!own && e.keyword === 'additionalProperties' && !e.instancePath)
    throw new InputError(
      path,
      `has the unknown key "${String(e.params.additionalProperty)}"`,
      `give the rule's data a schema, rules/schema/${name}.schema.json`,
    );
  throw schemaError(path, e, `compare it with the shipped rules/${name}.yml`);
}

/**
 * Checks a team's data file for a rule: a mapping with only the rule's extensible list, each
 * entry in the shape of the shipped list's entries.
 */
export function checkTeamList(path: string, ruleId: string, list: string, data: unknown): void {
  const id = `team-${ruleId}.schema.json`;
  const v = validator();
  let validate = v.getSchema(id);
  if (!validate) {
    v.addSchema(
      {
        $id: id,
        type: 'object',
        properties: { [list]: { $ref: `${ruleId}.schema.json#/properties/${list}` } },
        required: [list],
        additionalProperties: false,
      },
      id,
    );
    validate = v.getSchema(id)!;
  }
  if (!validate(data)) throw schemaError(path, firstError(validate.errors!), `write "${list}:" with entries like those of the shipped rules/${ruleId}.yml`);
}

/** The fields one entry of a rule's extensible list must have, as its schema says. */
export function requiredFields(ruleId: string, list: string): string[] {
  const schema = schemaFor(ruleId).validate.schema as {
    properties?: Record<string, { items?: { $ref?: string; required?: string[] } }>;
    $defs?: Record<string, { required?: string[] }>;
  };
  const items = schema.properties?.[list]?.items;
  const ref = items?.$ref?.replace(/^#\/\$defs\//, '');
  return (ref ? schema.$defs?.[ref]?.required : items?.required) ?? [];
}

/**
 * The error to report: ajv's first, except that a missing key with an unknown key beside it
 * that is close to it is a typo, and the unknown key is what to report.
 */
function firstError(errors: ErrorObject[]): ErrorObject {
  const first = errors[0]!;
  if (first.keyword !== 'required') return first;
  const missing = String(first.params.missingProperty);
  const typo = errors.find(
    (e) => e.keyword === 'additionalProperties' && e.instancePath === first.instancePath && closest([missing], String(e.params.additionalProperty)).length > 0,
  );
  return typo ?? first;
}

/** An ajv error as one line: "file: key: what is wrong; how to fix it". */
function schemaError(path: string, e: ErrorObject, fix: string): InputError {
  const key = e.instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((out, part) => (/^\d+$/.test(part) ? `${out}[${part}]` : out ? `${out}.${part}` : part), '');
  const where = key ? `${path}: ${key}` : path;
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return new InputError(where, `has no "${String(p.missingProperty)}"`, `add ${String(p.missingProperty)}`);
    case 'additionalProperties': {
      const known = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const near = closest(known, String(p.additionalProperty));
      return new InputError(
        where,
        `has the unknown key "${String(p.additionalProperty)}"`,
        near.length ? `did you mean ${near.join(' or ')}?` : known.length ? `use one of: ${known.join(', ')}` : fix,
      );
    }
    case 'uniqueIds':
      return new InputError(`${where}[${String(p.index)}]`, `has the id "${String(p.id)}" of an earlier entry`, 'give each entry its own id');
    case 'enum':
      return new InputError(where, `is not one of ${(p.allowedValues as unknown[]).map((x) => JSON.stringify(x)).join(', ')}`, 'use one of them');
    case 'type':
      return new InputError(where, `must be ${article(String(p.type))}`, TYPE_FIX[String(p.type)] ?? fix);
    case 'minItems':
      return new InputError(where, 'is an empty list', 'give it at least one entry, or leave the key out where that is allowed');
    case 'minLength':
      return new InputError(where, 'is empty', 'write it, or leave the entry out');
    case 'maxLength':
      return new InputError(where, `is longer than ${String(p.limit)} characters`, 'write it as plain words');
    case 'pattern':
      return new InputError(where, `does not have the form ${String(p.pattern)}`, 'rename it to that form');
    default:
      return new InputError(where, e.message ?? `fails the schema's ${e.keyword}`, fix);
  }
}

const TYPE_FIX: Record<string, string> = {
  array: 'write it as a list, such as [first, second]',
  object: 'write it as indented key: value lines',
  string: 'write it as text, in quotes if it holds a colon',
};

function article(type: string): string {
  return type === 'array' ? 'a list' : type === 'object' ? 'a mapping' : /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
