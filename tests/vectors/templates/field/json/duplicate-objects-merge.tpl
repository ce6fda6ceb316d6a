{{/* a duplicated plain object (basicConstraints, nameConstraints) is decoded into the same struct: the fields of both are merged, so maxPathLen 2 and critical survive */}}
{
  "subject": "merged objects",
  "keyUsage": ["certSign"],
  "basicConstraints": {"isCA": true, "maxPathLen": 2},
  "basicConstraints": {"isCA": true},
  "nameConstraints": {"critical": true, "permittedDNSDomains": ["acme.example"]},
  "nameConstraints": {"excludedDNSDomains": ["bad.acme.example"]}
}
