/**
 * Whether a floor bundle also does its path's work (`BENCH_FLOOR_CALLS=true`). Without it a floor only imports
 * and constructs its clients; with it the floor also makes the path's AWS calls, paying the SDK's own
 * first-request cost (credentials, endpoint resolution, signing, connection), and does any other work the path
 * cannot skip, the way the function does, minus the project's code.
 */
export function makesCalls(): boolean {
  return process.env.BENCH_FLOOR_CALLS === 'true';
}
