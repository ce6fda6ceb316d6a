{{/* an extraName with a number value: Go's asn1 cannot marshal a float64 */}}
{
  "subject": {"commonName": "x", "extraNames": [{"type": "2.5.4.12", "value": 5}]}
}
