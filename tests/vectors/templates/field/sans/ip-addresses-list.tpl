{{/* ipAddresses list: IPv4-mapped IPv6 is written as 4 bytes */}}
{
  "subject": "ip-addresses-list",
  "ipAddresses": ["192.0.2.1", "2001:db8::1", "::ffff:192.0.2.2", "2001:0DB8:0000:0000:0000:0000:0000:0002", "::", "0.0.0.0"]
}
