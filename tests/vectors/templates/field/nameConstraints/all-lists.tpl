{{/* nameConstraints with every list; IP ranges v4/v6 (192.168.1.7/24 is stored as its network); critical */}}
{
  "subject": "nameConstraints all",
  "keyUsage": ["certSign", "crlSign"],
  "basicConstraints": {"isCA": true, "maxPathLen": 0},
  "nameConstraints": {
    "critical": true,
    "permittedDNSDomains": ["acme.example", ".sub.acme.example"],
    "excludedDNSDomains": ["bad.acme.example"],
    "permittedIPRanges": ["10.0.0.0/8", "192.168.1.7/24", "2001:db8::/32"],
    "excludedIPRanges": ["10.1.0.0/16", "2001:db8:bad::/48"],
    "permittedEmailAddresses": ["acme.example", "admin@acme.example"],
    "excludedEmailAddresses": [".bad.example"],
    "permittedURIDomains": [".acme.example"],
    "excludedURIDomains": ["bad.acme.example"]
  }
}
