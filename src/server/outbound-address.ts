import { isIP } from 'node:net';

// Fault class 20 (docs/reliability.md): an outbound URL must not let the server call itself or
// the cloud metadata service. Private ranges (10/8, 172.16/12, 192.168/16) stay allowed: a
// government SMS gateway or city-operations platform often sits on an intranet address.

/** Host names that reach the machine itself or a cloud metadata service. */
const blockedNames = [/^localhost$/, /\.localhost$/, /^metadata\.google\.internal$/, /^metadata$/];

function ipv4Blocked(address: string): boolean {
  const [a, b] = address.split('.').map(Number);
  // 127/8 loopback, 0/8 "this host", 169.254/16 link-local with 169.254.169.254 (metadata),
  // 100.100.100.200 (Alibaba Cloud metadata).
  return a === 127 || a === 0 || (a === 169 && b === 254) || address === '100.100.100.200';
}

function ipv6Blocked(address: string): boolean {
  const a = address.toLowerCase();
  // The URL parser writes ::ffff:127.0.0.1 as ::ffff:7f00:1.
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(a);
  if (mapped?.[1] && mapped[2]) {
    const [high, low] = [parseInt(mapped[1], 16), parseInt(mapped[2], 16)];
    return ipv4Blocked(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`);
  }
  // ::1 loopback, :: unspecified, fe80::/10 link-local, fd00:ec2::254 (AWS metadata over IPv6).
  return a === '::1' || a === '::' || /^fe[89ab][0-9a-f]:/.test(a) || a === 'fd00:ec2::254';
}

/**
 * Why a URL's host is refused as an outbound target (loopback, link-local or a metadata
 * service), or null when it may be called. Names are checked as written; see
 * docs/limitations.md for a name that resolves to such an address.
 */
export function blockedOutboundHost(url: string): string | null {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '');
  const kind = isIP(host);
  const blocked =
    kind === 4
      ? ipv4Blocked(host)
      : kind === 6
        ? ipv6Blocked(host)
        : blockedNames.some((name) => name.test(host.toLowerCase()));
  return blocked
    ? `points at ${host}, a loopback, link-local or metadata address; ` +
        'set OUTBOUND_ALLOW_LOOPBACK=true if this is intended'
    : null;
}

/** The operator-set URLs the server calls out to, by setting name. */
export const outboundUrlSettings = ['SMS_GATEWAY_URL', 'CITY_OPS_CALLBACK_URL'] as const;

/** One refusal per outbound URL setting that points at a blocked host, unless allowed. */
export function outboundUrlIssues(
  env: Partial<Record<(typeof outboundUrlSettings)[number], string>>,
  allowLoopback: boolean,
): { setting: string; message: string }[] {
  if (allowLoopback) {
    return [];
  }
  return outboundUrlSettings.flatMap((setting) => {
    const url = env[setting];
    const message = url ? blockedOutboundHost(url) : null;
    return message ? [{ setting, message }] : [];
  });
}
