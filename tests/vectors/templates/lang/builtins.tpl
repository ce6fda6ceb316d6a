{{/* text/template's own functions */}}
{
  "subject": {
    "commonName": "builtins",
    "extraNames": [
      {"type": "1.3.6.1.4.1.55555.9.1", "value": {{ toJson (toString (and 1 0 "x")) }}},
      {"type": "1.3.6.1.4.1.55555.9.2", "value": {{ toJson (toString (and 1 "x")) }}},
      {"type": "1.3.6.1.4.1.55555.9.3", "value": {{ toJson (toString (or 0 "" "first")) }}},
      {"type": "1.3.6.1.4.1.55555.9.4", "value": {{ toJson (toString (or 0 "")) }}},
      {"type": "1.3.6.1.4.1.55555.9.5", "value": {{ toJson (toString (not "")) }}},
      {"type": "1.3.6.1.4.1.55555.9.6", "value": {{ toJson (toString (not 1)) }}},
      {"type": "1.3.6.1.4.1.55555.9.7", "value": {{ toJson (toString (eq "a" "b" "a")) }}},
      {"type": "1.3.6.1.4.1.55555.9.8", "value": {{ toJson (toString (ne 1 2)) }}},
      {"type": "1.3.6.1.4.1.55555.9.9", "value": {{ toJson (toString (lt 1 2)) }}},
      {"type": "1.3.6.1.4.1.55555.9.10", "value": {{ toJson (toString (le 2 2)) }}},
      {"type": "1.3.6.1.4.1.55555.9.11", "value": {{ toJson (toString (gt "b" "a")) }}},
      {"type": "1.3.6.1.4.1.55555.9.12", "value": {{ toJson (toString (ge 1.5 1.5)) }}},
      {"type": "1.3.6.1.4.1.55555.9.13", "value": {{ toJson (toString (eq .MaxPathLen 0)) }}},
      {"type": "1.3.6.1.4.1.55555.9.14", "value": {{ toJson (toString (index .Insecure.CR.DNSNames 1)) }}},
      {"type": "1.3.6.1.4.1.55555.9.15", "value": {{ toJson (toString (index (dict "k" (list "a" "b")) "k" 1)) }}},
      {"type": "1.3.6.1.4.1.55555.9.16", "value": {{ toJson (toString (len .SANs)) }}},
      {"type": "1.3.6.1.4.1.55555.9.17", "value": {{ toJson (toString (len .Subject.CommonName)) }}},
      {"type": "1.3.6.1.4.1.55555.9.18", "value": {{ toJson (toString (print 1 2 "x" 3)) }}},
      {"type": "1.3.6.1.4.1.55555.9.19", "value": {{ toJson (toString (printf "%T %T %T" 1 "s" .SANs)) }}},
      {"type": "1.3.6.1.4.1.55555.9.20", "value": {{ toJson (toString (println 1 2)) }}},
      {"type": "1.3.6.1.4.1.55555.9.21", "value": {{ toJson (toString (html "<&>")) }}},
      {"type": "1.3.6.1.4.1.55555.9.22", "value": {{ toJson (toString (js "\u2028</script>")) }}},
      {"type": "1.3.6.1.4.1.55555.9.23", "value": {{ toJson (toString (urlquery "a b" "c/d")) }}},
      {"type": "1.3.6.1.4.1.55555.9.24", "value": {{ toJson (toString (print nil)) }}}
    ]
  }
}
