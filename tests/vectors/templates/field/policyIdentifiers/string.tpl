{{/* policyIdentifiers as a string */}}
{
  "subject": "policyIdentifiers",
  "policyIdentifiers": "2.23.140.1.2.2"
}
