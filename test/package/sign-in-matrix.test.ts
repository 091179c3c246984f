/**
 * Every combination of feature plan × first factors × MFA: the valid ones render templates that pass the
 * CloudFormation resource schemas, the invalid ones are refused naming a parameter whose rule they break.
 *
 * Most combinations are not packaged by the Serverless CLI: packaging all 1,080 would take hours on this machine.
 * Instead the package-time resolver (resources/pool/settings.ts) runs in-process over the whole matrix, and its
 * settings are rendered into the pool files as the framework renders them (test/helpers/pool-template.ts). That
 * rendering stands in for `serverless package`. The real CLI packages the combinations of `PACKAGED` (every feature
 * on at once, and a Lite pool with required TOTP), whose pool files must equal the rendering exactly, and the
 * combinations of `REFUSED`, one per rule, which must stop naming their parameter.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PLANS } from '@resources/parameters/parameter';
import { evaluateConditions } from '@test/helpers/cfn-conditions';
import { validateTemplate } from '@test/helpers/cfn-validator';
import { packageIsolatedStack } from '@test/helpers/isolated-package';
import { renderPoolFiles, withPoolSettings } from '@test/helpers/pool-template';
import {
  type CloudFormationTemplate,
  type PackagedStack,
  packageStack,
  serverless,
} from '@test/helpers/serverless-cli';
import { type ParameterOverrides, settingsWith, stageResolver } from '@test/helpers/stage-parameters';

const FACTORS = ['password', 'email_otp', 'sms_otp', 'passkey'] as const;
/** The `AllowedFirstAuthFactors` value of each `signInFactors` item, written out here rather than imported. */
const AUTH_FACTOR: Readonly<Record<(typeof FACTORS)[number], string>> = {
  password: 'PASSWORD',
  email_otp: 'EMAIL_OTP',
  sms_otp: 'SMS_OTP',
  passkey: 'WEB_AUTHN',
};
const MFA_MODES = ['OFF', 'OPTIONAL', 'ON'] as const;
const MFA_METHODS = ['mfaTotp', 'mfaSms', 'mfaEmail'] as const;
/** What every combination shares: an SES identity, so the matrix is about its axes. */
const CONTEXT = {
  emailSendingAccount: 'DEVELOPER',
  sesIdentityArn: 'arn:aws:ses:us-east-1:123456789012:identity/example.com',
};

/** Every non-empty subset of `items`, in order. */
function subsets<T>(items: readonly T[]): T[][] {
  return Array.from({ length: 2 ** items.length - 1 }, (_, mask) => items.filter((_, i) => ((mask + 1) >> i) & 1));
}

interface Combination {
  plan: (typeof PLANS)[number];
  factors: (typeof FACTORS)[number][];
  mfa: (typeof MFA_MODES)[number];
  methods: string[];
}

const COMBINATIONS: Combination[] = PLANS.flatMap((plan) =>
  subsets(FACTORS).flatMap((factors) =>
    MFA_MODES.flatMap((mfa) => [[], ...subsets(MFA_METHODS)].map((methods) => ({ plan, factors, mfa, methods }))),
  ),
);

function overridesOf({ plan, factors, mfa, methods }: Combination): ParameterOverrides {
  return {
    ...CONTEXT,
    userPoolTier: plan,
    signInFactors: factors.join(','),
    // SMS codes go to verified phone numbers: verify them where sms_otp needs it, and only there.
    autoVerifiedAttributes: factors.includes('sms_otp') ? 'email,phone_number' : 'email',
    mfa,
    ...Object.fromEntries(MFA_METHODS.map((method) => [method, String(methods.includes(method))])),
  };
}

/**
 * The parameters whose rules a combination breaks, each rule stated on its own (docs/sign-in-methods.md): the
 * resolver must refuse a combination that breaks any, naming one of them, and accept one that breaks none.
 */
function brokenRules({ plan, factors, mfa, methods }: Combination): string[] {
  const passwordless = factors.some((factor) => factor !== 'password');
  const onOrOptional = mfa !== 'OFF';
  const broken = [
    plan === 'LITE' && passwordless && 'signInFactors',
    plan === 'LITE' && methods.includes('mfaEmail') && 'mfaEmail',
    !factors.includes('password') && 'signInFactors',
    mfa === 'ON' && passwordless && 'mfa',
    onOrOptional && methods.length === 0 && 'mfa',
    onOrOptional && methods.length === 1 && methods[0] === 'mfaEmail' && 'mfaEmail',
  ];
  return broken.filter((name): name is string => typeof name === 'string');
}

