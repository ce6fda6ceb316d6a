{{/* keyUsage names are case-insensitive and underscores are ignored; duplicates are harmless */}}
{
  "subject": "keyUsage spelling",
  "keyUsage": ["DIGITALSIGNATURE", "digital_signature", "Content_Commitment", "key_encipherment",
               "DataEncipherment", "KEY_AGREEMENT", "cert_sign", "CRLSIGN", "encipher_only",
               "Decipher_Only", "_d_i_g_i_t_a_l_s_i_g_n_a_t_u_r_e_"]
}
