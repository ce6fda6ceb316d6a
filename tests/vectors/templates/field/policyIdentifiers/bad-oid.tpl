{{/* a bad policy OID */}}
{
  "subject": "policyIdentifiers",
  "policyIdentifiers": ["2.23.140.1.2.1", "not.an.oid"]
}
