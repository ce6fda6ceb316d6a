{{/* raw: puts the bytes in place of the [0] EXPLICIT value as they are: without the a0 wrapper the otherName is malformed, and step does not check it */}}
{
  "subject": "raw otherName value without [0]",
  "sans": [
    {"type": "1.3.6.1.4.1.55555.5.99", "value": "raw:DApubyB3cmFwcGVy"}
  ]
}
