/**
 * The JSON shapes of trigger event fields, and the check of a value against one. Shapes describe what a flow
 * reads; anything else in the value is accepted, since Cognito adds fields over time. Problems name the field's
 * path and the shape it must have, never the value found there.
 */

/** The JSON shape a field must have; build one with {@link field}. */
export type FieldShape =
  | { readonly kind: 'string' | 'boolean' | 'number' | 'stringMap' }
  | { readonly kind: 'array'; readonly items: FieldShape }
  | { readonly kind: 'object'; readonly fields: Readonly<Record<string, FieldShape>> }
  | { readonly kind: 'nullable' | 'optional'; readonly shape: FieldShape };

/**
 * The shapes a trigger declares its request fields with, e.g. PreTokenGeneration's
 * `groupConfiguration: field.objectOf({ groupsToOverride: field.arrayOf(field.string), preferredRole:
 * field.nullable(field.string) })`.
 */
export const field = {
  string: { kind: 'string' },
  boolean: { kind: 'boolean' },
  number: { kind: 'number' },
  /** An object whose every value is a string, like `userAttributes` or `clientMetadata`. */
  stringMap: { kind: 'stringMap' },
  arrayOf: (items: FieldShape): FieldShape => ({ kind: 'array', items }),
  /** An object with at least these fields; other fields are accepted. */
  objectOf: (fields: Readonly<Record<string, FieldShape>>): FieldShape => ({ kind: 'object', fields }),
  /** `shape`, or `null`. */
  nullable: (shape: FieldShape): FieldShape => ({ kind: 'nullable', shape }),
  /** `shape`, or absent. */
  optional: (shape: FieldShape): FieldShape => ({ kind: 'optional', shape }),
} as const satisfies Record<string, FieldShape | ((...args: never[]) => FieldShape)>;

const MAX_QUOTED = 64;

/** Quotes a text from an event for an error message, cut short so a hostile event cannot bloat it. */
export function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : typeof value;
  return JSON.stringify(text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text);
}

/** Whether `value` is a JSON object (not `null`, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(shape: FieldShape): string {
  switch (shape.kind) {
    case 'string':
      return 'a string';
    case 'boolean':
      return 'true or false';
    case 'number':
      return 'a number';
    case 'stringMap':
    case 'object':
      return 'an object';
    case 'array':
      return 'an array';
    case 'nullable':
      return `${describe(shape.shape)} or null`;
    case 'optional':
      return describe(shape.shape);
  }
}

/** Whether `value` has the outer form of `shape`, without looking inside it. */
function hasOuterForm(value: unknown, shape: FieldShape): boolean {
  switch (shape.kind) {
    case 'string':
    case 'boolean':
      return typeof value === shape.kind;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'stringMap':
    case 'object':
      return isObject(value);
    case 'array':
      return Array.isArray(value);
    case 'nullable':
      return value === null || hasOuterForm(value, shape.shape);
    case 'optional':
      return value === undefined || hasOuterForm(value, shape.shape);
  }
}

function member(object: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/**
 * What is wrong with `value` as a `shape` found at `path`, e.g. `request.session[1].challengeName must be a
 * string.`; `undefined` when nothing is.
 */
export function shapeProblem(value: unknown, shape: FieldShape, path: string): string | undefined {
  if (!hasOuterForm(value, shape)) return `${path} must be ${describe(shape)}.`;
  switch (shape.kind) {
    case 'nullable':
    case 'optional':
      return value === null || value === undefined ? undefined : shapeProblem(value, shape.shape, path);
    case 'stringMap': {
      const map = value as Record<string, unknown>;
      const key = Object.keys(map).find((name) => typeof map[name] !== 'string');
      return key === undefined ? undefined : `${path}[${quote(key)}] must be a string.`;
    }
    case 'object':
      for (const [name, fieldShape] of Object.entries(shape.fields)) {
        const problem = shapeProblem(member(value as Record<string, unknown>, name), fieldShape, `${path}.${name}`);
        if (problem !== undefined) return problem;
      }
      return undefined;
    case 'array':
      for (const [index, item] of (value as unknown[]).entries()) {
        const problem = shapeProblem(item, shape.items, `${path}[${index}]`);
        if (problem !== undefined) return problem;
      }
      return undefined;
    default:
      return undefined;
  }
}