function describe_(combination: Combination): string {
  return `${combination.plan} ${combination.factors.join('+')} mfa ${combination.mfa} ${combination.methods.join('+') || 'none'}`;
}

/** The stage parameters of `overrides` as `serverless package` reads them: every declared one, as text. */
async function paramsOf(overrides: ParameterOverrides, names: readonly string[]): Promise<Record<string, string>> {
  const resolve = stageResolver(overrides);
  return Object.fromEntries(
    await Promise.all(names.map(async (name) => [name, String(await resolve(`param:${name}`))])),
  );
}

/** The parameters the pool files read directly (`${param:…}`). */
const FILE_PARAMETERS = [
  'invitationEmailSubject',
  'invitationEmailMessage',
  'invitationSmsMessage',
  'verificationEmailSubject',
  'verificationEmailMessage',
  'verificationSmsMessage',
  'defaultGroup',
  'adminGroup',
];

async function templateFor(base: CloudFormationTemplate, overrides: ParameterOverrides) {
  const pool = (await settingsWith(overrides)) as unknown as Record<string, unknown>;
  return withPoolSettings(base, {
    pool,
    params: await paramsOf(overrides, FILE_PARAMETERS),
    service: 'cognito-flows',
    stage: 'dev',
  });
}

/** Runs `work` over `items`, at most `limit` at a time (the machine has 2 cores). */
async function bounded<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index] as T);
      }
    }),
  );
  return results;
}

let base: PackagedStack;

beforeAll(async () => {
  base = await packageStack('dev');
}, 120_000);

afterAll(async () => {
  await base?.remove();
});

describe('the sign-in matrix through the package-time resolver', () => {
  it(`covers ${COMBINATIONS.length} combinations of plan, first factors and MFA`, () => {
    expect(COMBINATIONS).toHaveLength(3 * 15 * 3 * 8);
  });

  it('refuses each invalid combination naming a parameter whose rule it breaks, and accepts every valid one', async () => {
    const wrong: string[] = [];
    for (const combination of COMBINATIONS) {
      const broken = brokenRules(combination);
      const refusal = await settingsWith(overridesOf(combination)).then(
        () => undefined,
        (error: Error) => error.message,
      );
      const named = /^Stage parameter "(\w+)"/.exec(refusal ?? '')?.[1];
      if (broken.length === 0 && refusal !== undefined) wrong.push(`${describe_(combination)}: refused: ${refusal}`);
      if (broken.length > 0 && (named === undefined || !broken.includes(named))) {
        wrong.push(`${describe_(combination)}: expected a refusal naming ${broken.join(' or ')}, got ${refusal}`);
      }
    }

    expect(wrong).toEqual([]);
  });

  it('renders every valid combination into a template that passes the resource schemas and keeps the invariants', async () => {
    const valid = COMBINATIONS.filter((combination) => brokenRules(combination).length === 0);
    const wrong: string[] = [];
    for (const combination of valid) {
      const template = await templateFor(base.template, overridesOf(combination));
      const problems = await validateTemplate(template);
      const conditions = evaluateConditions(template.Conditions);
      const pool = template.Resources.CognitoUserPoolMain?.Properties ?? {};
      const signInPolicy = (pool.Policies as { SignInPolicy?: unknown }).SignInPolicy;
      const choiceBased = combination.factors.length > 1;
      const mfaOn = combination.mfa !== 'OFF';
      const smsUsed = combination.factors.includes('sms_otp') || (mfaOn && combination.methods.includes('mfaSms'));
      // The email template goes with SetUserPoolMfaConfig, which refuses it while MFA is OFF.
      const emailTemplate =
        mfaOn && (combination.factors.includes('email_otp') || combination.methods.includes('mfaEmail'));
      const facts = {
        problems,
        userAuth: conditions.UserAuthEnabled,
        signInPolicy,
        sms: conditions.SmsEnabled,
        emailMessage: typeof pool.EmailAuthenticationMessage === 'string',
      };
      const expected = {
        problems: [],
        userAuth: choiceBased,
        signInPolicy: choiceBased
          ? { AllowedFirstAuthFactors: combination.factors.map((factor) => AUTH_FACTOR[factor]) }
          : { Ref: 'AWS::NoValue' },
        sms: smsUsed,
        emailMessage: emailTemplate,
      };
      if (JSON.stringify(facts) !== JSON.stringify(expected)) {
        wrong.push(`${describe_(combination)}: ${JSON.stringify(facts)}`);
      }
    }

    expect(valid.length).toBeGreaterThan(200);
    expect(wrong).toEqual([]);
  });
});

