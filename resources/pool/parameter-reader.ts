import { type ChoiceOf, type ParameterName, parameterNamed } from '@resources/parameters/catalog';
import type { ParameterRule } from '@resources/parameters/parameter';

/** A stage parameter that does not hold an acceptable value. */
export class ParameterError extends Error {
  constructor(name: string, problem: string) {
    super(`Stage parameter "${name}" ${problem}`);
    this.name = 'ParameterError';
    // The framework prints the stack; the message alone says everything.
    this.stack = this.message;
  }
}

/** How the framework resolves a variable such as `param:mfa` for a JS resolver. */
export type ResolveVariable = (address: string) => Promise<unknown>;

/** Reads stage parameters, each checked against the rule its catalog entry declares. */
export type ParameterReader = ReturnType<typeof parameterReader>;

/** The rule `name` declares; throws when it is not of the kind the caller reads it as. */
function ruleOf<K extends ParameterRule['kind']>(name: ParameterName, kind: K): Extract<ParameterRule, { kind: K }> {
  const { rule } = parameterNamed(name);
  if (rule.kind !== kind) throw new Error(`Stage parameter "${name}" is declared as ${rule.kind}, not ${kind}.`);
  return rule as Extract<ParameterRule, { kind: K }>;
}

/**
 * Readers over the framework's resolver: each returns the parameter's value trimmed, in the type its rule gives,
 * and throws a {@link ParameterError} naming the parameter when the value breaks the rule.
 */
export function parameterReader(resolveVariable: ResolveVariable) {
  const raw = async (name: string): Promise<string> => {
    const value = await resolveVariable(`param:${name}`);
    return value === null || value === undefined ? '' : String(value).trim();
  };
  return {
    /** The value as it is, trimmed, whatever its rule: for checks that apply to parameters of every kind. */
    async value(name: string): Promise<string> {
      return raw(parameterNamed(name).name);
    },
    /** A text parameter. */
    async text(name: ParameterName): Promise<string> {
      ruleOf(name, 'text');
      return raw(name);
    },
    /** A comma-separated list, items trimmed and empty ones dropped, each one of the rule's values if it has any. */
    async list(name: ParameterName): Promise<string[]> {
      const { of } = ruleOf(name, 'list');
      const items = (await raw(name))
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '');
      const unknown = of === undefined ? [] : items.filter((item) => !of.includes(item));
      if (unknown.length > 0) {
        const quoted = unknown.map((item) => `"${item}"`).join(', ');
        throw new ParameterError(name, `contains ${quoted}; allowed: ${of?.join(', ')}.`);
      }
      return items;
    },
    async boolean(name: ParameterName): Promise<boolean> {
      ruleOf(name, 'boolean');
      const value = (await raw(name)).toLowerCase();
      if (value !== 'true' && value !== 'false')
        throw new ParameterError(name, `must be true or false, got "${value}".`);
      return value === 'true';
    },
    async integer(name: ParameterName): Promise<number> {
      const { min, max } = ruleOf(name, 'integer');
      const value = await raw(name);
      const parsed = Number(value);
      if (value === '' || !Number.isInteger(parsed) || parsed < min || parsed > max) {
        throw new ParameterError(name, `must be a whole number from ${min} to ${max}, got "${value}".`);
      }
      return parsed;
    },
    /** One of the rule's values, matched without regard to case and returned as declared. */
    async oneOf<N extends ParameterName>(name: N): Promise<ChoiceOf<N>> {
      const { values } = ruleOf(name, 'oneOf');
      const value = await raw(name);
      const match = values.find((candidate) => candidate.toLowerCase() === value.toLowerCase());
      if (match === undefined) throw new ParameterError(name, `must be one of ${values.join(', ')}, got "${value}".`);
      return match as ChoiceOf<N>;
    },
  };
}
