import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { AppError } from '../lib/errors.ts';

/**
 * Server-side request forgery defence for webhook targets: the host is
 * resolved here, every address it resolves to is checked, and the request
 * then connects to the checked address itself (never resolving the name
 * again), so a name cannot point somewhere harmless at check time and at the
 * metadata service or a private host at connect time.
 */
const BLOCKED = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata (169.254.169.254)
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  BLOCKED.addSubnet(net, bits, 'ipv4');
}
for (const [net, bits] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
  ['64:ff9b::', 96], // NAT64 (embeds an IPv4 address)
] as const) {
  BLOCKED.addSubnet(net, bits, 'ipv6');
}

/** True for loopback, link-local, private, unique-local and other non-public addresses. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return BLOCKED.check(address, 'ipv4');
  if (family !== 6) return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return BLOCKED.check(mapped[1], 'ipv4');
  return BLOCKED.check(address, 'ipv6');
}

/** A target URL checked and pinned to one address. */
export interface ResolvedTarget {
  url: URL;
  address: string;
  family: 4 | 6;
}

/** Parses a webhook URL: http(s), a host, no credentials; anything else is WEBHOOK_URL_INVALID. */
export function parseTargetUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new AppError('WEBHOOK_URL_INVALID');
  }
  if (
    !['http:', 'https:'].includes(url.protocol) ||
    !url.hostname ||
    url.username ||
    url.password
  ) {
    throw new AppError('WEBHOOK_URL_INVALID');
  }
  if (raw.length > 2000) throw new AppError('WEBHOOK_URL_INVALID');
  return url;
}

/**
 * Resolves the URL's host and returns the address to connect to. Refuses
 * (WEBHOOK_URL_BLOCKED) when any address the name resolves to is private,
 * unless the admin allowed this host; a name that does not resolve is
 * WEBHOOK_URL_INVALID.
 */
export async function resolveTarget(raw: string, allowPrivate: boolean): Promise<ResolvedTarget> {
  const url = parseTargetUrl(raw);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: { address: string; family: number }[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await lookup(host, { all: true, verbatim: true });
    } catch {
      throw new AppError('WEBHOOK_URL_INVALID', `cannot resolve ${host}`);
    }
  }
  const first = addresses[0];
  if (!first) throw new AppError('WEBHOOK_URL_INVALID', `cannot resolve ${host}`);
  if (!allowPrivate && addresses.some((a) => isPrivateAddress(a.address))) {
    throw new AppError('WEBHOOK_URL_BLOCKED', host);
  }
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}
