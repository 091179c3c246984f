/**
 * The variable a stage parameter reaches a function as: its name in SCREAMING_SNAKE_CASE
 * (`autoConfirmEmailDomains` → `AUTO_CONFIRM_EMAIL_DOMAINS`). The stack names the variables with it, and a function
 * names them with it in an error about a parameter's value.
 */
export function variableOf(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}
