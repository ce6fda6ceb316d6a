{{/* refused by the JSON decoder: ip-addresses-bad */}}
{
  "ipAddresses": ["192.0.2.1", "999.0.0.1"]
}
