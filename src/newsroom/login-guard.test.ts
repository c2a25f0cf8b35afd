import { describe, expect, it } from 'vitest';
import { type DeviceOwner, deviceIdFor, limitAddress, newDeviceCookie } from './login-guard.ts';

const SECRET = 'test-secret-key-of-at-least-thirty-two-characters';

describe('login guard pieces', () => {
  it('counts IPv4 addresses one by one and IPv6 addresses by their /64', () => {
    expect(limitAddress('198.51.100.7')).toBe('198.51.100.7');
    expect(limitAddress('::ffff:198.51.100.7')).toBe('198.51.100.7');
    const net = '2001:db8:abcd:12::/64';
    for (const ip of [
      '2001:db8:abcd:12::1',
      '2001:0db8:abcd:0012:ffff:ffff:ffff:ffff',
      '2001:db8:abcd:12:1:2:3:4%eth0',
    ])
      expect(limitAddress(ip)).toBe(net);
    expect(limitAddress('2001:db8:abcd:13::1')).not.toBe(net);
    expect(limitAddress('::1')).toBe('0:0:0:0::/64');
  });

  it('accepts a device cookie only for its user, until the password or the epoch changes', () => {
    const owner: DeviceOwner = { id: 7, device_epoch: 0, password_hash: '$argon2id$a' };
    const cookie = newDeviceCookie(SECRET, owner);
    const id = deviceIdFor(SECRET, cookie, owner);
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(cookie.split('.')[1]).toBe(id);
    for (const other of [
      { ...owner, id: 8 },
      { ...owner, device_epoch: 1 },
      { ...owner, password_hash: '$argon2id$b' },
    ])
      expect(deviceIdFor(SECRET, cookie, other)).toBeNull();
    expect(deviceIdFor('another-secret-of-at-least-thirty-two-chars', cookie, owner)).toBeNull();
    const [uid, dev, mac = ''] = cookie.split('.');
    const flipped = `${uid}.${dev}.${mac.startsWith('A') ? 'B' : 'A'}${mac.slice(1)}`;
    for (const bad of [flipped, '', undefined, `${cookie}x`, 'a'.repeat(300)])
      expect(deviceIdFor(SECRET, bad, owner)).toBeNull();
  });
});
