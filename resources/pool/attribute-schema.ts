import { ONBOARDED_ATTRIBUTE } from '@shared/onboarding/onboarded-marker';
import { STANDARD_ATTRIBUTES } from '@shared/standard-attributes';
import { ParameterError } from './parameter-reader';

/** One entry of `UserPool.Schema`. */
export type SchemaAttribute = Record<string, unknown> & { Name: string };

/**
 * The pool's attribute schema: the `required` standard attributes, and the `custom` ones written
 * `name:String|Number[:immutable]`.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-cognito-userpool-schemaattribute.html
 */
export function attributeSchema(required: readonly string[], custom: readonly string[]): SchemaAttribute[] {
  const standard = required.map((name) => ({ Name: name, AttributeDataType: 'String', Mutable: true, Required: true }));
  const customs = custom.map((definition) => {
    const [name = '', type = 'String', mutability = 'mutable', ...rest] = definition
      .split(':')
      .map((part) => part.trim());
    if (
      !/^[A-Za-z0-9_]{1,20}$/.test(name) ||
      !['String', 'Number'].includes(type) ||
      !['mutable', 'immutable'].includes(mutability) ||
      rest.length > 0
    ) {
      throw new ParameterError(
        'customAttributes',
        `has "${definition}"; write name:String|Number[:immutable] with a name of 1-20 letters, digits or _.`,
      );
    }
    return {
      Name: name,
      AttributeDataType: type,
      Mutable: mutability === 'mutable',
      ...(type === 'String'
        ? { StringAttributeConstraints: { MinLength: '0', MaxLength: '2048' } }
        : { NumberAttributeConstraints: { MinValue: '0' } }),
    };
  });
  return [...standard, ...customs];
}

/** The custom attribute the onboarding sets (see `shared/onboarding/onboarded-marker.ts`), as `customAttributes` writes one. */
export const ONBOARDED_SCHEMA_ATTRIBUTE = `${ONBOARDED_ATTRIBUTE}:String`;

/**
 * What the app client may write (`WriteAttributes`): every standard attribute and the custom ones of
 * `customAttributes` (given as `name:type[:mutability]`), and not `custom:onboarded`. A user who could set it
 * would skip their own onboarding (profile, default groups, welcome email): nothing that protects anyone else, but
 * the app would meet a user without the groups it expects, so only the onboarding writes it, through the admin API.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-attributes.html#user-pool-settings-attribute-permissions-and-scopes
 */
export function clientWriteAttributes(custom: readonly string[]): string[] {
  return [...STANDARD_ATTRIBUTES, ...custom.map((definition) => `custom:${definition.split(':')[0]?.trim() ?? ''}`)];
}
