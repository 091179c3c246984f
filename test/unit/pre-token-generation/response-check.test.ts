import { addedClaims, brokenRules } from '@functions/pre-token-generation/response-check';
import { MAX_ADDED_CLAIMS_BYTES, RESERVED_CLAIMS } from '@functions/pre-token-generation/token-contract';

describe('brokenRules', () => {
  it('finds nothing wrong with no answer, or an empty one', () => {
    expect(brokenRules(null)).toEqual([]);
    expect(brokenRules(undefined)).toEqual([]);
    expect(brokenRules({ idTokenGeneration: null, accessTokenGeneration: {}, groupOverrideDetails: null })).toEqual([]);
  });

  it.each([...RESERVED_CLAIMS])('refuses the reserved claim %s, set or suppressed, in either token', (claim) => {
    expect(
      brokenRules({
        idTokenGeneration: { claimsToAddOrOverride: { [claim]: 'x' } },
        accessTokenGeneration: { claimsToSuppress: [claim] },
      }),
    ).toEqual([
      { rule: 'reserved-claim', part: 'id', name: claim },
      { rule: 'reserved-claim', part: 'access', name: claim },
    ]);
  });

  it('refuses the claims Cognito writes from other fields, per token', () => {
    expect(
      brokenRules({
        idTokenGeneration: { claimsToAddOrOverride: { 'cognito:groups': ['x'], scope: 'allowed in the ID token' } },
        accessTokenGeneration: { claimsToAddOrOverride: { scope: 'a b', client_id: 'x' } },
      }),
    ).toEqual([
      { rule: 'managed-claim', part: 'id', name: 'cognito:groups' },
      { rule: 'managed-claim', part: 'access', name: 'scope' },
      { rule: 'managed-claim', part: 'access', name: 'client_id' },
    ]);
  });

  it.each([
    ['a string', 'acme', true],
    ['a number', 42, true],
    ['a boolean', false, true],
    ['an array of primitives', ['a', 1, true], true],
    ['a JSON object', { id: 7, tags: ['x'], nested: { ok: null } }, true],
    ['null', null, false],
    ['an array holding an object', [{ id: 1 }], false],
    ['a number that is not finite', Number.POSITIVE_INFINITY, false],
  ])('takes %s as a claim value: %s', (_what, value, accepted) => {
    expect(brokenRules({ accessTokenGeneration: { claimsToAddOrOverride: { custom: value } } })).toEqual(
      accepted ? [] : [{ rule: 'claim-type', part: 'access', name: 'custom' }],
    );
  });

  it('keeps email_verified, phone_number_verified, updated_at and address simple in the ID token only', () => {
    const object = { value: true };

    expect(brokenRules({ idTokenGeneration: { claimsToAddOrOverride: { address: object, updated_at: 1 } } })).toEqual([
      { rule: 'claim-type', part: 'id', name: 'address' },
    ]);
    expect(brokenRules({ accessTokenGeneration: { claimsToAddOrOverride: { address: object } } })).toEqual([]);
  });

  it('refuses claim names with spaces or of more than 256 characters', () => {
    expect(
      brokenRules({ idTokenGeneration: { claimsToAddOrOverride: { 'two words': 1, ['x'.repeat(257)]: 1, '': 1 } } }),
    ).toEqual([
      { rule: 'claim-name', part: 'id', name: 'two words' },
      { rule: 'claim-name', part: 'id', name: 'x'.repeat(257) },
      { rule: 'claim-name', part: 'id', name: '' },
    ]);
  });

  it(`allows ${MAX_ADDED_CLAIMS_BYTES} bytes of added claims per token, and no more`, () => {
    const fitting = { c: 'é'.repeat((MAX_ADDED_CLAIMS_BYTES - '{"c":""}'.length) / 2) };
    const over = { c: `${fitting.c}x` };

    expect(brokenRules({ accessTokenGeneration: { claimsToAddOrOverride: fitting } })).toEqual([]);
    expect(brokenRules({ accessTokenGeneration: { claimsToAddOrOverride: over } })).toEqual([
      { rule: 'claims-size', part: 'access' },
    ]);
  });

  it('refuses scopes with spaces, quotes or backslashes, and lists that are not of strings', () => {
    expect(
      brokenRules({ accessTokenGeneration: { scopesToAdd: ['ok/read', 'two words', 'a"b'], scopesToSuppress: [1] } }),
    ).toEqual([
      { rule: 'scope-format', part: 'access', name: 'two words' },
      { rule: 'scope-format', part: 'access', name: 'a"b' },
      { rule: 'response-shape', part: 'access', name: 'scopesToSuppress' },
    ]);
  });

  it.each([
    ['the answer is not an object', 'x', [{ rule: 'response-shape', part: 'answer' }]],
    ['a token part is a list', { idTokenGeneration: [] }, [{ rule: 'response-shape', part: 'id' }]],
    [
      'claimsToAddOrOverride is a string',
      { idTokenGeneration: { claimsToAddOrOverride: 'x' } },
      [{ rule: 'response-shape', part: 'id', name: 'claimsToAddOrOverride' }],
    ],
    [
      'claimsToSuppress holds a number',
      { accessTokenGeneration: { claimsToSuppress: [1] } },
      [{ rule: 'response-shape', part: 'access', name: 'claimsToSuppress' }],
    ],
    [
      'groupOverrideDetails has a string as groups',
      { groupOverrideDetails: { groupsToOverride: 'admins' } },
      [{ rule: 'response-shape', part: 'groups' }],
    ],
  ])('refuses an answer whose shape is wrong: %s', (_what, details, violations) => {
    expect(brokenRules(details)).toEqual(violations);
  });
});

describe('addedClaims', () => {
  it('lists the claims added to either token, whatever else the answer holds', () => {
    expect(
      [
        ...addedClaims({
          idTokenGeneration: { claimsToAddOrOverride: { a: 1 } },
          accessTokenGeneration: { claimsToAddOrOverride: { b: 2, a: 3 }, scopesToAdd: 7 },
        }),
      ].sort(),
    ).toEqual(['a', 'b']);
    expect(addedClaims('x').size).toBe(0);
  });
});
