/**
 * Builds a ListUsers `Filter` that matches `attribute` exactly. The value is quoted, and backslashes and
 * double quotes in it are escaped, so an address such as `"a\"b"@example.com` cannot end the quoted value and
 * change the filter.
 *
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ListUsers.html#CognitoUserPools-ListUsers-request-Filter
 */
export function exactMatchFilter(attribute: 'email' | 'username', value: string): string {
  return `${attribute} = "${value.replace(/[\\"]/g, '\\$&')}"`;
}
