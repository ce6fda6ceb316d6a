{{/* sprig regular expressions (Go RE2 syntax) and Go string literals */}}
{
  "subject": {
    "commonName": "regex",
    "extraNames": [
      {"type": "1.3.6.1.4.1.55555.9.1", "value": {{ toJson (toString (regexMatch `^www\.[a-z]+\.example$` .Subject.CommonName)) }}},
      {"type": "1.3.6.1.4.1.55555.9.2", "value": {{ toJson (toString (regexMatch "^[0-9]+$" .Subject.CommonName)) }}},
      {"type": "1.3.6.1.4.1.55555.9.3", "value": {{ toJson (toString (regexFind "[a-z]+\\.example" .Subject.CommonName)) }}},
      {"type": "1.3.6.1.4.1.55555.9.4", "value": {{ toJson (toString (regexFindAll "[0-9]+" "a1b22c333" -1 | join ",")) }}},
      {"type": "1.3.6.1.4.1.55555.9.5", "value": {{ toJson (toString (regexFindAll "[0-9]+" "a1b22c333" 2 | join ",")) }}},
      {"type": "1.3.6.1.4.1.55555.9.6", "value": {{ toJson (toString (regexReplaceAll `([a-z]+)\.example` .Subject.CommonName "${1}.test")) }}},
      {"type": "1.3.6.1.4.1.55555.9.7", "value": {{ toJson (toString (regexReplaceAllLiteral `\.` .Subject.CommonName "${dot}")) }}},
      {"type": "1.3.6.1.4.1.55555.9.8", "value": {{ toJson (toString (regexSplit "[.-]" "a.b-c.d" -1 | join "|")) }}},
      {"type": "1.3.6.1.4.1.55555.9.9", "value": {{ toJson (toString (regexQuoteMeta "1.5*2+[x]")) }}},
      {"type": "1.3.6.1.4.1.55555.9.10", "value": {{ toJson (toString (regexReplaceAll "(?i)ACME" .Subject.CommonName "Road-Runner")) }}}
    ]
  }
}
