/**
 * The small part of CloudFormation's intrinsic functions the local pool needs to read the project's resources:
 * conditions (`Fn::Equals`, `Fn::Not`, `Fn::And`, `Fn::Or`, `Condition`), `Fn::If`, `Ref` to resources created
 * locally, and `AWS::NoValue`. Anything else (`Fn::GetAtt`, `Fn::Sub`, ARNs of IAM roles…) has no local meaning and
 * is reported with the property path that holds it.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html
 */

/** One resource of a template: its type, properties and optional condition. */
export interface TemplateResource {
  Type: string;
  Properties?: Record<string, unknown>;
  Condition?: string;
}

/** The parts of a CloudFormation template the local pool reads. */
export interface Template {
  Resources: Record<string, TemplateResource>;
  Conditions?: Record<string, unknown>;
}

/** A template value that cannot be given a local meaning; the message names where it is. */
export class UnresolvableValueError extends Error {
  constructor(path: string, problem: string) {
    super(`Cannot run ${path} locally: ${problem}`);
    this.name = 'UnresolvableValueError';
  }
}

/** What `Ref` resolves to for the resources created locally, by logical id. */
export type LocalRefs = Readonly<Record<string, string>>;

/** Marks a value `AWS::NoValue` removed; dropped from objects and arrays by {@link resolveValue}. */
const NO_VALUE = Symbol('AWS::NoValue');

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The single key of an intrinsic function object (`{ "Fn::If": [...] }`), if `value` is one. */
function intrinsic(value: unknown): [string, unknown] | undefined {
  if (!isRecord(value)) return undefined;
  const keys = Object.keys(value);
  const [key] = keys;
  return keys.length === 1 && key !== undefined && (key === 'Ref' || key === 'Condition' || key.startsWith('Fn::'))
    ? [key, value[key]]
    : undefined;
}

/** Evaluates every condition of the template's `Conditions` section to a boolean. */
export function evaluateConditions(template: Template): ReadonlyMap<string, boolean> {
  const definitions = template.Conditions ?? {};
  const results = new Map<string, boolean>();
  const evaluating = new Set<string>();

  const condition = (name: string, path: string): boolean => {
    const known = results.get(name);
    if (known !== undefined) return known;
    if (!(name in definitions)) throw new UnresolvableValueError(path, `there is no condition "${name}".`);
    if (evaluating.has(name)) throw new UnresolvableValueError(path, `condition "${name}" refers to itself.`);
    evaluating.add(name);
    const result = evaluate(definitions[name], `Conditions.${name}`);
    results.set(name, result);
    return result;
  };

  const scalar = (value: unknown, path: string): string => {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
    throw new UnresolvableValueError(path, 'Fn::Equals compares values that are not plain strings.');
  };

  const evaluate = (value: unknown, path: string): boolean => {
    const [name, argument] = intrinsic(value) ?? [];
    const operands = Array.isArray(argument) ? argument : [];
    switch (name) {
      case 'Fn::Equals':
        return scalar(operands[0], `${path}[0]`) === scalar(operands[1], `${path}[1]`);
      case 'Fn::Not':
        return !evaluate(operands[0], `${path}.Fn::Not`);
      case 'Fn::And':
        return operands.every((operand, index) => evaluate(operand, `${path}.Fn::And[${index}]`));
      case 'Fn::Or':
        return operands.some((operand, index) => evaluate(operand, `${path}.Fn::Or[${index}]`));
      case 'Condition':
        return condition(String(argument), path);
      default:
        throw new UnresolvableValueError(path, `${name ?? 'a plain value'} is not a condition function.`);
    }
  };

  for (const name of Object.keys(definitions)) condition(name, `Conditions.${name}`);
  return results;
}

/** Whether a resource exists in the stack: it has no `Condition`, or its condition is true. */
export function resourceExists(resource: TemplateResource, conditions: ReadonlyMap<string, boolean>): boolean {
  if (resource.Condition === undefined) return true;
  const result = conditions.get(resource.Condition);
  if (result === undefined) {
    throw new UnresolvableValueError(`Condition ${resource.Condition}`, 'the template does not define it.');
  }
  return result;
}

/**
 * Resolves the intrinsic functions in `value`: `Fn::If` on the evaluated conditions, `Ref` to a logical id of
 * `refs`, and `AWS::NoValue` (the property or array item is left out, as CloudFormation does).
 *
 * @param path - where `value` sits in the template, for error messages (e.g. `WebClient.SupportedIdentityProviders`)
 * @returns the plain value, or `undefined` when the whole value is `AWS::NoValue`
 * @throws UnresolvableValueError for any other intrinsic function, naming the path
 */
export function resolveValue(
  value: unknown,
  path: string,
  context: { conditions: ReadonlyMap<string, boolean>; refs: LocalRefs },
): unknown {
  const resolved = resolve(value, path, context);
  return resolved === NO_VALUE ? undefined : resolved;
}

function resolve(
  value: unknown,
  path: string,
  context: { conditions: ReadonlyMap<string, boolean>; refs: LocalRefs },
): unknown {
  const fn = intrinsic(value);
  if (fn !== undefined) return resolveIntrinsic(fn, path, context);
  if (Array.isArray(value)) {
    return value.map((item, index) => resolve(item, `${path}[${index}]`, context)).filter((item) => item !== NO_VALUE);
  }
  if (isRecord(value)) {
    const entries = Object.entries(value)
      .map(([key, item]) => [key, resolve(item, `${path}.${key}`, context)] as const)
      .filter(([, item]) => item !== NO_VALUE);
    return Object.fromEntries(entries);
  }
  return value;
}

function resolveIntrinsic(
  [name, argument]: [string, unknown],
  path: string,
  context: { conditions: ReadonlyMap<string, boolean>; refs: LocalRefs },
): unknown {
  if (name === 'Ref') {
    if (argument === 'AWS::NoValue') return NO_VALUE;
    const target = String(argument);
    const local = context.refs[target];
    if (local === undefined) throw new UnresolvableValueError(path, `Ref ${target} has no local counterpart.`);
    return local;
  }
  if (name === 'Fn::If' && Array.isArray(argument) && argument.length === 3) {
    const [conditionName, whenTrue, whenFalse] = argument as [unknown, unknown, unknown];
    const result = context.conditions.get(String(conditionName));
    if (result === undefined)
      throw new UnresolvableValueError(path, `Fn::If uses an unknown condition "${String(conditionName)}".`);
    return resolve(result ? whenTrue : whenFalse, path, context);
  }
  throw new UnresolvableValueError(path, `${name} has no local counterpart.`);
}
