import { settle } from '@test/helpers/deadline';
import { FIXTURES_BY_TRIGGER, type FixtureTrigger } from '@test/helpers/fixtures';
import { captureStdoutLogsOfEachTest } from '@test/helpers/log-capture';
import fc from 'fast-check';
import { assertContainedFor } from './containment';
import { type FuzzHandlers, fuzzHandlers } from './fuzz-handlers';
import { hostileEvent } from './hostile-events';

let handlers: FuzzHandlers;
captureStdoutLogsOfEachTest();

beforeAll(async () => {
  handlers = await fuzzHandlers({ LOG_LEVEL: 'debug' });
});

const TRIGGERS = Object.keys(FIXTURES_BY_TRIGGER) as FixtureTrigger[];

describe.each(TRIGGERS)('the %s handler on hostile events', (trigger) => {
  it('answers, or refuses with a deliberate message, for malformed events of its own trigger', async () => {
    await assertContainedFor(hostileEvent(FIXTURES_BY_TRIGGER[trigger]), handlers.invoke[trigger]);
  });

  it('refuses events of every other trigger, malformed or not, without crashing', async () => {
    await assertContainedFor(hostileEvent(), handlers.invoke[trigger]);
  });

  it('gets past the event check on a good share of its own malformed events, so the flow itself is exercised', async () => {
    const events = fc.sample(hostileEvent(FIXTURES_BY_TRIGGER[trigger]), { numRuns: 200, seed: 7 });

    const outcomes = await Promise.all(events.map((event) => settle(() => handlers.invoke[trigger](event))));

    const pastTheGuard = outcomes.filter(
      (outcome) =>
        outcome.status === 'fulfilled' ||
        (outcome.reason instanceof Error && outcome.reason.name !== 'InvalidEventError'),
    );
    expect(pastTheGuard.length).toBeGreaterThan(events.length / 4);
  });
});
