/** The baseline: a handler that returns the event, so Cognito applies its default behaviour. */
export const handler = async <E>(event: E): Promise<E> => event;
