{{/* PrintableString when every character allows it, else UTF8String (Go rejects * & @ _ ! in PrintableString); JSON \u escapes */}}
{
  "subject": {
    "organization": ["Printable 'quote' (paren) +,-./:=?", "Star*Name", "Amp & Co", "At@Example", "Under_Score", "Bang!", "Caf\u00e9", "\u6771\u4eac"],
    "commonName": "Printable or UTF8"
  }
}
