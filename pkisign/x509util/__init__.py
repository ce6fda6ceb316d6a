"""What go.step.sm/crypto/x509util does: the template data, the JSON certificate, SANs and the profiles."""
