// The private-address guard's rule: only global unicast addresses may receive webhooks. Loopback,
// private (RFC 1918, fc00::/7), link-local (169.254/16: cloud metadata services; fe80::/10),
// carrier-grade NAT, multicast, reserved, and IPv6 forms that embed an IPv4 address (mapped,
// 6to4, Teredo, NAT64) are refused, so a supplier URL cannot be aimed at the service's own network.
import ipaddr from "ipaddr.js";

export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  // process() turns ::ffff:10.0.0.1 into 10.0.0.1, so a mapped address is judged as IPv4.
  return ipaddr.process(address).range() === "unicast";
}
