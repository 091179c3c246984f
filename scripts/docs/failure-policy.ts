/**
 * Prints the failure policy table (test/faults/failure-policy.ts) as README.md carries it, between its markers:
 * `npm run docs:failure-policy`. Paste the output over the block in README.md when the policy changes; a test
 * fails while the two differ.
 */
import { renderFailurePolicy } from '@test/faults/failure-policy';

process.stdout.write(`${renderFailurePolicy()}\n`);
