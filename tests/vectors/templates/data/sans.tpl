{{/* .SANs: the CSR's SANs re-classified (DNS, IP, email, URI), or the CN when there are none (not with --omit-cn-san) */}}
{
  "subject": {
    "commonName": "data sans",
    "extraNames": [
      {"type": "1.3.6.1.4.1.55555.9.1", "value": {{ toJson (toString (toJson .SANs)) }}},
      {"type": "1.3.6.1.4.1.55555.9.2", "value": {{ toJson (toString (len .SANs)) }}},
      {"type": "1.3.6.1.4.1.55555.9.3", "value": "{{ range $i, $s := .SANs }}{{ $i }}:{{ $s.Type }}={{ $s.Value }};{{ end }}"},
      {"type": "1.3.6.1.4.1.55555.9.4", "value": {{ toJson (toString (typeOf .SANs)) }}}
    ]
  },
  "sans": {{ toJson .SANs }}
}
