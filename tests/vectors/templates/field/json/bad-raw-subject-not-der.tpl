{{/* a rawSubject that is not DER: the certificate cannot be parsed back */}}
{
  "rawSubject": "bm90IERFUg=="
}
