/**
 * What each function's IAM role allows, from the function declarations of functions/registry.ts (`npm run docs`).
 */
import { DEPLOYED_FUNCTIONS } from '@functions/registry';
import { permissionsOf } from '@resources/service/iam-roles';

/** Every function's permissions, one row per statement of its role: docs/architecture.md. */
export function renderPermissions(): string {
  const header = ['Function', 'Actions', 'On', 'Why'];
  const rows = DEPLOYED_FUNCTIONS.flatMap((declaration) =>
    permissionsOf(declaration).map(({ actions, resource, why }) => [
      `\`${declaration.name}\``,
      actions.map((action) => `\`${action}\``).join(', '),
      resource.shown,
      why,
    ]),
  );
  return [header, header.map(() => '---'), ...rows].map((columns) => `| ${columns.join(' | ')} |`).join('\n');
}
