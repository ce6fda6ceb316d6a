{{/* toJson, toRawJson, toPrettyJson, mustToJson, fromJson, mustFromJson: the JSON text itself is the value (toJson escapes < > & and U+2028) */}}
{{- $obj := dict "html" "<b>&</b>" "n" 1 "list" (list "x" 2 true) "nested" (dict "k" "v") -}}
{
  "subject": {
    "commonName": "json",
    "extraNames": [
      {"type": "1.3.6.1.4.1.55555.9.1", "value": {{ toJson (toString (toJson $obj)) }}},
      {"type": "1.3.6.1.4.1.55555.9.2", "value": {{ toJson (toString (toRawJson $obj)) }}},
      {"type": "1.3.6.1.4.1.55555.9.3", "value": {{ toJson (toString (toPrettyJson $obj)) }}},
      {"type": "1.3.6.1.4.1.55555.9.4", "value": {{ toJson (toString (mustToJson (list 1 "two"))) }}},
      {"type": "1.3.6.1.4.1.55555.9.5", "value": {{ toJson (toString (mustToRawJson "<&>")) }}},
      {"type": "1.3.6.1.4.1.55555.9.6", "value": {{ toJson (toString (mustToPrettyJson (list))) }}},
      {"type": "1.3.6.1.4.1.55555.9.7", "value": {{ toJson (toString ((fromJson "{\"a\":{\"b\":[1,2,3]}}").a.b)) }}},
      {"type": "1.3.6.1.4.1.55555.9.8", "value": {{ toJson (toString (fromJson "not json" | toJson)) }}},
      {"type": "1.3.6.1.4.1.55555.9.9", "value": {{ toJson (toString (mustFromJson "{\"k\":\"v\"}" | toJson)) }}},
      {"type": "1.3.6.1.4.1.55555.9.10", "value": {{ toJson (toString (toJson .Subject)) }}},
      {"type": "1.3.6.1.4.1.55555.9.11", "value": {{ toJson (toString (toJson .SANs)) }}},
      {"type": "1.3.6.1.4.1.55555.9.12", "value": {{ toJson (toString (toJson nil)) }}},
      {"type": "1.3.6.1.4.1.55555.9.13", "value": {{ toJson (toString (toJson 1.0)) }}},
      {"type": "1.3.6.1.4.1.55555.9.14", "value": {{ toJson (toString (toJson 1e21)) }}},
      {"type": "1.3.6.1.4.1.55555.9.15", "value": {{ toJson (toString (toJson 0.1)) }}},
      {"type": "1.3.6.1.4.1.55555.9.16", "value": {{ toJson (toString (toJson "\u2028 \u00e9")) }}},
      {"type": "1.3.6.1.4.1.55555.9.17", "value": {{ toJson (toString (toJson (fromJson "{\"n\": 12345678901234567890}"))) }}}
    ]
  },
  "keyUsage": {{ toJson (list "digitalSignature") }},
  "sans": {{ toRawJson .SANs }},
  "extKeyUsage": {{ toPrettyJson (list "serverAuth") }}
}
