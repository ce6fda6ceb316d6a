{{/* JSON string escapes: \u (with a surrogate pair), \", \\, \/, \t */}}
{
  "subject": {"commonName": "esc \u0041\u00e9\ud83d\ude00 \"q\" \\ \/ \t"},
  "dnsNames": ["\u0065scapes.acme.example"]
}
