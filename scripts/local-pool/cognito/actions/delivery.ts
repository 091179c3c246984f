import type { CodeDeliveryDetailsType } from 'aws-sdk/clients/cognitoidentityserviceprovider';
import type { DeliveryDetails } from 'cognito-local/lib/services/messageDelivery/messageDelivery';

/** An address as Cognito shows where it sent a code: `j***@e***`. */
export function maskedEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}***@${domain.slice(0, 1)}***`;
}

/** A phone number as Cognito shows where it sent a code: `+*******4567`. */
function maskedPhone(phone: string): string {
  return `+${'*'.repeat(Math.max(phone.length - 5, 0))}${phone.slice(-4)}`;
}

/** Where a code went, as Cognito tells the client: the destination masked. */
export function maskedDelivery(delivery: DeliveryDetails): CodeDeliveryDetailsType {
  return {
    AttributeName: delivery.AttributeName,
    DeliveryMedium: delivery.DeliveryMedium,
    Destination:
      delivery.DeliveryMedium === 'EMAIL' ? maskedEmail(delivery.Destination) : maskedPhone(delivery.Destination),
  };
}

/** The delivery Cognito reports for an unknown user when the client hides existence. */
export function simulatedDelivery(username: string): CodeDeliveryDetailsType {
  return {
    AttributeName: 'email',
    DeliveryMedium: 'EMAIL',
    Destination: maskedEmail(username.includes('@') ? username : `${username}@example.com`),
  };
}
