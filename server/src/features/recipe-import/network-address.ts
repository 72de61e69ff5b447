/**
 * Which IP addresses a server-side fetch may connect to: only public unicast ones. Loopback,
 * private, carrier-grade NAT, link-local (cloud metadata at 169.254.169.254), multicast, reserved
 * and documentation ranges are refused, in IPv4 and IPv6, including IPv4 addresses embedded in
 * IPv6 (IPv4-mapped ::ffff:a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16).
 */

interface AddressRange {
  base: number[];
  prefix: number;
  reason: string;
}

function ipv4Bytes(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part))) return null;
  const bytes = parts.map(Number);
  return bytes.every((byte) => byte <= 255) ? bytes : null;
}

function ipv6Bytes(text: string): number[] | null {
  let address = text.replace(/^\[|\]$/g, '').split('%')[0] ?? '';
  const lastColon = address.lastIndexOf(':');
  if (address.slice(lastColon + 1).includes('.')) {
    const v4 = ipv4Bytes(address.slice(lastColon + 1));
    if (!v4) return null;
    const [a = 0, b = 0, c = 0, d = 0] = v4;
    address = `${address.slice(0, lastColon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = address.split('::');
  if (halves.length > 2) return null;
  const groupsOf = (part: string | undefined) => (part ? part.split(':') : []);
  const head = groupsOf(halves[0]);
  const tail = groupsOf(halves[1]);
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 1 && missing !== 0) || (halves.length === 2 && missing < 1)) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (!groups.every((group) => /^[0-9a-f]{1,4}$/i.test(group))) return null;
  return groups.flatMap((group) => {
    const value = Number.parseInt(group, 16);
    return [value >> 8, value & 0xff];
  });
}

const ipv4Ranges: AddressRange[] = [
  { base: [0, 0, 0, 0], prefix: 8, reason: '"this network" (0.0.0.0/8)' },
  { base: [10, 0, 0, 0], prefix: 8, reason: 'private (10.0.0.0/8)' },
  { base: [100, 64, 0, 0], prefix: 10, reason: 'carrier-grade NAT (100.64.0.0/10)' },
  { base: [127, 0, 0, 0], prefix: 8, reason: 'loopback (127.0.0.0/8)' },
  { base: [169, 254, 0, 0], prefix: 16, reason: 'link-local (169.254.0.0/16)' },
  { base: [172, 16, 0, 0], prefix: 12, reason: 'private (172.16.0.0/12)' },
  { base: [192, 0, 0, 0], prefix: 24, reason: 'IETF protocol assignments (192.0.0.0/24)' },
  { base: [192, 0, 2, 0], prefix: 24, reason: 'documentation (192.0.2.0/24)' },
  { base: [192, 88, 99, 0], prefix: 24, reason: '6to4 relay anycast (192.88.99.0/24)' },
  { base: [192, 168, 0, 0], prefix: 16, reason: 'private (192.168.0.0/16)' },
  { base: [198, 18, 0, 0], prefix: 15, reason: 'benchmarking (198.18.0.0/15)' },
  { base: [198, 51, 100, 0], prefix: 24, reason: 'documentation (198.51.100.0/24)' },
  { base: [203, 0, 113, 0], prefix: 24, reason: 'documentation (203.0.113.0/24)' },
  { base: [224, 0, 0, 0], prefix: 4, reason: 'multicast (224.0.0.0/4)' },
  { base: [240, 0, 0, 0], prefix: 4, reason: 'reserved (240.0.0.0/4)' },
];

const ipv6Ranges: AddressRange[] = [
  { base: [], prefix: 128, reason: 'unspecified (::)' },
  { base: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], prefix: 128, reason: 'loopback (::1)' },
  { base: [], prefix: 96, reason: 'IPv4-compatible (::/96)' },
  { base: [0, 0x64, 0xff, 0x9b, 0, 1], prefix: 48, reason: 'local-use NAT64 (64:ff9b:1::/48)' },
  { base: [0x01], prefix: 64, reason: 'discard-only (100::/64)' },
  { base: [0x20, 0x01, 0x0d, 0xb8], prefix: 32, reason: 'documentation (2001:db8::/32)' },
  { base: [0x20, 0x01], prefix: 23, reason: 'IETF protocol assignments, Teredo (2001::/23)' },
  { base: [0xfc], prefix: 7, reason: 'unique-local (fc00::/7)' },
  { base: [0xfe, 0x80], prefix: 10, reason: 'link-local (fe80::/10)' },
  { base: [0xfe, 0xc0], prefix: 10, reason: 'site-local (fec0::/10)' },
  { base: [0xff], prefix: 8, reason: 'multicast (ff00::/8)' },
];

function inRange(bytes: readonly number[], range: AddressRange): boolean {
  for (let bit = 0; bit < range.prefix; bit += 8) {
    const index = bit / 8;
    const bits = Math.min(8, range.prefix - bit);
    const mask = (0xff << (8 - bits)) & 0xff;
    if (((bytes[index] ?? 0) & mask) !== ((range.base[index] ?? 0) & mask)) return false;
  }
  return true;
}

const startsWith = (bytes: readonly number[], prefix: readonly number[]) => prefix.every((byte, index) => bytes[index] === byte);

function ipv4Reason(bytes: number[]): string | null {
  return ipv4Ranges.find((range) => inRange(bytes, range))?.reason ?? null;
}

/** Why a fetch must not connect to this address, or null when it is a public unicast address (or not an IP at all). */
export function blockedAddressReason(address: string): string | null {
  const v4 = ipv4Bytes(address);
  if (v4) return ipv4Reason(v4);
  const v6 = ipv6Bytes(address);
  if (!v6) return null;
  // IPv4 inside IPv6: judged as the IPv4 address it carries.
  if (startsWith(v6, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff])) return ipv4Reason(v6.slice(12)) && `IPv4-mapped ${ipv4Reason(v6.slice(12))}`;
  if (startsWith(v6, [0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0])) return ipv4Reason(v6.slice(12)) && `NAT64 ${ipv4Reason(v6.slice(12))}`;
  if (startsWith(v6, [0x20, 0x02])) return ipv4Reason(v6.slice(2, 6)) && `6to4 ${ipv4Reason(v6.slice(2, 6))}`;
  return ipv6Ranges.find((range) => inRange(v6, range))?.reason ?? null;
}

/** True for a literal IPv4 or IPv6 address (brackets allowed), as opposed to a host name. */
export const isIpLiteral = (host: string): boolean => ipv4Bytes(host) !== null || (host.includes(':') && ipv6Bytes(host) !== null);
