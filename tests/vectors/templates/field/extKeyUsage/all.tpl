{{/* every extKeyUsage name, in template order */}}
{
  "subject": "extKeyUsage all",
  "extKeyUsage": ["ipsecTunnel", "ipsecUser", "timeStamping", "ocspSigning", "any", "microsoftServerGatedCrypto", "netscapeServerGatedCrypto", "microsoftCommercialCodeSigning", "microsoftKernelCodeSigning", "serverAuth", "clientAuth", "codeSigning", "emailProtection", "ipsecEndSystem"]
}
