/**
 * Offline validator of CloudFormation templates against the current resource schemas shipped in
 * `@aws-cdk/aws-service-spec`: template shape, resource types, property names, types, allowed values and required
 * properties, Ref / Fn::GetAtt / Fn::Sub targets, conditions, DependsOn, and dependency cycles.
 */
import { loadAwsServiceSpec } from '@aws-cdk/aws-service-spec';
import type { PropertyType, Resource, ResourceProperties, SpecDatabase } from '@aws-cdk/service-spec-types';

/** One thing wrong with a template. */
export interface TemplateProblem {
  /** Where, as a dotted path with list items as `[i]`, e.g. `Resources.UserPool.Properties.Policies.PasswordPolicy`. */
  readonly path: string;
  readonly message: string;
}

type JsonObject = Record<string, unknown>;

/** The shape of an object with named properties: a resource's `Properties` or a nested property type. */
interface ObjectType {
  readonly type: 'object';
  readonly name: string;
  readonly properties: ResourceProperties;
}

type ExpectedType = PropertyType | ObjectType;

/** What the checks need to know about the template as a whole. */
interface TemplateIndex {
  readonly db: SpecDatabase;
  /** Logical id → `Type` (undefined when the resource has no valid `Type`). */
  readonly resourceTypes: ReadonlyMap<string, string | undefined>;
  readonly parameters: ReadonlySet<string>;
  readonly conditions: ReadonlySet<string>;
}

/** Where reference checks report to, and what they are allowed to reference. */
interface ReferenceScope {
  /** In `Conditions`, `{"Condition": name}` is a function and `Ref` may only name parameters. */
  readonly inConditions: boolean;
  /** Resources referenced so far: the dependencies of the resource being walked. */
  readonly dependencies: Set<string>;
  readonly problems: TemplateProblem[];
}

const TOP_LEVEL_SECTIONS = new Set([
  'AWSTemplateFormatVersion',
  'Description',
  'Metadata',
  'Parameters',
  'Mappings',
  'Conditions',
  'Transform',
  'Rules',
  'Resources',
  'Outputs',
]);

const RESOURCE_KEYS = new Set([
  'Type',
  'Properties',
  'DependsOn',
  'Condition',
  'Metadata',
  'DeletionPolicy',
  'UpdateReplacePolicy',
  'CreationPolicy',
  'UpdatePolicy',
]);

/** Resource keys whose values may contain intrinsic functions (and so create dependencies). */
const RESOURCE_KEYS_WITH_REFERENCES = ['Properties', 'Metadata', 'CreationPolicy', 'UpdatePolicy'];

const OUTPUT_KEYS = new Set(['Description', 'Value', 'Export', 'Condition']);

const PSEUDO_PARAMETERS = new Set([
  'AWS::AccountId',
  'AWS::Region',
  'AWS::StackName',
  'AWS::StackId',
  'AWS::Partition',
  'AWS::URLSuffix',
  'AWS::NoValue',
  'AWS::NotificationARNs',
]);

/** Functions that may stand in for any value. `Condition` is not one: it is a function only inside `Conditions`. */
const INTRINSIC_FUNCTIONS = new Set([
  'Ref',
  'Fn::GetAtt',
  'Fn::Sub',
  'Fn::Join',
  'Fn::If',
  'Fn::Select',
  'Fn::Split',
  'Fn::ImportValue',
  'Fn::FindInMap',
  'Fn::Base64',
  'Fn::GetAZs',
  'Fn::Cidr',
  'Fn::Equals',
  'Fn::Not',
  'Fn::And',
  'Fn::Or',
  'Fn::Length',
  'Fn::ToJsonString',
]);

/** The spec's built-in `tag` type: `{ Key, Value }`. */
const TAG_TYPE: ObjectType = {
  type: 'object',
  name: 'Tag',
  properties: {
    Key: { type: { type: 'string' }, required: true },
    Value: { type: { type: 'string' }, required: true },
  },
};

