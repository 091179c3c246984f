import type { HashFormatName } from './hash-format';

/**
 * For each format, a hash of a random password that was thrown away, at the format's usual cost. Sign-ins of
 * unknown users are verified against one of them, so they take as long as those of real users and the trigger
 * does not reveal which accounts exist. Precomputed, so a cold start does not pay for hashing.
 *
 * | format | parameters |
 * |---|---|
 * | bcrypt | cost 10 |
 * | pbkdf2-sha256 | 600,000 iterations (OWASP's recommendation) |
 * | django-pbkdf2-sha256 | 1,000,000 iterations (Django 5.2's default) |
 * | scrypt | N = 2^17, r = 8, p = 1 (OWASP) |
 * | argon2 | argon2id, m = 19 MiB, t = 2, p = 1 (OWASP) |
 */
export const DUMMY_HASHES: Readonly<Record<HashFormatName, string>> = {
  bcrypt: '$2b$10$weuecDqz0jz/7/bCPm76bOn.D29A1NhCJuqWGrCJpJiuHYOYDZarC',
  'pbkdf2-sha256': '$pbkdf2-sha256$i=600000,l=32$ify2MRtf56H6z+zDNJPShQ$FtUU9QnsX8A7Is435SoroDorvaWX2/jP7wy2BcXwhzE',
  'django-pbkdf2-sha256': 'pbkdf2_sha256$1000000$C63IOKbW2EbbbNXyRk0X6Q$IlfOOvsdl+BS3U5wa7vbfzoAfvwgMyeJ6BII7b9kulY=',
  scrypt: '$scrypt$ln=17,r=8,p=1$ify2MRtf56H6z+zDNJPShQ$lj2IZ1AssyhIqAQvQVA5dE7PRK6YPl4niSKuzWwGD9c',
  argon2: '$argon2id$v=19$m=19456,t=2,p=1$ify2MRtf56H6z+zDNJPShQ$0WCJQ332HxHlVAYKlNVgwTmV2M2Nck8ucAgkGtpPrak',
};
