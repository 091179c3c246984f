/**
 * Evaluates the Conditions section of a CloudFormation template whose conditions compare literals, as the
 * packaged stack's do (stage parameters are resolved when packaging): Fn::Equals, Fn::Not, Fn::And, Fn::Or
 * and Condition references.
 */
export function evaluateConditions(conditions: Record<string, unknown> = {}): Record<string, boolean> {
  const evaluate = (expression: unknown): boolean => {
    const [[name, argument]] = Object.entries(expression as Record<string, unknown>) as [[string, unknown]];
    const args = argument as unknown[];
    switch (name) {
      case 'Fn::Equals':
        return JSON.stringify(args[0]) === JSON.stringify(args[1]);
      case 'Fn::Not':
        return !evaluate(args[0]);
      case 'Fn::And':
        return args.every(evaluate);
      case 'Fn::Or':
        return args.some(evaluate);
      case 'Condition':
        return evaluate(conditions[argument as string]);
      default:
        throw new Error(`Cannot evaluate condition function ${name}`);
    }
  };
  return Object.fromEntries(Object.entries(conditions).map(([name, expression]) => [name, evaluate(expression)]));
}