const LOGICAL_ID = /^[A-Za-z0-9]+$/;
const SUB_PLACEHOLDER = /\$\{([^}]*)\}/g;

let specDatabase: Promise<SpecDatabase> | undefined;

/** Loads the spec database once per process (per test file under jest, which isolates module registries). */
function loadSpec(): Promise<SpecDatabase> {
  specDatabase ??= loadAwsServiceSpec();
  return specDatabase;
}

/**
 * Validates a CloudFormation template (parsed JSON) against the CloudFormation resource schemas in
 * `@aws-cdk/aws-service-spec`, without network access.
 *
 * Like CloudFormation itself, it accepts numeric strings for numbers, `"true"`/`"false"` for booleans, and
 * numbers or booleans for strings; any intrinsic function is accepted in place of a value, and the branches of
 * `Fn::If` are checked against the expected type. Custom resources accept any properties.
 *
 * @param template - the parsed template, e.g. `.serverless/cloudformation-template-update-stack.json`
 * @returns the problems found, in template order; empty when the template is valid
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-anatomy.html
 */
export async function validateTemplate(template: unknown): Promise<TemplateProblem[]> {
  const db = await loadSpec();
  if (!isObject(template)) return [{ path: '', message: 'a template must be a JSON object' }];

  const problems = checkSections(template);
  const resources = template['Resources'];
  if (!isObject(resources)) {
    return [...problems, { path: 'Resources', message: 'the Resources section is required and must be an object' }];
  }

  const index = indexTemplate(db, template, resources);
  const graph = new Map<string, Set<string>>();
  for (const [id, resource] of Object.entries(resources)) {
    const scope: ReferenceScope = { inConditions: false, dependencies: new Set(), problems };
    checkResource(index, id, resource, scope);
    graph.set(id, scope.dependencies);
  }
  checkConditions(index, template['Conditions'], problems);
  checkOutputs(index, template['Outputs'], problems);
  for (const cycle of findCycles(graph)) {
    problems.push({ path: `Resources.${cycle[0]}`, message: `circular dependency: ${cycle.join(' -> ')}` });
  }
  return problems;
}

function checkSections(template: JsonObject): TemplateProblem[] {
  return Object.keys(template)
    .filter((section) => !TOP_LEVEL_SECTIONS.has(section))
    .map((section) => ({ path: section, message: `unknown top-level section '${section}'` }));
}

function indexTemplate(db: SpecDatabase, template: JsonObject, resources: JsonObject): TemplateIndex {
  const resourceTypes = new Map(
    Object.entries(resources).map(([id, resource]) => {
      const type = isObject(resource) ? resource['Type'] : undefined;
      return [id, typeof type === 'string' ? type : undefined] as const;
    }),
  );
  return {
    db,
    resourceTypes,
    parameters: new Set(keysOf(template['Parameters'])),
    conditions: new Set(keysOf(template['Conditions'])),
  };
}

function checkResource(index: TemplateIndex, id: string, resource: unknown, scope: ReferenceScope): void {
  const path = `Resources.${id}`;
  const { problems } = scope;
  if (!LOGICAL_ID.test(id)) problems.push({ path, message: 'a logical id must be alphanumeric' });
  if (!isObject(resource)) {
    problems.push({ path, message: 'a resource must be an object' });
    return;
  }
  for (const key of Object.keys(resource).filter((k) => !RESOURCE_KEYS.has(k))) {
    problems.push({ path: `${path}.${key}`, message: `unknown resource attribute '${key}'` });
  }

  const type = resource['Type'];
  if (typeof type === 'string') problems.push(...checkResourceProperties(index.db, type, resource['Properties'], path));
  else problems.push({ path: `${path}.Type`, message: 'a resource must have a Type string' });

  if ('Condition' in resource) checkConditionName(index, resource['Condition'], `${path}.Condition`, scope);
  if ('DependsOn' in resource) checkDependsOn(index, resource['DependsOn'], `${path}.DependsOn`, scope);
  for (const key of RESOURCE_KEYS_WITH_REFERENCES) walkReferences(index, resource[key], `${path}.${key}`, scope);
}

