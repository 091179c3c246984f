import { DependencyError } from '@shared/errors';
import type { UserMigrationContext } from './trigger';

/**
 * Runs `call` on the legacy user store and counts a migration the store let down (`MigrationStoreDown`) when it
 * fails with a `DependencyError`, which it passes on: the sign-in fails with the generic message.
 */
export async function fromLegacyStore<T>(context: UserMigrationContext, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof DependencyError) context.metrics.count('MigrationStoreDown');
    throw error;
  }
}