/** Representative combinations packaged by the real CLI, whose pool files the renderer must reproduce exactly. */
const PACKAGED: Record<string, ParameterOverrides> = {
  everything: {
    ...CONTEXT,
    userPoolTier: 'PLUS',
    signInFactors: 'password,email_otp,sms_otp,passkey',
    autoVerifiedAttributes: 'email,phone_number',
    passkeyRelyingPartyId: 'example.com',
    passkeyUserVerification: 'required',
    mfa: 'OPTIONAL',
    mfaSms: 'true',
    mfaEmail: 'true',
    passwordHistorySize: '5',
    refreshTokenRotation: 'true',
    refreshTokenRotationGraceSeconds: '20',
    threatProtection: 'enforced',
    hostedUiBranding: 'branded',
  },
  liteRequiredTotp: { userPoolTier: 'LITE', mfa: 'ON' },
};

describe('the real CLI', () => {
  const stacks: Record<string, PackagedStack> = {};

  beforeAll(async () => {
    const names = Object.keys(PACKAGED);
    const packaged = await bounded(names, 2, (name) => packageIsolatedStack('dev', { ...PACKAGED[name] }));
    names.forEach((name, i) => {
      stacks[name] = packaged[i] as PackagedStack;
    });
  }, 180_000);

  afterAll(async () => {
    await Promise.all(Object.values(stacks).map((stack) => stack.remove()));
  });

  it.each(Object.keys(PACKAGED))(
    '%s: writes the pool files as the renderer does, and they pass the schemas',
    async (name) => {
      const overrides = PACKAGED[name] ?? {};
      const packaged = stacks[name]?.template as CloudFormationTemplate;
      const variables = {
        pool: (await settingsWith(overrides)) as unknown as Record<string, unknown>,
        params: await paramsOf(overrides, FILE_PARAMETERS),
        service: 'cognito-flows',
        stage: 'dev',
      };
      const rendered = renderPoolFiles(variables);
      const merged = withPoolSettings(packaged, variables);

      for (const id of Object.keys(rendered.Resources)) {
        expect([id, packaged.Resources[id]]).toEqual([id, merged.Resources[id]]);
      }
      expect(packaged.Conditions).toMatchObject(rendered.Conditions ?? {});
      expect(await validateTemplate(packaged)).toEqual([]);
    },
  );

  const REFUSED: [ParameterOverrides, string][] = [
    [
      { userPoolTier: 'LITE', signInFactors: 'password,email_otp', ...CONTEXT },
      'Stage parameter "signInFactors" is "password,email_otp", which needs userPoolTier ESSENTIALS',
    ],
    [
      { userPoolTier: 'ESSENTIALS', threatProtection: 'audit' },
      'Stage parameter "threatProtection" is "audit", which needs userPoolTier PLUS',
    ],
    [
      { signInFactors: 'password,email_otp' },
      'Stage parameter "signInFactors" contains email_otp, which needs emailSendingAccount DEVELOPER',
    ],
    [{ signInFactors: 'passkey' }, 'Stage parameter "signInFactors" is "passkey" alone'],
    [
      { signInFactors: 'password,passkey', mfa: 'ON' },
      'Stage parameter "mfa" is ON, which Cognito refuses with passwordless first factors',
    ],
    [
      { signInFactors: 'password,sms_otp' },
      'Stage parameter "signInFactors" contains sms_otp, which sends codes to verified phone numbers only',
    ],
    [
      { ...CONTEXT, mfa: 'OPTIONAL', mfaTotp: 'false', mfaEmail: 'true' },
      'Stage parameter "mfaEmail" is the only MFA method',
    ],
    [
      { mfa: 'OPTIONAL', mfaEmail: 'true' },
      'Stage parameter "mfaEmail" is true, which needs emailSendingAccount DEVELOPER',
    ],
    [
      { userPoolTier: 'LITE', hostedUiBranding: 'managed' },
      'Stage parameter "hostedUiBranding" is "managed", which needs userPoolTier ESSENTIALS',
    ],
  ];

  it('refuses one combination per rule, naming its parameter', async () => {
    const outputs = await bounded(REFUSED, 2, async ([params]) => {
      const dir = await mkdtemp(join(tmpdir(), 'cognito-flows-refused-'));
      const args = Object.entries(params).map(([key, value]) => `--param=${key}=${value}`);
      try {
        return await serverless(['package', '--stage', 'dev', '--package', dir, ...args]).then(
          () => 'packaged',
          (error: { stdout: string; stderr: string }) => `${error.stdout}${error.stderr}`,
        );
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    REFUSED.forEach(([, message], i) => {
      expect(outputs[i]).toContain(message);
    });
  }, 120_000);
});
