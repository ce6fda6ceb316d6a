{{/* the empty object: empty subject, no extension but SKI/AKI */}}
{}
