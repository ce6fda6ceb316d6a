{{/* policyIdentifiers: certificatePolicies with the OIDs only */}}
{
  "subject": "policyIdentifiers",
  "policyIdentifiers": ["2.23.140.1.2.1", "1.3.6.1.4.1.55555.1.2.3", "2.5.29.32.0"]
}
