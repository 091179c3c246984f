import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { CommonConfig, Env } from '@shared/config';
import type { TriggerEvent } from '@shared/trigger';
import { type EventFor, loadFixture, type TriggerSource } from '@test/helpers/fixtures';
import type { CognitoAnswer } from '../aws-endpoints';

/** A handler as the bench calls it. */
export type BenchHandler = (event: unknown, context: unknown) => Promise<unknown>;

/** What a path's {@link ColdPathOf.before} may use to set up the state one run needs. */
export interface RunSetUp {
  /** A client of the bench's DynamoDB, which holds the tables of the packaged template. */
  readonly dynamoDb: DynamoDBClient;
  /** The function's environment as the template sets it (table names, settings). */
  readonly env: Readonly<Record<string, string>>;
}

/** One path through a function on a fixture of trigger source `S`, started cold. */
export interface ColdPathOf<S extends TriggerSource> {
  /** What the path does, for the tables. */
  readonly what: string;
  /** The recorded event the path starts from (`test/fixtures/<fixture>.json`). */
  readonly fixture: S;
  /** A further recorded state of the fixture to start from instead (`test/fixtures/<fixture>.<state>.json`). */
  readonly state?: string;
  /**
   * The path's floor: a file of `scripts/bench/floors/`, without `.ts`, that loads only the SDK clients the path
   * needs and makes the same AWS calls. Absent for a path that calls no AWS service: its floor is the bare handler.
   */
  readonly floor?: string;
  /** The event of run `run`, from a fresh copy of the fixture; a path that writes state gives each run its own user. */
  event?(fixture: EventFor<S>, run: number): EventFor<S>;
  /** Sets up what run `run` needs before its process starts (outside the timing), e.g. its legacy user. */
  before?(run: number, setUp: RunSetUp): Promise<void>;
  /** Why `response` is not what the path produces, or `undefined` when it is. */
  check?(response: Readonly<Record<string, unknown>>): string | undefined;
}

/** A path on any fixture; `fixture` decides the type of the event {@link ColdPathOf.event} receives. */
export type ColdPath = { [S in TriggerSource]: ColdPathOf<S> }[TriggerSource];

/**
 * How the bench exercises one function of the registry (`functions/registry.ts`), which gives its trigger: the
 * sources with a fixture are the warm invocations' events.
 */
export interface BenchedFunction {
  /** Reads the function's configuration from the environment, as its handler does at cold start. */
  loadConfig(env: Env): CommonConfig;
  /** The function's handler made from its loaded bundle's exports over in-memory dependencies (warm invocations). */
  warmHandler(bundle: unknown, config: CommonConfig): BenchHandler;
  /** Variables set on top of the packaged environment in every run of the function, to switch on what it does. */
  readonly env?: Readonly<Record<string, string>>;
  /** The paths started cold, by name; `<function>/<name>` in the tables. */
  readonly paths: Readonly<Record<string, ColdPath>>;
  /** How the bench's Cognito API stub answers the operations the function calls (one answer per operation). */
  readonly cognitoAnswers?: Readonly<Record<string, CognitoAnswer>>;
}

/** What {@link defineBenchedFunction} takes: a {@link BenchedFunction} typed with the function's own types. */
export interface BenchedFunctionOf<C extends CommonConfig, B>
  extends Omit<BenchedFunction, 'loadConfig' | 'warmHandler'> {
  loadConfig(env: Env): C;
  /** `bundle` is the module the function's handler file exports (`typeof import('@functions/…/handler')`). */
  warmHandler(bundle: B, config: C): unknown;
}

/** A function's bench entry, checked against the function's configuration and bundle types. */
export function defineBenchedFunction<C extends CommonConfig, B>(spec: BenchedFunctionOf<C, B>): BenchedFunction {
  return spec as unknown as BenchedFunction;
}

/** A {@link ColdPathOf.check} that wants `field` in the response to pass `test` (described by `what`). */
export function responseWith(
  field: string,
  what: string,
  test: (value: unknown) => boolean,
): NonNullable<ColdPathOf<TriggerSource>['check']> {
  return (response) =>
    test(response[field]) ? undefined : `response.${field} is ${JSON.stringify(response[field])}, not ${what}`;
}

/** The event of run `run` of `path`: its fixture, as the path changes it for the run. */
export function pathEvent(path: ColdPath, run: number): TriggerEvent {
  const fixture = loadFixture(path.fixture, path.state);
  const event = (path as ColdPathOf<TriggerSource>).event;
  return event === undefined ? fixture : event(fixture, run);
}
