/**
 * Whether a pool user's `identities` attribute lists the identity `subject` at `providerName`. Cognito keeps a
 * linked user's federated identities there as a JSON array of `{ providerName, userId, … }`; the provider name
 * is compared case-insensitively. A missing or unreadable attribute lists nothing.
 *
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminGetUser.html
 */
export function listsIdentity(identities: string | undefined, providerName: string, subject: string): boolean {
  if (identities === undefined) {
    return false;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(identities);
  } catch {
    return false;
  }
  return (
    Array.isArray(parsed) &&
    parsed.some(
      (identity: unknown) =>
        typeof identity === 'object' &&
        identity !== null &&
        String((identity as Record<string, unknown>)['providerName']).toLowerCase() === providerName.toLowerCase() &&
        String((identity as Record<string, unknown>)['userId']) === subject,
    )
  );
}
