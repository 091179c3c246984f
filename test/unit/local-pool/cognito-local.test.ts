import { type CodeDelivery, codeDeliveryReader } from '@scripts/local-pool/cognito-local';

/** A "Confirmation Code Delivery" line as cognito-local 5 prints it (one line, colours stripped, shortened). */
const DELIVERY_LINE =
  '[1795707802154] INFO: 219b7d7a SignUp ╭──────╮│                        ││   Confirmation Code Delivery   ││                        ││   Username:      2f8ace89-0029-461b-b92d-e90619ba7f43   ││   Destination:   bob@example.com   ││   Code:          249995   ││   Email Subject: Confirm your account   │╰──────╯ {"reqId":"219b7d7a","target":"SignUp"}';

describe('codeDeliveryReader', () => {
  it('reports the destination and code of each delivery box, and nothing for other lines', () => {
    const deliveries: CodeDelivery[] = [];
    const read = codeDeliveryReader((delivery) => deliveries.push(delivery));

    read('[1795707797683] INFO: NONE NONE Cognito Local running on http://127.0.0.1:9229');
    read(DELIVERY_LINE);

    expect(deliveries).toEqual([{ destination: 'bob@example.com', code: '249995' }]);
  });
});
