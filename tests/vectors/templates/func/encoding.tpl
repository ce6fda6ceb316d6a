{{/* sprig encodings and hashes; Go's html, js and urlquery */}}
{
  "subject": {
    "commonName": "encoding",
    "extraNames": [
      {"type": "1.3.6.1.4.1.55555.9.1", "value": {{ toJson (toString (b64enc .Subject.CommonName)) }}},
      {"type": "1.3.6.1.4.1.55555.9.2", "value": {{ toJson (toString (b64dec "Z29sZGVu")) }}},
      {"type": "1.3.6.1.4.1.55555.9.3", "value": {{ toJson (toString (b32enc "golden")) }}},
      {"type": "1.3.6.1.4.1.55555.9.4", "value": {{ toJson (toString (b32dec "M5XWYZDFNY======")) }}},
      {"type": "1.3.6.1.4.1.55555.9.5", "value": {{ toJson (toString (sha256sum .Subject.CommonName)) }}},
      {"type": "1.3.6.1.4.1.55555.9.6", "value": {{ toJson (toString (sha1sum "abc")) }}},
      {"type": "1.3.6.1.4.1.55555.9.7", "value": {{ toJson (toString (adler32sum "abc")) }}},
      {"type": "1.3.6.1.4.1.55555.9.8", "value": {{ toJson (toString (urlquery "a b&c=d/é")) }}},
      {"type": "1.3.6.1.4.1.55555.9.9", "value": {{ toJson (toString (html "<a href='x'>&</a>")) }}},
      {"type": "1.3.6.1.4.1.55555.9.10", "value": {{ toJson (toString (js "it's \"quoted\" <x>")) }}},
      {"type": "1.3.6.1.4.1.55555.9.11", "value": {{ toJson (toString (b64enc (toJson .SANs))) }}},
      {"type": "1.3.6.1.4.1.55555.9.12", "value": {{ toJson (toString (b64enc "")) }}}
    ]
  }
}
