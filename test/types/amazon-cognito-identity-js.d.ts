/** The library's SRP helpers, which its package does not type: the tests compute the client side with them. */
declare module 'amazon-cognito-identity-js/lib/AuthenticationHelper' {
  const AuthenticationHelper: unknown;
  export default AuthenticationHelper;
}
declare module 'amazon-cognito-identity-js/lib/BigInteger' {
  const BigInteger: unknown;
  export default BigInteger;
}