function checkResourceProperties(db: SpecDatabase, type: string, properties: unknown, path: string): TemplateProblem[] {
  if (isCustomType(type)) return [];
  const resourceSpec = findResourceSpec(db, type);
  if (resourceSpec === undefined) return [{ path: `${path}.Type`, message: `unknown resource type '${type}'` }];
  const expected: ObjectType = { type: 'object', name: type, properties: resourceSpec.properties };
  return checkValue(db, properties ?? {}, expected, `${path}.Properties`);
}

function checkDependsOn(index: TemplateIndex, dependsOn: unknown, path: string, scope: ReferenceScope): void {
  const targets = typeof dependsOn === 'string' ? [dependsOn] : dependsOn;
  if (!Array.isArray(targets)) {
    scope.problems.push({ path, message: 'DependsOn must be a logical id or a list of logical ids' });
    return;
  }
  targets.forEach((target: unknown, i) => {
    const targetPath = Array.isArray(dependsOn) ? `${path}[${i}]` : path;
    if (typeof target === 'string' && index.resourceTypes.has(target)) scope.dependencies.add(target);
    else scope.problems.push({ path: targetPath, message: `DependsOn target '${String(target)}' is not a resource` });
  });
}

function checkConditions(index: TemplateIndex, conditions: unknown, problems: TemplateProblem[]): void {
  if (conditions === undefined) return;
  if (!isObject(conditions)) {
    problems.push({ path: 'Conditions', message: 'the Conditions section must be an object' });
    return;
  }
  const scope: ReferenceScope = { inConditions: true, dependencies: new Set(), problems };
  for (const [name, condition] of Object.entries(conditions)) {
    walkReferences(index, condition, `Conditions.${name}`, scope);
  }
}

