{{/* Go methods called on time values (.Format, .Year, .Unix, .Add) */}}
{
  "subject": {
    "commonName": "time-methods",
    "extraNames": [
      {"type": "1.3.6.1.4.1.55555.9.1", "value": {{ toJson (toString ((toTime 1700000000).Format "2006-01-02T15:04")) }}},
      {"type": "1.3.6.1.4.1.55555.9.2", "value": {{ toJson (toString ((toTime 1700000000).Year)) }}},
      {"type": "1.3.6.1.4.1.55555.9.3", "value": {{ toJson (toString ((parseTime "2024-07-02T23:16:02Z").Unix)) }}},
      {"type": "1.3.6.1.4.1.55555.9.4", "value": {{ toJson (toString (((toTime 0).Add 3600000000000) | formatTime)) }}}
    ]
  }
}
