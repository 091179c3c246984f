/** A message the local pool delivered: printed by `npm start` and, for email, sent to the local SES. */
export interface CodeDelivery {
  destination: string;
  code: string;
  /** The message source, e.g. `SignUp`, `ForgotPassword`, `Authentication`. */
  source?: string;
}

/** One email as the pool sends it. */
export interface OutgoingEmail {
  from: string;
  to: string;
  subject: string;
  html: string;
}

/** How delivered messages are reported and sent. */
export interface MailOptions {
  /** The local SES (aws-ses-v2-local); when unset, messages are only reported. */
  sesEndpoint?: string;
  onCodeDelivery?: (delivery: CodeDelivery) => void;
}

/** A SigV4-shaped authorization with the local pool's placeholder credentials. */
const LOCAL_AUTHORIZATION =
  'AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/ses/aws4_request, SignedHeaders=host, Signature=local';

/**
 * Sends an email through the SES v2 API of the local SES, where the triggers' own mail lands too, so an app
 * developer reads everything the pool would email in one place. A failure to send is reported, not raised: the
 * code is printed either way and the API call that sent it has already succeeded on Cognito's side.
 *
 * @see https://docs.aws.amazon.com/ses/latest/APIReference-V2/API_SendEmail.html
 */
export async function sendLocalEmail(sesEndpoint: string, email: OutgoingEmail): Promise<void> {
  const answer = await fetch(`${sesEndpoint}/v2/email/outbound-emails`, {
    method: 'POST',
    // The local SES wants some credential, as SES would; it checks none.
    headers: { 'content-type': 'application/json', authorization: LOCAL_AUTHORIZATION },
    body: JSON.stringify({
      FromEmailAddress: email.from,
      Destination: { ToAddresses: [email.to] },
      Content: { Simple: { Subject: { Data: email.subject }, Body: { Html: { Data: email.html } } } },
    }),
    signal: AbortSignal.timeout(5_000),
  });
  if (!answer.ok) throw new Error(`The local SES answered ${answer.status}.`);
}