function checkOutputs(index: TemplateIndex, outputs: unknown, problems: TemplateProblem[]): void {
  if (outputs === undefined) return;
  if (!isObject(outputs)) {
    problems.push({ path: 'Outputs', message: 'the Outputs section must be an object' });
    return;
  }
  const scope: ReferenceScope = { inConditions: false, dependencies: new Set(), problems };
  for (const [name, output] of Object.entries(outputs)) {
    const path = `Outputs.${name}`;
    if (!isObject(output)) {
      problems.push({ path, message: 'an output must be an object' });
      continue;
    }
    for (const key of Object.keys(output).filter((k) => !OUTPUT_KEYS.has(k))) {
      problems.push({ path: `${path}.${key}`, message: `unknown output attribute '${key}'` });
    }
    if (!('Value' in output)) problems.push({ path: `${path}.Value`, message: 'an output must have a Value' });
    if ('Condition' in output) checkConditionName(index, output['Condition'], `${path}.Condition`, scope);
    walkReferences(index, output['Value'], `${path}.Value`, scope);
    walkReferences(index, output['Export'], `${path}.Export`, scope);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Property types

/** Checks a value against an expected spec type; returns problems rather than reporting them, for type unions. */
function checkValue(db: SpecDatabase, value: unknown, expected: ExpectedType, path: string): TemplateProblem[] {
  const call = intrinsicCall(value, false);
  if (call?.fn === 'Fn::If') return checkIfBranches(db, call.args, expected, `${path}.Fn::If`);
  if (call !== undefined) return [];

  switch (expected.type) {
    case 'string':
      return isScalar(value) ? checkAllowedValue(value, expected, path) : mismatch(db, value, expected, path);
    case 'date-time':
      return expectThat(isScalar(value), db, value, expected, path);
    case 'number':
      return expectThat(typeof value === 'number' || isNumericString(value), db, value, expected, path);
    case 'integer':
      return expectThat(Number.isInteger(value) || isIntegerString(value), db, value, expected, path);
    case 'boolean':
      return expectThat(typeof value === 'boolean' || value === 'true' || value === 'false', db, value, expected, path);
    case 'null':
      return expectThat(value === null, db, value, expected, path);
    case 'json':
      return [];
    case 'array':
      if (!Array.isArray(value)) return mismatch(db, value, expected, path);
      return value.flatMap((item: unknown, i) => checkValue(db, item, expected.element, `${path}[${i}]`));
    case 'map':
      if (!isObject(value)) return mismatch(db, value, expected, path);
      return Object.entries(value).flatMap(([key, item]) => checkValue(db, item, expected.element, `${path}.${key}`));
    case 'tag':
      return checkValue(db, value, TAG_TYPE, path);
    case 'ref': {
      const definition = db.get('typeDefinition', expected.reference);
      return checkValue(db, value, { type: 'object', name: definition.name, properties: definition.properties }, path);
    }
    case 'object':
      return isObject(value) ? checkProperties(db, value, expected, path) : mismatch(db, value, expected, path);
    case 'union':
      return checkUnion(db, value, expected, path);
    default:
      return assertNever(expected);
  }
}

/** A string the schema restricts to a list of values (`allowedValues`) must be one of them. */
function checkAllowedValue(value: unknown, expected: ExpectedType, path: string): TemplateProblem[] {
  const allowed = (expected as { allowedValues?: readonly string[] }).allowedValues;
  if (allowed === undefined || allowed.includes(String(value))) return [];
  return [{ path, message: `expected one of ${allowed.join(', ')}, got ${describeValue(value)}` }];
}

function checkIfBranches(db: SpecDatabase, args: unknown, expected: ExpectedType, path: string): TemplateProblem[] {
  // A malformed Fn::If is reported by the reference walk.
  if (!Array.isArray(args) || args.length !== 3) return [];
  return [1, 2].flatMap((i) => checkValue(db, args[i], expected, `${path}[${i}]`));
}

function checkProperties(db: SpecDatabase, value: JsonObject, expected: ObjectType, path: string): TemplateProblem[] {
  const present = Object.entries(value).flatMap(([key, item]) => {
    const property = Object.hasOwn(expected.properties, key) ? expected.properties[key] : undefined;
    if (property !== undefined) return checkValue(db, item, property.type, `${path}.${key}`);
    return [{ path: `${path}.${key}`, message: unknownPropertyMessage(key, expected) }];
  });
  const missing = Object.entries(expected.properties)
    .filter(([key, property]) => property.required === true && !Object.hasOwn(value, key))
    .map(([key]) => ({ path: `${path}.${key}`, message: `missing required property '${key}' of ${expected.name}` }));
  return [...present, ...missing];
}

function unknownPropertyMessage(key: string, expected: ObjectType): string {
  const sameButCase = Object.keys(expected.properties).find((name) => name.toLowerCase() === key.toLowerCase());
  const hint = sameButCase === undefined ? '' : ` (did you mean '${sameButCase}'?)`;
  return `unknown property '${key}' of ${expected.name}${hint}`;
}

/**
 * A union matches when any alternative does. Otherwise report the deeper problems of the first alternative whose
 * outer shape fits (e.g. the object type for an object with a misspelt key), or else one type mismatch.
 */
function checkUnion(
  db: SpecDatabase,
  value: unknown,
  union: Extract<PropertyType, { type: 'union' }>,
  path: string,
): TemplateProblem[] {
  const results = union.types.map((alternative) => checkValue(db, value, alternative, path));
  if (results.some((problems) => problems.length === 0)) return [];
  const shapeFits = results.find((problems) => problems.every((problem) => problem.path !== path));
  return shapeFits ?? mismatch(db, value, union, path);
}

function expectThat(
  ok: boolean,
  db: SpecDatabase,
  value: unknown,
  expected: ExpectedType,
  path: string,
): TemplateProblem[] {
  return ok ? [] : mismatch(db, value, expected, path);
}

function mismatch(db: SpecDatabase, value: unknown, expected: ExpectedType, path: string): TemplateProblem[] {
  return [{ path, message: `expected ${describeType(db, expected)}, got ${describeValue(value)}` }];
}

function describeType(db: SpecDatabase, type: ExpectedType): string {
  switch (type.type) {
    case 'array':
      return `list of ${describeType(db, type.element)}`;
    case 'map':
      return `map of ${describeType(db, type.element)}`;
    case 'union':
      return type.types.map((alternative) => describeType(db, alternative)).join(' or ');
    case 'ref':
      return `${db.get('typeDefinition', type.reference).name} object`;
    case 'object':
      return `${type.name} object`;
    case 'tag':
      return 'Tag object';
    case 'json':
      return 'JSON';
    default:
      return type.type;
  }
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}

// ---------------------------------------------------------------------------------------------------------------
// References

/** Finds every Ref, Fn::GetAtt, Fn::Sub, Fn::If (and, in Conditions, Condition) below `value` and checks its target. */
function walkReferences(index: TemplateIndex, value: unknown, path: string, scope: ReferenceScope): void {
  if (Array.isArray(value)) {
    value.forEach((item: unknown, i) => {
      walkReferences(index, item, `${path}[${i}]`, scope);
    });
    return;
  }
  if (!isObject(value)) return;
  const call = intrinsicCall(value, scope.inConditions);
  if (call === undefined) {
    for (const [key, item] of Object.entries(value)) walkReferences(index, item, `${path}.${key}`, scope);
    return;
  }
  const { fn, args } = call;
  const argsPath = `${path}.${fn}`;
  switch (fn) {
    case 'Ref':
      checkRef(index, args, argsPath, scope);
      return;
    case 'Fn::GetAtt':
      checkGetAtt(index, args, argsPath, scope);
      return;
    case 'Fn::Sub':
      checkSub(index, args, argsPath, scope);
      return;
    case 'Fn::If':
      checkIf(index, args, argsPath, scope);
      return;
    case 'Condition':
      checkConditionName(index, args, argsPath, scope);
      return;
    default:
      walkReferences(index, args, argsPath, scope);
  }
}

function checkRef(index: TemplateIndex, name: unknown, path: string, scope: ReferenceScope): void {
  if (typeof name !== 'string') {
    scope.problems.push({ path, message: 'Ref must name a resource, parameter or pseudo parameter' });
  } else if (index.resourceTypes.has(name)) {
    if (scope.inConditions) scope.problems.push({ path, message: `Conditions can only Ref parameters, not '${name}'` });
    scope.dependencies.add(name);
  } else if (!index.parameters.has(name) && !PSEUDO_PARAMETERS.has(name)) {
    scope.problems.push({ path, message: `'${name}' is not a resource, parameter or pseudo parameter` });
  }
}

function checkGetAtt(index: TemplateIndex, args: unknown, path: string, scope: ReferenceScope): void {
  const dot = typeof args === 'string' ? args.indexOf('.') : -1;
  if (typeof args === 'string' && dot > 0) {
    checkAttribute(index, args.slice(0, dot), args.slice(dot + 1), path, scope);
    return;
  }
  const [resource, attribute]: unknown[] = Array.isArray(args) && args.length === 2 ? args : [];
  if (typeof resource !== 'string' || attribute === undefined) {
    scope.problems.push({ path, message: 'Fn::GetAtt must be ["LogicalId", "Attribute"] or "LogicalId.Attribute"' });
    return;
  }
  // The attribute may be computed (e.g. a Ref to a parameter): then only the resource can be checked.
  checkAttribute(index, resource, typeof attribute === 'string' ? attribute : undefined, path, scope);
  walkReferences(index, attribute, `${path}[1]`, scope);
}

function checkAttribute(
  index: TemplateIndex,
  resourceId: string,
  attribute: string | undefined,
  path: string,
  scope: ReferenceScope,
): void {
  if (!index.resourceTypes.has(resourceId)) {
    scope.problems.push({ path, message: `'${resourceId}' is not a resource` });
    return;
  }
  scope.dependencies.add(resourceId);
  const type = index.resourceTypes.get(resourceId);
  if (attribute === undefined || type === undefined || isCustomType(type)) return;
  // Nested stacks expose their outputs as `Outputs.<Name>`.
  if (type === 'AWS::CloudFormation::Stack' && attribute.startsWith('Outputs.')) return;
  const attributes = findResourceSpec(index.db, type)?.attributes;
  if (attributes === undefined || Object.hasOwn(attributes, attribute)) return;
  const valid = Object.keys(attributes).join(', ') || 'none';
  scope.problems.push({
    path,
    message: `resource '${resourceId}' (${type}) has no attribute '${attribute}'; valid attributes: ${valid}`,
  });
}

function checkSub(index: TemplateIndex, args: unknown, path: string, scope: ReferenceScope): void {
  const [text, variables]: unknown[] =
    typeof args === 'string' ? [args, {}] : Array.isArray(args) && args.length === 2 ? args : [];
  if (typeof text !== 'string' || !isObject(variables)) {
    scope.problems.push({ path, message: 'Fn::Sub must be a string or ["string", { variables }]' });
    return;
  }
  walkReferences(index, variables, `${path}[1]`, scope);
  for (const [, placeholder = ''] of text.matchAll(SUB_PLACEHOLDER)) {
    const name = placeholder.trim();
    if (name.startsWith('!') || Object.hasOwn(variables, name)) continue;
    const dot = name.indexOf('.');
    if (dot === -1) checkRef(index, name, path, scope);
    else checkAttribute(index, name.slice(0, dot), name.slice(dot + 1), path, scope);
  }
}

function checkIf(index: TemplateIndex, args: unknown, path: string, scope: ReferenceScope): void {
  if (!Array.isArray(args) || args.length !== 3) {
    scope.problems.push({ path, message: 'Fn::If must be [conditionName, valueIfTrue, valueIfFalse]' });
    return;
  }
  checkConditionName(index, args[0], `${path}[0]`, scope);
  walkReferences(index, args[1], `${path}[1]`, scope);
  walkReferences(index, args[2], `${path}[2]`, scope);
}

function checkConditionName(index: TemplateIndex, name: unknown, path: string, scope: ReferenceScope): void {
  if (typeof name !== 'string' || !index.conditions.has(name)) {
    scope.problems.push({ path, message: `condition '${String(name)}' is not defined in Conditions` });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Dependency cycles

/** Every cycle closed by a back edge of a depth-first search, as `[A, B, A]`. */
function findCycles(graph: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const visited = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    visited.add(node);
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      const onStack = stack.indexOf(next);
      if (onStack !== -1) cycles.push([...stack.slice(onStack), next]);
      else if (!visited.has(next)) visit(next);
    }
    stack.pop();
  };
  for (const node of graph.keys()) if (!visited.has(node)) visit(node);
  return cycles;
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers

function findResourceSpec(db: SpecDatabase, type: string): Resource | undefined {
  return db.lookup('resource', 'cloudFormationType', 'equals', type)[0];
}

function isCustomType(type: string): boolean {
  return type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource';
}

/** The intrinsic function call `value` is, if it is a single-key object naming a function. */
function intrinsicCall(value: unknown, allowCondition: boolean): { fn: string; args: unknown } | undefined {
  if (!isObject(value)) return undefined;
  const entries = Object.entries(value);
  const [fn, args] = entries[0] ?? [];
  if (entries.length !== 1 || fn === undefined) return undefined;
  return INTRINSIC_FUNCTIONS.has(fn) || (allowCondition && fn === 'Condition') ? { fn, args } : undefined;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isScalar(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function isNumericString(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value));
}

function isIntegerString(value: unknown): boolean {
  return typeof value === 'string' && /^[+-]?\d+$/.test(value.trim());
}

function keysOf(value: unknown): string[] {
  return isObject(value) ? Object.keys(value) : [];
}

function assertNever(value: never): never {
  throw new Error(`unexpected spec type ${JSON.stringify(value)}`);
}
